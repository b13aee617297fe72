import type { RelationKind } from './vendor-relation.entity';
import { groupLoader, perArgument } from '../shared/loaders';
import type { VendorRelationService } from './vendor-relation.service';

export type VendorRelationLoaders = ReturnType<typeof createVendorRelationLoaders>;

export function createVendorRelationLoaders(relations: VendorRelationService) {
  return {
    /** Relations of each vendor, of a kind (or any) and in force at a date (or ever). */
    relationsOfVendor: perArgument(({ kind, asOf }: { kind: RelationKind | null; asOf: string | null }) =>
      groupLoader(
        (ids) => relations.ofVendors(ids, kind, asOf),
        (r) => r.ownerId,
      ),
    ),
  };
}
