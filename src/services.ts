import type { DataSource } from 'typeorm';
import type { ConferenceService } from './conference/conference.service';
import type { SessionService } from './conference/session.service';
import type { TrackCoverageService } from './conference/track-coverage.service';
import type { DriverPackageService } from './drivers/driver-package.service';
import type { HardwareFeatureService } from './hardware/hardware-feature.service';
import type { HypervisorReleaseService } from './hypervisors/hypervisor-release.service';
import type { SupportStatementService } from './interop/support-statement.service';
import type { OperatingSystemService } from './operating-systems/operating-system.service';
import type { VendorRelationService } from './vendors/vendor-relation.service';
import type { HypervisorService } from './hypervisors/hypervisor.service';
import type { LicenseService } from './licensing/license.service';
import type { LicensingReportService } from './licensing/licensing-report.service';
import type { PersonService } from './people/person.service';
import type { SourceService } from './sources/source.service';
import type { TopicService } from './topics/topic.service';
import type { VendorService } from './vendors/vendor.service';
import type { SearchService } from './search/search.service';
import type { InteropService } from './interop/interop.service';
import type { SimulatorModelService } from './simulator/simulator-model.service';
import type { BenchmarkCatalogService } from './benchmarks/benchmark.service';
import type { PerformanceService } from './performance/performance.service';
import type { IngestService } from './ingest/ingest.service';
import type { SimulationJobs } from './ingest/simulation-jobs';
import type { ApiKeyService } from './auth/api-key.service';
import type { AuditService } from './audit/audit.service';
import type { CurationService } from './curation/curation.service';
import type { ClaimService } from './claims/claim.service';
import type { KnowledgePerformanceService } from './performance/knowledge-performance.service';

/** The services of one data source, made once by the composition root (app.ts `createServices`). */
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
