import DataLoader from 'dataloader';
import { createConferenceLoaders, type ConferenceLoaders } from './conference/conference.loader';
import type { ConferenceService } from './conference/conference.service';
import type { SessionService } from './conference/session.service';
import type { TrackCoverageService } from './conference/track-coverage.service';
import { createDriverLoaders, type DriverLoaders } from './drivers/driver-package.loader';
import type { DriverPackageService } from './drivers/driver-package.service';
import { createHardwareLoaders, type HardwareLoaders } from './hardware/hardware-feature.loader';
import type { HardwareFeatureService } from './hardware/hardware-feature.service';
import { createReleaseLoaders, type ReleaseLoaders } from './hypervisors/hypervisor-release.loader';
import type { HypervisorReleaseService } from './hypervisors/hypervisor-release.service';
import { createStatementLoaders, type StatementLoaders } from './interop/support-statement.loader';
import type { SupportStatementService } from './interop/support-statement.service';
import {
  createOperatingSystemLoaders,
  type OperatingSystemLoaders,
} from './operating-systems/operating-system.loader';
import type { OperatingSystemService } from './operating-systems/operating-system.service';
import { createVendorRelationLoaders, type VendorRelationLoaders } from './vendors/vendor-relation.loader';
import type { VendorRelationService } from './vendors/vendor-relation.service';
import type { HypervisorService } from './hypervisors/hypervisor.service';
import type { Hypervisor } from './hypervisors/hypervisor.type';
import type { LicenseService } from './licensing/license.service';
import type { License } from './licensing/license.type';
import type { LicensingReportService } from './licensing/licensing-report.service';
import type { PersonService } from './people/person.service';
import { createCitationLoaders, type CitationLoaders } from './sources/source.loader';
import type { SourceService } from './sources/source.service';
import type { TopicService } from './topics/topic.service';
import type { VendorService } from './vendors/vendor.service';
import type { Vendor } from './vendors/vendor.type';
import { createNodeLoaders, type NodeLoaders } from './node/node.registry';
import type { SearchService } from './search/search.service';
import type { InteropService } from './interop/interop.service';
import type { SimulatorModelService } from './simulator/simulator-model.service';
import { createBenchmarkLoaders, type BenchmarkLoaders } from './benchmarks/benchmark.loader';
import type { BenchmarkCatalogService } from './benchmarks/benchmark.service';
import type { PerformanceService } from './performance/performance.service';
import type { IngestService } from './ingest/ingest.service';
import type { SimulationJobs } from './ingest/simulation-jobs';
import type { DataSource } from 'typeorm';
import type { ApiKeyService } from './auth/api-key.service';
import type { Viewer } from './auth/viewer';
import type { AuditService } from './audit/audit.service';
import type { CurationService } from './curation/curation.service';
import { createClaimLoaders, type ClaimLoaders } from './claims/claim.loader';
import type { ClaimService } from './claims/claim.service';
import {
  createKnowledgePerformanceLoaders,
  type KnowledgePerformanceLoaders,
} from './performance/knowledge-performance.loader';
import type { KnowledgePerformanceService } from './performance/knowledge-performance.service';

/** Per-request DataLoaders: one SQL statement per relation and tick, whatever the page size. */
export type Loaders = CoreLoaders &
  ReleaseLoaders &
  OperatingSystemLoaders &
  HardwareLoaders &
  DriverLoaders &
  StatementLoaders &
  VendorRelationLoaders &
  ConferenceLoaders &
  BenchmarkLoaders &
  NodeLoaders &
  ClaimLoaders &
  KnowledgePerformanceLoaders;

interface CoreLoaders {
  vendorById: DataLoader<number, Vendor | null>;
  licenseById: DataLoader<number, License | null>;
  hypervisorById: DataLoader<number, Hypervisor | null>;
  hypervisorsByVendor: DataLoader<number, Hypervisor[]>;
  hypervisorsByLicense: DataLoader<number, Hypervisor[]>;
  citations: CitationLoaders;
}

/** What every resolver receives. Built fresh for each request. */
export interface Context {
  requestId: string;
  /** The API key of the request (null: anonymous); mutations check its role with `requireRole`. */
  viewer: Viewer | null;
  loaders: Loaders;
}

export interface Services {
  sources: SourceService;
  licenses: LicenseService;
  vendors: VendorService;
  hypervisors: HypervisorService;
  releases: HypervisorReleaseService;
  operatingSystems: OperatingSystemService;
  hardware: HardwareFeatureService;
  drivers: DriverPackageService;
  statements: SupportStatementService;
  vendorRelations: VendorRelationService;
  people: PersonService;
  topics: TopicService;
  conferences: ConferenceService;
  sessions: SessionService;
  trackCoverage: TrackCoverageService;
  licensingReports: LicensingReportService;
  search: SearchService;
  interop: InteropService;
  simulatorModel: SimulatorModelService;
  benchmarks: BenchmarkCatalogService;
  performance: PerformanceService;
  claims: ClaimService;
  knowledgePerformance: KnowledgePerformanceService;
  ingest: IngestService;
  simulationJobs: SimulationJobs;
  /** The primary and the statement timeout of write transactions. */
  writer: { dataSource: DataSource; statementTimeoutMs: number };
  apiKeys: ApiKeyService;
  audit: AuditService;
  /** Writes, on the primary data source. */
  curation: CurationService;
}

export function createContext(services: Services, requestId: string, viewer: Viewer | null = null): Context {
  return {
    requestId,
    viewer,
    loaders: {
      vendorById: new DataLoader((ids) => services.vendors.byIds(ids)),
      licenseById: new DataLoader((ids) => services.licenses.byIds(ids)),
      hypervisorById: new DataLoader((ids) => services.hypervisors.byIds(ids)),
      hypervisorsByVendor: new DataLoader((ids) => services.hypervisors.byVendorIds(ids)),
      hypervisorsByLicense: new DataLoader((ids) => services.hypervisors.byLicenseIds(ids)),
      citations: createCitationLoaders(services.sources),
      ...createReleaseLoaders(services.releases),
      ...createOperatingSystemLoaders(services.operatingSystems),
      ...createHardwareLoaders(services.hardware),
      ...createDriverLoaders(services.drivers),
      ...createStatementLoaders(services.statements),
      ...createVendorRelationLoaders(services.vendorRelations),
      ...createConferenceLoaders(services),
      ...createBenchmarkLoaders(services.benchmarks),
      ...createNodeLoaders(services),
      ...createClaimLoaders(services.claims),
      ...createKnowledgePerformanceLoaders(services.knowledgePerformance),
    },
  };
}
