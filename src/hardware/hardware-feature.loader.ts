import { groupLoader } from '../shared/loaders';
import type { HardwareFeatureService } from './hardware-feature.service';

export type HardwareLoaders = ReturnType<typeof createHardwareLoaders>;

export function createHardwareLoaders(features: HardwareFeatureService) {
  return {
    featuresByVendor: groupLoader(
      (ids) => features.byVendorIds(ids),
      (f) => f.vendorId,
    ),
    featuresRequiredBy: groupLoader(
      (ids) => features.requiredBy(ids),
      (f) => f.ownerId,
    ),
  };
}
