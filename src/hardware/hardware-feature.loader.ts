import { groupLoader } from '../shared/loaders';
import type { LoaderGroup } from '../context';
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

/** Hardware features. Registered in src/loaders.ts; made on first use in a request. */
export const hardwareLoaderGroup: LoaderGroup<{ hardware: HardwareFeatureService }> = (s) =>
  createHardwareLoaders(s.hardware);

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends HardwareLoaders {}
}
