import type { RelationKind } from './vendor-relation.entity';
import type { LoaderGroup } from '../context';
import { groupLoader, perArgument } from '../shared/loaders';
import type { VendorRelationService } from './vendor-relation.service';

export type VendorRelationLoaders = ReturnType<typeof createVendorRelationLoaders>;

/**
 * Relation loaders. What a relation affected needs none of its own: the relation row carries the ids, and
 * `hypervisorById`, `packageById` and `statementById` fetch them, one statement per kind per request.
 */
export function createVendorRelationLoaders(relations: VendorRelationService) {
  return {
    /** Relations of each vendor, of a kind (or any) and in force at a date (or ever). */
    relationsOfVendor: perArgument(({ kind, asOf }: { kind: RelationKind | null; asOf: string | null }) =>
      groupLoader(
        (ids) => relations.ofVendors(ids, kind, asOf),
        (r) => r.ownerId,
      ),
    ),
    /** Relations that affected each hypervisor, oldest first. */
    relationsAffectingHypervisor: groupLoader(
      (ids) => relations.affecting(ids),
      (r) => r.ownerId,
    ),
  };
}

/** Vendor relations. Registered in src/loaders.ts; made on first use in a request. */
export const vendorRelationLoaderGroup: LoaderGroup<{ vendorRelations: VendorRelationService }> = (s) =>
  createVendorRelationLoaders(s.vendorRelations);

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends VendorRelationLoaders {}
}
