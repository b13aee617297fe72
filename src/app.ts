import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import { runSeeds } from '../seeds/index';
import type { Config } from './config';
import type { Context } from './context';
import { contextFactory } from './loaders';
import type { Services } from './services';
import { openDatabase, type Database } from './db/database';
import { ConferenceService } from './conference/conference.service';
import { SessionService } from './conference/session.service';
import { TrackCoverageService } from './conference/track-coverage.service';
import { StartupError } from './errors';
import { argumentCheckPlugin } from './graphql/argument-check.plugin';
import { createFormatError } from './graphql/format-error';
import { costLimitPlugin, limitRules, PARSE_OPTIONS } from './graphql/limits';
import { ApiKeyService } from './auth/api-key.service';
import { AuditService } from './audit/audit.service';
import { CurationService } from './curation/curation.service';
import { metricsPlugin } from './graphql/metrics.plugin';
import { noSubscriptionsPlugin } from './graphql/no-subscriptions.plugin';
import { serviceUnavailablePlugin } from './graphql/service-unavailable.plugin';
import { readYourWritesPlugin } from './graphql/read-your-writes.plugin';
import { drainable } from './http/drain';
import { createHttpApp } from './http/http-app';
import { CostStatisticsSource } from './limits/cost-statistics';
import type { GraphQLEndpoint } from './http/graphql-route';
import { HypervisorService } from './hypervisors/hypervisor.service';
import { HypervisorReleaseService } from './hypervisors/hypervisor-release.service';
import { OperatingSystemService } from './operating-systems/operating-system.service';
import { HardwareFeatureService } from './hardware/hardware-feature.service';
import { DriverPackageService } from './drivers/driver-package.service';
import { SupportStatementService } from './interop/support-statement.service';
import { InteropService } from './interop/interop.service';
import { SimulatorModelService } from './simulator/simulator-model.service';
import { BenchmarkCatalogService } from './benchmarks/benchmark.service';
import { PerformanceService } from './performance/performance.service';
import { KnowledgePerformanceService } from './performance/knowledge-performance.service';
import { ClaimService } from './claims/claim.service';
import { IngestService } from './ingest/ingest.service';
import { SimulationJobs } from './ingest/simulation-jobs';
import { VendorRelationService } from './vendors/vendor-relation.service';
import { LicenseService } from './licensing/license.service';
import { LicensingReportService } from './licensing/licensing-report.service';
import type { Logger } from './observability/logger';
import { createMetrics, poolCountsOf } from './observability/metrics';
import { currentRequestId } from './observability/request-context';
import { PersonService } from './people/person.service';
import { createReportsBackend, type ReportsBackend } from './reports/reports.backend';
import { buildAppSchema, createResolverContainer } from './schema';
import { SearchService } from './search/search.service';
import { SourceService } from './sources/source.service';
import { TopicService } from './topics/topic.service';
import { VendorService } from './vendors/vendor.service';

export interface App {
  /** Base URL the server listens on, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  /** The primary (read-write) data source: migrations, seeds, mutations. */
  readonly dataSource: DataSource;
  /** The read-only pool that serves queries. */
  readonly readDataSource: DataSource;
  /** Stops accepting connections, lets in-flight requests finish, closes the pool and the embedded PostgreSQL. */
  stop(): Promise<void>;
}

/** Where writes go: the primary, and the statement timeout of a write's transaction. */
export interface WriteTarget {
  dataSource: DataSource;
  statementTimeoutMs: number;
}

/**
 * Services for a data source: the only place they are constructed. Query services get `dataSource` (the
 * read-only pool in the server); services that write get `writer` (the primary; defaults to `dataSource`).
 */
export function createServices(
  dataSource: DataSource,
  writer: WriteTarget = { dataSource, statementTimeoutMs: 5000 },
  logger?: Logger,
): Services {
  return {
    apiKeys: new ApiKeyService(dataSource),
    audit: new AuditService(dataSource),
    curation: new CurationService(writer.dataSource, writer.statementTimeoutMs),
    sources: new SourceService(dataSource),
    licenses: new LicenseService(dataSource),
    vendors: new VendorService(dataSource),
    hypervisors: new HypervisorService(dataSource),
    releases: new HypervisorReleaseService(dataSource),
    operatingSystems: new OperatingSystemService(dataSource),
    hardware: new HardwareFeatureService(dataSource),
    drivers: new DriverPackageService(dataSource),
    statements: new SupportStatementService(dataSource),
    vendorRelations: new VendorRelationService(dataSource),
    people: new PersonService(dataSource),
    topics: new TopicService(dataSource),
    conferences: new ConferenceService(dataSource),
    sessions: new SessionService(dataSource),
    trackCoverage: new TrackCoverageService(dataSource),
    licensingReports: new LicensingReportService(dataSource),
    search: new SearchService(dataSource),
    interop: new InteropService(dataSource),
    simulatorModel: new SimulatorModelService(dataSource),
    benchmarks: new BenchmarkCatalogService(dataSource),
    performance: new PerformanceService(dataSource),
    claims: new ClaimService(dataSource),
    knowledgePerformance: new KnowledgePerformanceService(dataSource),
    ingest: new IngestService(writer),
    simulationJobs: new SimulationJobs(writer.dataSource, logger),
    writer,
  };
}

