import type { DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import {
  listSupportStatements,
  supportStatementsRequiring,
  supportStatementsWhere,
  type SupportStatementFilter,
  type SupportStatementRow,
} from './support-statement.queries';
import type { SupportStatement } from './support-statement.type';

export type StatementOwner = 'hypervisor_release_id' | 'guest_os_id' | 'host_os_id' | 'driver_package_id';

export class SupportStatementService {
  constructor(private readonly db: DataSource) {}

  async list(filter: SupportStatementFilter, page: PageRequest): Promise<Page<SupportStatement>> {
    const { rows, totalCount } = await listSupportStatements(this.db, filter, page);
    return { rows: rows.map(toStatement), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<SupportStatement | null> {
    const [row] = await supportStatementsWhere(this.db, 'slug', [slug], null);
    return row ? toStatement(row) : null;
  }

  async where(
    column: StatementOwner | 'id',
    ids: readonly number[],
    asOf: string | null,
  ): Promise<SupportStatement[]> {
    return (await supportStatementsWhere(this.db, column, ids, asOf)).map(toStatement);
  }

  async requiring(
    featureIds: readonly number[],
    asOf: string | null,
  ): Promise<(SupportStatement & { ownerId: number })[]> {
    return (await supportStatementsRequiring(this.db, featureIds, asOf)).map((r) => ({
      ...toStatement(r),
      ownerId: r.ownerId,
    }));
  }
}

export function toStatement(r: SupportStatementRow): SupportStatement {
  return {
    rowId: r.id,
    hypervisorReleaseId: r.hypervisorReleaseId,
    hostOsId: r.hostOsId,
    guestOsId: r.guestOsId,
    driverPackageId: r.driverPackageId,
    id: toGlobalId('SupportStatement', r.id),
    slug: r.slug,
    mode: r.mode,
    status: r.status,
    validFrom: r.validFrom,
    validFromPrecision: r.validFromPrecision,
    validTo: r.validTo,
    validToPrecision: r.validToPrecision,
    notes: r.notes,
  };
}
