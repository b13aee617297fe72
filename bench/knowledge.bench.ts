import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { runSeeds } from '../seeds/index';
import { PROJECT_ROOT } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startScratchPostgres } from '../src/db/scratch-postgres';
import { measure, type BenchQuery, type BenchResult, startBenchApp } from './support';

/**
 * Latency of the knowledge and interoperability queries, each measured alone with sequential requests over HTTP
 * (one client) after a warm-up, on a scratch embedded PostgreSQL holding the seeded data plus 300 synthetic
 * vendors × 2 hypervisors × 2 releases (so the 3-level list really fills a page of 100).
 * Writes bench/results/knowledge.{json,md}.
 */
const WARMUP = 20;
const MEASURED = 200;

const QUERIES: BenchQuery[] = [
  {
    name: '3-level knowledge list (page size 100)',
    query: `query ($first: Int!) { vendors(first: $first) { totalCount nodes {
      name sources { title }
      hypervisors { name license { name sources { url } } releases { version supportStatements { mode guestOs { name } } } }
    } } }`,
    variables: { first: 100 },
  },
  {
    name: 'search',
    query: `{ search(query: "paravirtualized drivers windows suse") { kind title score snippet node { id } } }`,
  },
  {
    name: 'interopMatrix (4 guests × 6 hypervisors)',
    query: `{ interopMatrix(guests: ["windows-server-2003", "windows-xp", "rhel-5", "sles-10-sp1"],
      hypervisors: ["xen", "kvm", "microsoft-hyper-v", "vmware-esx-3-0", "xensource-xenenterprise", "virtualbox"],
      asOf: "2007-08-07") {
        cells { state bestMode status driverObtainability summary driverPackage { name } requiredFeatures { name } }
        rowTotals { slug available } columnTotals { slug available } } }`,
  },
  {
    name: 'paravirtPaths',
    query: `{ paravirtPaths(guest: "windows-server-2003", asOf: "2010-01-01") {
      mode obtainability priceUsd since driverPackage { name } vendor { name } license { name } hypervisor { name } } }`,
  },
  {
    name: 'licensingReport (by license kind)',
    query: `{ licensingReport(asOf: "2010-01-01", groupBy: LICENSE_KIND) {
      totals { components open closed openShare }
      groups { label openShare items { kind name vendor { name } obtainability licenseHistory { validFrom license { name } } } } } }`,
  },
  {
    name: 'trackCoverage',
    query: `{ trackCoverage(conference: "linuxworld-2007", track: "virtualization") {
      sessionCount vendorPitchShare covered { topic { name } sessions { title } } uncovered { name }
      stanceShares { stance share } vendorsRepresented { vendor { name } speakers { name } }
      hardwareAnnouncements { feature { name } date daysFromConference } } }`,
  },
  {
    name: 'vendorRelations timeline',
    query: `{ vendorRelations(first: 50) { nodes { kind from { name } to { name } effectiveFrom amountUsd effect
      affectedHypervisors { name } affectedDriverPackages { name } sources { title } } } }`,
  },
  {
    name: 'compatibility',
    query: `{ compatibility(guest: "windows-server-2003", asOf: "2010-01-01") {
      guestMatch mode status statement { hypervisor { name } hostOs { name } driverPackage { name } requiredFeatures { name } } } }`,
  },
];

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const pg = await startScratchPostgres(logger);
  const url = await pg.createDatabase('virtlens_bench');
  try {
    const ds = createDataSource({ url, poolSize: 2 });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await runSeeds(ds, logger);
    await ds.query(`
      WITH v AS (
        INSERT INTO vendor (slug, name, kind, description)
        SELECT 'bulk-vendor-' || i, 'Bulk Vendor ' || lpad(i::text, 3, '0'), 'company', 'Synthetic.' FROM generate_series(1, 300) i
        RETURNING id, slug
      ), h AS (
        INSERT INTO hypervisor (slug, name, vendor_id, architecture, techniques, license_id, description)
        SELECT v.slug || '-hv-' || j, 'Bulk Hypervisor ' || v.slug || '-' || j, v.id, 'hosted', '{emulation}',
               (SELECT id FROM license WHERE slug = 'gpl-2-0'), 'Synthetic.'
          FROM v, generate_series(1, 2) j
        RETURNING id, slug
      )
      INSERT INTO hypervisor_release (slug, hypervisor_id, version, description)
      SELECT h.slug || '-r' || k, h.id, k || '.0', 'Synthetic.' FROM h, generate_series(1, 2) k`);
    await ds.query('ANALYZE');
    await ds.destroy();

    const app = await startBenchApp(url, logger);
    const results: BenchResult[] = [];
    for (const q of QUERIES) results.push(await measure(app.url, q, WARMUP, MEASURED));
    await app.stop();

    const report = { node: process.version, date: new Date().toISOString(), results };
    const dir = path.join(PROJECT_ROOT, 'bench', 'results');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'knowledge.json'), JSON.stringify(report, null, 2) + '\n');
    const rows = results.map(
      (r) =>
        `| ${r.name} | ${r.requests} | ${r.p50Ms} | ${r.p90Ms} | ${r.p99Ms} | ${r.sqlStatementsPerRequest} | ${r.responseBytes} |`,
    );
    await fs.writeFile(
      path.join(dir, 'knowledge.md'),
      [
        '| query | requests | p50 ms | p90 ms | p99 ms | SQL statements | response bytes |',
        '|---|---|---|---|---|---|---|',
        ...rows,
      ].join('\n') + '\n',
    );
    console.log(rows.join('\n'));
  } finally {
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
