import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import {
  PersonSessionsResolver,
  TopicSessionsResolver,
  VendorConferenceResolver,
} from './conference/conference-links.resolver';
import { ConferenceResolver, TrackResolver } from './conference/conference.resolver';
import { SessionResolver, SessionSpeakerResolver } from './conference/session.resolver';
import {
  HardwareAnnouncementResolver,
  StanceShareResolver,
  TopicCoverageResolver,
  TrackCoverageResolver,
  VendorRepresentationResolver,
} from './conference/track-coverage.resolver';
import { DriverPackageResolver, DriverPackageTermResolver } from './drivers/driver-package.resolver';
import { HardwareFeatureResolver } from './hardware/hardware-feature.resolver';
import { HypervisorReleaseResolver } from './hypervisors/hypervisor-release.resolver';
import { HypervisorResolver } from './hypervisors/hypervisor.resolver';
import { SupportStatementResolver } from './interop/support-statement.resolver';
import { OperatingSystemResolver } from './operating-systems/operating-system.resolver';
import { HypervisorRelationsResolver, VendorRelationResolver } from './vendors/vendor-relation.resolver';
import { LicenseResolver } from './licensing/license.resolver';
import {
  LicensedComponentResolver,
  LicensePeriodResolver,
  LicensingReportResolver,
} from './licensing/licensing-report.resolver';
import { PersonAffiliationResolver, PersonResolver } from './people/person.resolver';
import { SourceResolver } from './sources/source.resolver';
import { TopicResolver } from './topics/topic.resolver';
import { VendorResolver } from './vendors/vendor.resolver';
import { servePreloadedFields } from './lookahead/preloaded';
import { CELL_RELATED, PATH_RELATED } from './interop/interop.queries';
import { KEY_OBJECTS } from './performance/performance.queries';
import type { Services } from './services';
import { NodeResolver } from './node/node.resolver';
import { SearchResolver } from './search/search.resolver';
import {
  InteropCellResolver,
  InteropMatrixResolver,
  InteropResolver,
  ParavirtPathResolver,
} from './interop/interop.resolver';
import { CalibrationResultResolver, SimulatorModelResolver } from './simulator/simulator-model.resolver';
import { ScenarioResolver, TestbedResolver, WorkloadResolver } from './benchmarks/benchmark.resolver';
import { IngestResolver } from './ingest/ingest.resolver';
import {
  NativeOverheadResolver,
  PerformanceGroupKeyResolver,
  PerformanceResolver,
  SpeedupSideResolver,
} from './performance/performance.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { CurationResolver } from './curation/curation.resolver';
import {
  ClaimMeasureResolver,
  ClaimResolver,
  ClaimSideResolver,
  EvidenceComparisonResolver,
  EvidenceFactResolver,
  PersonClaimsResolver,
  SessionClaimsResolver,
  VendorClaimsResolver,
} from './claims/claim.resolver';
import {
  DriverPerformanceResolver,
  DriverSpeedupLinksResolver,
  HardwareFeatureEffectLinksResolver,
  HardwarePerformanceResolver,
  HypervisorPerformanceLinksResolver,
  HypervisorPerformanceResolver,
  MeasuredSideResolver,
  ReleasePerformanceResolver,
} from './performance/knowledge-performance.resolver';