/**
 * Composition root. Listens first (so a taken port fails fast and /healthz answers during start-up), then opens
 * the database (embedded or DATABASE_URL), migrates, seeds, and mounts GraphQL.
 */
export async function startApp(config: Config, logger: Logger): Promise<App> {
  let database: Database | null = null;
  const replicaStatus = () => database?.replicas?.status() ?? null;
  const metrics = createMetrics({
    replicas: replicaStatus,
    pools: () =>
      database
        ? [
            { name: 'read', counts: poolCountsOf(database.readDataSource) },
            { name: 'write', counts: poolCountsOf(database.dataSource) },
          ]
        : [],
  });
  let graphql: GraphQLEndpoint<Context> | null = null;
  let apiKeys: ApiKeyService | null = null;
  let reports: ReportsBackend | null = null;
  let jobs: SimulationJobs | null = null;
  let costStatistics: CostStatisticsSource | null = null;

  const httpApp = createHttpApp({
    logger,
    metrics,
    dataSource: () => database?.dataSource ?? null,
    replicas: replicaStatus,
    graphql: () => graphql,
    apiKeys: () => apiKeys,
    maxRequestBytes: config.maxRequestBytes,
    rateLimit: { anonymous: config.rateLimitAnonymous, perKey: config.rateLimitKey },
    concurrency: { anonymous: config.concurrentRequestsAnonymous, perKey: config.concurrentRequestsKey },
    costBudget: { anonymous: config.costPerMinuteAnonymous, perKey: config.costPerMinuteKey },
    reports: () => reports,
  });
  const httpServer = http.createServer(httpApp);
  const drain = drainable(httpServer, logger);
  await listen(httpServer, config);
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let apollo: ApolloServer<Context> | null = null;
  try {
    database = await openDatabase(config, logger);
    if (config.seedOnStart) await runSeeds(database.dataSource, logger);
    const services = createServices(
      database.readDataSource,
      { dataSource: database.dataSource, statementTimeoutMs: config.statementTimeoutMs },
      logger,
    );
    apiKeys = services.apiKeys;
    jobs = services.simulationJobs;
    await jobs.start();
    costStatistics = new CostStatisticsSource(database.readDataSource, logger);
    await costStatistics.start();
    apollo = new ApolloServer<Context>({
      schema: await buildAppSchema(createResolverContainer(services)),
      introspection: config.introspection,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      // No automatic persisted queries: every persistedQuery extension gets PERSISTED_QUERY_NOT_SUPPORTED (with
      // them, a wrong hash or version was an error without a code, masked as internal), and anonymous clients
      // cannot fill an in-memory query cache.
      persistedQueries: false,
      parseOptions: PARSE_OPTIONS,
      validationRules: limitRules(),
      // main.ts owns the shutdown order (drain HTTP, then pool, then PostgreSQL).
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: false,
      formatError: createFormatError(logger, {
        hideSuggestions: !config.introspection,
        statementTimeoutMs: config.statementTimeoutMs,
      }),
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        // No cache hints are used; the plugin would otherwise wrap every field resolver to collect them.
        ApolloServerPluginCacheControlDisabled(),
        // Not a federated subgraph: without this Apollo installs the inline-trace plugin, whose async
        // requestDidStart runs (and makes a promise) on every request only to find it has nothing to do.
        ApolloServerPluginInlineTraceDisabled(),
        metricsPlugin(metrics),
        readYourWritesPlugin(),
        noSubscriptionsPlugin(),
        serviceUnavailablePlugin(),
        costLimitPlugin(costStatistics),
        argumentCheckPlugin(),
      ],
    });
    await apollo.start();
    const createContext = contextFactory(services);
    graphql = { apollo, context: (ex) => createContext(ex.requestId, ex.viewer) };
    // Reports run their documents through this same Apollo Server, with the same context factory.
    reports = createReportsBackend(apollo, (viewer) =>
      createContext(currentRequestId() ?? 'unknown', viewer),
    );
  } catch (error) {
    costStatistics?.stop();
    await apollo?.stop().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await closeServer(httpServer);
    await database?.close().catch(() => undefined);
    throw error;
  }
  logger.info({ url, graphiql: `${url}/graphiql/` }, 'virtlens is ready');

  const db = database;
  let stopping: Promise<void> | null = null;
  return {
    url,
    dataSource: db.dataSource,
    readDataSource: db.readDataSource,
    stop() {
      stopping ??= (async () => {
        costStatistics?.stop();
        // No new connections; in-flight requests finish, their answers saying Connection: close.
        await drain.drain(config.shutdownTimeoutMs);
        await apollo.stop();
        await jobs?.stop(); // a running simulation rolls back and goes back to the queue
        await reports?.close();
        await db.close();
      })();
      return stopping;
    },
  };
}

function listen(server: http.Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `Port ${config.port} on ${config.host} is already in use; set PORT to a free port.`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new StartupError(`Not allowed to listen on port ${config.port}; set PORT to a port above 1023.`),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(
          new StartupError(
            `HOST ${config.host} is not an address of this machine; set HOST to e.g. 127.0.0.1 or 0.0.0.0.`,
          ),
        );
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(config.port, config.host);
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
