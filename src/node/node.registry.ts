import { byIdLoader } from '../shared/loaders';
import type { Context, LoaderGroup } from '../context';
import type { Services } from '../services';

/** By-id loaders for kinds that no relation loads by id, used by `node(id)` and search hits. */
export function createNodeLoaders(services: Services) {
  return {
    sourceById: byIdLoader(
      (ids) => services.sources.byIds(ids),
      (r) => r.rowId,
    ),
    featureById: byIdLoader(
      (ids) => services.hardware.byIds(ids),
      (r) => r.rowId,
    ),
    statementById: byIdLoader(
      (ids) => services.statements.where('id', ids, null),
      (r) => r.rowId,
    ),
    relationById: byIdLoader(
      (ids) => services.vendorRelations.byIds(ids),
      (r) => r.rowId,
    ),
    topicById: byIdLoader(
      (ids) => services.topics.byIds(ids),
      (r) => r.rowId,
    ),
    sessionById: byIdLoader(
      (ids) => services.sessions.byIds(ids),
      (r) => r.rowId,
    ),
  };
}
export type NodeLoaders = ReturnType<typeof createNodeLoaders>;

type Fetch = (ctx: Context, id: number) => Promise<object | null>;

/** How to fetch each Node type by database id: every fetch goes through a per-request loader. */
export const NODE_FETCHERS: Readonly<Record<string, Fetch>> = {
  Source: (ctx, id) => ctx.loaders.sourceById.load(id),
  License: (ctx, id) => ctx.loaders.licenseById.load(id),
  Vendor: (ctx, id) => ctx.loaders.vendorById.load(id),
  VendorRelation: (ctx, id) => ctx.loaders.relationById.load(id),
  Hypervisor: (ctx, id) => ctx.loaders.hypervisorById.load(id),
  HypervisorRelease: (ctx, id) => ctx.loaders.releaseById.load(id),
  OperatingSystem: (ctx, id) => ctx.loaders.osById.load(id),
  HardwareFeature: (ctx, id) => ctx.loaders.featureById.load(id),
  DriverPackage: (ctx, id) => ctx.loaders.packageById.load(id),
  SupportStatement: (ctx, id) => ctx.loaders.statementById.load(id),
  Person: (ctx, id) => ctx.loaders.personById.load(id),
  Topic: (ctx, id) => ctx.loaders.topicById.load(id),
  Conference: (ctx, id) => ctx.loaders.conferenceById.load(id),
  Track: (ctx, id) => ctx.loaders.trackById.load(id),
  Session: (ctx, id) => ctx.loaders.sessionById.load(id),
  Workload: (ctx, id) => ctx.loaders.workloadById.load(id),
  Testbed: (ctx, id) => ctx.loaders.testbedById.load(id),
  Scenario: (ctx, id) => ctx.loaders.scenarioById.load(id),
  Claim: (ctx, id) => ctx.loaders.claimById.load(id),
};

/** By-id loaders for `node(id)` and search hits. Registered in src/loaders.ts; made on first use in a request. */
export const nodeLoaderGroup: LoaderGroup<Services> = createNodeLoaders;

declare module '../context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface Loaders extends NodeLoaders {}
}