/** Every resolver class, in a fixed order (no glob loading). */
export const RESOLVERS = [
  NodeResolver,
  SearchResolver,
  VendorResolver,
  VendorRelationResolver,
  HypervisorRelationsResolver,
  HypervisorResolver,
  HypervisorReleaseResolver,
  OperatingSystemResolver,
  HardwareFeatureResolver,
  DriverPackageResolver,
  DriverPackageTermResolver,
  SupportStatementResolver,
  InteropResolver,
  InteropMatrixResolver,
  InteropCellResolver,
  ParavirtPathResolver,
  SimulatorModelResolver,
  CalibrationResultResolver,
  WorkloadResolver,
  TestbedResolver,
  ScenarioResolver,
  PerformanceResolver,
  PerformanceGroupKeyResolver,
  SpeedupSideResolver,
  NativeOverheadResolver,
  IngestResolver,
  LicenseResolver,
  LicensingReportResolver,
  LicensedComponentResolver,
  LicensePeriodResolver,
  SourceResolver,
  PersonResolver,
  PersonAffiliationResolver,
  TopicResolver,
  ConferenceResolver,
  TrackResolver,
  SessionResolver,
  SessionSpeakerResolver,
  VendorConferenceResolver,
  PersonSessionsResolver,
  TopicSessionsResolver,
  TrackCoverageResolver,
  TopicCoverageResolver,
  StanceShareResolver,
  VendorRepresentationResolver,
  HardwareAnnouncementResolver,
  CurationResolver,
  AuditResolver,
  ClaimResolver,
  ClaimMeasureResolver,
  ClaimSideResolver,
  EvidenceComparisonResolver,
  EvidenceFactResolver,
  VendorClaimsResolver,
  PersonClaimsResolver,
  SessionClaimsResolver,
  HypervisorPerformanceResolver,
  ReleasePerformanceResolver,
  DriverPerformanceResolver,
  HardwarePerformanceResolver,
  MeasuredSideResolver,
  HypervisorPerformanceLinksResolver,
  DriverSpeedupLinksResolver,
  HardwareFeatureEffectLinksResolver,
] as const;

/** Resolver instances wired to their services: type-graphql's container, without an IoC library. */
export function createResolverContainer(services: Services): ContainerType {
  const instances = new Map<Function, object>([
    [NodeResolver, new NodeResolver()],
    [SearchResolver, new SearchResolver(services.search)],
    [VendorResolver, new VendorResolver(services.vendors)],
    [VendorRelationResolver, new VendorRelationResolver(services.vendorRelations)],
    [HypervisorRelationsResolver, new HypervisorRelationsResolver()],
    [HypervisorReleaseResolver, new HypervisorReleaseResolver(services.releases)],
    [OperatingSystemResolver, new OperatingSystemResolver(services.operatingSystems)],
    [HardwareFeatureResolver, new HardwareFeatureResolver(services.hardware)],
    [DriverPackageResolver, new DriverPackageResolver(services.drivers)],
    [DriverPackageTermResolver, new DriverPackageTermResolver()],
    [SupportStatementResolver, new SupportStatementResolver(services.statements)],
    [InteropResolver, new InteropResolver(services.interop)],
    [InteropMatrixResolver, new InteropMatrixResolver(services.interop)],
    [InteropCellResolver, new InteropCellResolver()],
    [ParavirtPathResolver, new ParavirtPathResolver()],
    [SimulatorModelResolver, new SimulatorModelResolver(services.simulatorModel)],
    [CalibrationResultResolver, new CalibrationResultResolver()],
    [WorkloadResolver, new WorkloadResolver(services.benchmarks)],
    [TestbedResolver, new TestbedResolver(services.benchmarks)],
    [ScenarioResolver, new ScenarioResolver(services.benchmarks)],
    [PerformanceResolver, new PerformanceResolver(services.performance)],
    [PerformanceGroupKeyResolver, new PerformanceGroupKeyResolver()],
    [SpeedupSideResolver, new SpeedupSideResolver()],
    [NativeOverheadResolver, new NativeOverheadResolver()],
    [
      IngestResolver,
      new IngestResolver(services.ingest, services.simulationJobs, services.benchmarks, services.writer),
    ],
    [HypervisorResolver, new HypervisorResolver(services.hypervisors)],
    [LicenseResolver, new LicenseResolver(services.licenses)],
    [LicensingReportResolver, new LicensingReportResolver(services.licensingReports)],
    [LicensedComponentResolver, new LicensedComponentResolver()],
    [LicensePeriodResolver, new LicensePeriodResolver()],
    [SourceResolver, new SourceResolver(services.sources)],
    [PersonResolver, new PersonResolver(services.people)],
    [PersonAffiliationResolver, new PersonAffiliationResolver()],
    [TopicResolver, new TopicResolver(services.topics)],
    [ConferenceResolver, new ConferenceResolver(services.conferences)],
    [TrackResolver, new TrackResolver()],
    [SessionResolver, new SessionResolver(services.sessions)],
    [SessionSpeakerResolver, new SessionSpeakerResolver()],
    [VendorConferenceResolver, new VendorConferenceResolver()],
    [PersonSessionsResolver, new PersonSessionsResolver()],
    [TopicSessionsResolver, new TopicSessionsResolver()],
    [TrackCoverageResolver, new TrackCoverageResolver(services.trackCoverage)],
    [TopicCoverageResolver, new TopicCoverageResolver()],
    [StanceShareResolver, new StanceShareResolver()],
    [VendorRepresentationResolver, new VendorRepresentationResolver()],
    [HardwareAnnouncementResolver, new HardwareAnnouncementResolver()],
    [CurationResolver, new CurationResolver(services.curation, services)],
    [AuditResolver, new AuditResolver(services.audit)],
    [ClaimResolver, new ClaimResolver(services.claims)],
    [ClaimMeasureResolver, new ClaimMeasureResolver()],
    [ClaimSideResolver, new ClaimSideResolver()],
    [EvidenceComparisonResolver, new EvidenceComparisonResolver()],
    [EvidenceFactResolver, new EvidenceFactResolver()],
    [VendorClaimsResolver, new VendorClaimsResolver()],
    [PersonClaimsResolver, new PersonClaimsResolver()],
    [SessionClaimsResolver, new SessionClaimsResolver()],
    [HypervisorPerformanceResolver, new HypervisorPerformanceResolver()],
    [ReleasePerformanceResolver, new ReleasePerformanceResolver()],
    [DriverPerformanceResolver, new DriverPerformanceResolver()],
    [HardwarePerformanceResolver, new HardwarePerformanceResolver()],
    [MeasuredSideResolver, new MeasuredSideResolver()],
    [HypervisorPerformanceLinksResolver, new HypervisorPerformanceLinksResolver()],
    [DriverSpeedupLinksResolver, new DriverSpeedupLinksResolver()],
    [HardwareFeatureEffectLinksResolver, new HardwareFeatureEffectLinksResolver()],
  ]);
  return {
    get(someClass) {
      const instance = instances.get(someClass as Function);
      if (!instance) throw new Error(`No resolver instance for ${(someClass as Function).name}`);
      return instance;
    },
  };
}

