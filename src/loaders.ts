import type { Viewer } from './auth/viewer';
import { benchmarkLoaderGroup } from './benchmarks/benchmark.loader';
import { claimLoaderGroup } from './claims/claim.loader';
import { conferenceLoaderGroup } from './conference/conference.loader';
import type { Context, LoaderGroup, Loaders } from './context';
import { driverLoaderGroup } from './drivers/driver-package.loader';
import { hardwareLoaderGroup } from './hardware/hardware-feature.loader';
import { hypervisorLoaderGroup } from './hypervisors/hypervisor.loader';
import { releaseLoaderGroup } from './hypervisors/hypervisor-release.loader';
import { statementLoaderGroup } from './interop/support-statement.loader';
import { licenseLoaderGroup } from './licensing/license.loader';
import { nodeLoaderGroup } from './node/node.registry';
import { operatingSystemLoaderGroup } from './operating-systems/operating-system.loader';
import { knowledgePerformanceLoaderGroup } from './performance/knowledge-performance.loader';
import type { Services } from './services';
import { lazyLoaders } from './shared/lazy-loaders';
import { citationLoaderGroup } from './sources/source.loader';
import { vendorRelationLoaderGroup } from './vendors/vendor-relation.loader';
import { vendorLoaderGroup } from './vendors/vendor.loader';

/** Every domain's loader group: the one list a new domain's loaders join (composition root). */
export const LOADER_GROUPS: readonly LoaderGroup<Services>[] = [
  vendorLoaderGroup,
  licenseLoaderGroup,
  hypervisorLoaderGroup,
  citationLoaderGroup,
  releaseLoaderGroup,
  operatingSystemLoaderGroup,
  hardwareLoaderGroup,
  driverLoaderGroup,
  statementLoaderGroup,
  vendorRelationLoaderGroup,
  conferenceLoaderGroup,
  benchmarkLoaderGroup,
  nodeLoaderGroup,
  claimLoaderGroup,
  knowledgePerformanceLoaderGroup,
];

/** The context factory of one set of services: each call is one request's context, its loaders made lazily. */
export function contextFactory(services: Services): (requestId: string, viewer: Viewer | null) => Context {
  const loaders = lazyLoaders<Services, Loaders>(LOADER_GROUPS, services);
  return (requestId, viewer) => ({ requestId, viewer, loaders: loaders() });
}
