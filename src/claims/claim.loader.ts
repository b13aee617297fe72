import DataLoader from 'dataloader';
import type { LoaderGroup } from '../context';
import { byIdLoader, groupLoader, perArgument } from '../shared/loaders';
import type { ClaimService } from './claim.service';
import type { Claim, ClaimEvidence } from './claim.type';

/**
 * Per-request loaders of claims: by id, by who made them, and their evidence per date (every claim of a tick
 * in one batch: two statements whatever their number).
 */
export function createClaimLoaders(service: ClaimService) {
  return {
    claimById: byIdLoader(
      (ids) => service.byIds(ids),
      (c) => c.rowId,
    ),
    claimsByVendor: groupLoader(
      (ids) => service.by('vendor', ids),
      (c) => c.vendorId!,
    ),
    claimsByPerson: groupLoader(
      (ids) => service.by('person', ids),
      (c) => c.personId!,
    ),
    claimsBySession: groupLoader(
      (ids) => service.by('session', ids),
      (c) => c.sessionId!,
    ),
    claimEvidence: perArgument(
      (asOf: string | null) =>
        new DataLoader<Claim, ClaimEvidence, number>((claims) => service.evidence(claims, asOf), {
          cacheKeyFn: (c) => c.rowId,
        }),
    ),
  };
}
export type ClaimLoaders = ReturnType<typeof createClaimLoaders>;

/** Claims and their evidence. Registered in src/loaders.ts; made on first use in a request. */
export const claimLoaderGroup: LoaderGroup<{ claims: ClaimService }> = (s) => createClaimLoaders(s.claims);

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends ClaimLoaders {}
}