/** What the root types offer, as GraphiQL's documentation explorer shows it first. */
const ROOT_DESCRIPTIONS = {
  query:
    'Everything readable: the knowledge base (hypervisors, guests, drivers, licenses, vendors, the conference), ' +
    'its answers (compatibility, paravirtPaths, interopMatrix, licensingReport, trackCoverage, claims) and the ' +
    'benchmark analytics (performanceStats, paravirtSpeedup, overheadVsNative, benchmarkTimeSeries, predictPerformance).',
  mutation:
    'Writes, each audited: curating the knowledge base and ingesting measurements (editor role), simulating or ' +
    'deleting benchmark runs (admin role).',
} as const;

/**
 * Builds the executable schema. Without a container (schema tools), resolvers are never called. The knowledge
 * types' fields also serve values compiled by look-ahead (src/lookahead).
 */
export async function buildAppSchema(container?: ContainerType): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    container: container ?? {
      get: () => {
        throw new Error('This schema was built for printing only');
      },
    },
    validate: false,
    emitSchemaFile: false,
  });
  // type-graphql has no option for the root types' own descriptions.
  schema.getQueryType()!.description = ROOT_DESCRIPTIONS.query;
  schema.getMutationType()!.description = ROOT_DESCRIPTIONS.mutation;
  return servePreloadedFields(schema, {
    InteropCell: Object.keys(CELL_RELATED),
    ParavirtPath: Object.keys(PATH_RELATED),
    PerformanceGroupKey: Object.values(KEY_OBJECTS).map((o) => o.field),
  });
}

/** The SDL as committed in `schema/schema.graphql`: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
