import { groupLoader, perArgument } from '../shared/loaders';
import type { LoaderGroup } from '../context';
import type { StatementOwner, SupportStatementService } from './support-statement.service';

export type StatementLoaders = ReturnType<typeof createStatementLoaders>;

export function createStatementLoaders(statements: SupportStatementService) {
  const by = (
    column: StatementOwner,
    keyOf: (s: {
      hypervisorReleaseId: number;
      guestOsId: number;
      hostOsId: number | null;
      driverPackageId: number | null;
    }) => number,
  ) => perArgument((asOf: string | null) => groupLoader((ids) => statements.where(column, ids, asOf), keyOf));
  return {
    statementsOfRelease: by('hypervisor_release_id', (s) => s.hypervisorReleaseId),
    statementsOfGuest: by('guest_os_id', (s) => s.guestOsId),
    statementsOfHost: by('host_os_id', (s) => s.hostOsId ?? 0),
    statementsOfPackage: by('driver_package_id', (s) => s.driverPackageId ?? 0),
    statementsRequiring: perArgument((asOf: string | null) =>
      groupLoader(
        (ids) => statements.requiring(ids, asOf),
        (s) => s.ownerId,
      ),
    ),
  };
}

/** Support statements. Registered in src/loaders.ts; made on first use in a request. */
export const statementLoaderGroup: LoaderGroup<{ statements: SupportStatementService }> = (s) =>
  createStatementLoaders(s.statements);

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends StatementLoaders {}
}
