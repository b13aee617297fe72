import type { Pool } from 'pg';
import type { BenchQuery } from './support';
import { interopMatrixSql, paravirtPathsSql } from '../src/interop/interop.queries';
import { pathSince, toCell } from '../src/interop/interop.service';
import { MEAN_SQL, STDDEV_SQL } from '../src/performance/performance.queries';
import { SEARCH_KIND_TYPES, SEARCH_KINDS, SEARCH_SQL } from '../src/search/search.queries';
import { welchRatioInterval } from '../src/performance/statistics';

/**
 * The fixed query mix of `npm run bench`: each query as a client sends it to /graphql, and the same answer produced
 * by hand-written SQL through `pg` (the raw path: the physical limit of a Node server on this PostgreSQL). A raw
 * path returns the JSON text of `data`; the suite checks it equals what GraphQL answers before timing either.
 * Raw paths build the whole answer in one statement where PostgreSQL can (json_agg), and shape in JavaScript only
 * what the server shapes in JavaScript (matrix summaries, Welch intervals), with the same functions.
 */
export interface MixQuery {
  name: string;
  kind: 'knowledge' | 'analytics';
  query: string;
  raw(pool: Pool): Promise<string>;
}

const upper = (s: string | null): string | null => (s === null ? null : s.toUpperCase());

async function jsonText(pool: Pool, sql: string, params: unknown[] = []): Promise<string> {
  const r = await pool.query<{ json: string }>(sql, params);
  return r.rows[0].json;
}

/** A Relay global id in SQL: base64 of `<Type>:<id>`, as toGlobalId makes it. */
const GLOBAL_ID = (typeSql: string, idSql: string) =>
  `encode(convert_to(${typeSql} || ':' || ${idSql}, 'UTF8'), 'base64')`;

const SOURCES_OF = (link: string, column: string, owner: string, fields: string) => `
  (SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY s.published_on NULLS LAST, lower(s.title), s.id), '[]')
     FROM ${link} c JOIN source s ON s.id = c.source_id WHERE c.${column} = ${owner})`;

const LIST: MixQuery = {
  name: '3-level knowledge list (100 vendors)',
  kind: 'knowledge',
  query: `{ vendors(first: 100) { totalCount nodes {
    name sources { title }
    hypervisors { name license { name sources { url } } releases { version supportStatements { mode guestOs { name } } } }
  } } }`,
  raw: (pool) =>
    jsonText(
      pool,
      `SELECT json_build_object('vendors', json_build_object(
         'totalCount', (SELECT count(*) FROM vendor),
         'nodes', (SELECT coalesce(json_agg(json_build_object(
            'name', v.name,
            'sources', ${SOURCES_OF('vendor_source', 'vendor_id', 'v.id', "'title', s.title")},
            'hypervisors', (SELECT coalesce(json_agg(json_build_object(
               'name', h.name,
               'license', (SELECT json_build_object('name', l.name,
                                  'sources', ${SOURCES_OF('license_source', 'license_id', 'l.id', "'url', s.url")})
                             FROM license l WHERE l.id = h.license_id),
               'releases', (SELECT coalesce(json_agg(json_build_object(
                  'version', r.version,
                  'supportStatements', (SELECT coalesce(json_agg(json_build_object(
                        'mode', upper(st.mode::text), 'guestOs', json_build_object('name', g.name))
                        ORDER BY lower(g.name), st.mode, st.id), '[]')
                      FROM support_statement st JOIN operating_system g ON g.id = st.guest_os_id
                     WHERE st.hypervisor_release_id = r.id))
                  ORDER BY r.released_on NULLS LAST, lower(r.version), r.id), '[]')
                  FROM hypervisor_release r WHERE r.hypervisor_id = h.id))
               ORDER BY lower(h.name), h.id), '[]')
               FROM hypervisor h WHERE h.vendor_id = v.id))
            ORDER BY lower(v.name), v.id), '[]')
            FROM (SELECT * FROM vendor ORDER BY lower(name), id LIMIT 100) v)))::text AS json`,
    ),
};

const SEARCH_TEXT = 'paravirtualized drivers windows suse';
const SEARCH: MixQuery = {
  name: 'search',
  kind: 'knowledge',
  query: `{ search(query: "${SEARCH_TEXT}") { kind title score snippet node { id } } }`,
  raw: (pool) =>
    jsonText(
      pool,
      `SELECT json_build_object('search', coalesce(json_agg(json_build_object(
          'kind', upper(x.kind), 'title', x.name, 'score', x.score, 'snippet', x.snippet,
          'node', json_build_object('id', ${GLOBAL_ID('(SELECT t.type FROM json_each_text($4::json) t(kind, type) WHERE t.kind = x.kind)', 'x.id')}))
          ORDER BY x.score DESC, x.name, x.kind, x.id), '[]'))::text AS json
         FROM (${SEARCH_SQL}) x`,
      [SEARCH_TEXT, SEARCH_KINDS, 10, JSON.stringify(SEARCH_KIND_TYPES)],
    ),
};

const GUESTS = ['windows-server-2003', 'windows-xp', 'rhel-5', 'sles-10-sp1'];
const HYPERVISORS = [
  'xen',
  'kvm',
  'microsoft-hyper-v',
  'vmware-esx-3-0',
  'xensource-xenenterprise',
  'virtualbox',
];
const MATRIX_AS_OF = '2007-08-07';
const MATRIX: MixQuery = {
  name: 'interopMatrix (4 guests × 6 hypervisors)',
  kind: 'knowledge',
  query: `{ interopMatrix(guests: ${JSON.stringify(GUESTS)}, hypervisors: ${JSON.stringify(HYPERVISORS)}, asOf: "${MATRIX_AS_OF}") {
    cells { state bestMode status driverObtainability summary driverPackage { name } requiredFeatures { name } }
    rowTotals { slug available } columnTotals { slug available } } }`,
  async raw(pool) {
    const { sql, params } = interopMatrixSql(GUESTS, HYPERVISORS, MATRIX_AS_OF);
    const { rows } = await pool.query<
      Parameters<typeof toCell>[0] & { packageName: string | null; features: { name: string }[] }
    >(
      `WITH m AS (${sql})
       SELECT m.*, p.name AS "packageName",
              (SELECT coalesce(json_agg(json_build_object('name', f.name) ORDER BY lower(f.name), f.id), '[]')
                 FROM support_statement_feature j JOIN hardware_feature f ON f.id = j.hardware_feature_id
                WHERE j.support_statement_id = m."statementId") AS features
         FROM m LEFT JOIN driver_package p ON p.id = m."driverPackageId"`,
      params,
    );
    const at = (g: string, h: string) => rows.find((r) => r.guest === g && r.hypervisor === h)!;
    const cells = GUESTS.map((g) =>
      HYPERVISORS.map((h) => {
        const row = at(g, h);
        const cell = toCell(row);
        return {
          state: upper(cell.state),
          bestMode: upper(cell.bestMode),
          status: upper(cell.status),
          driverObtainability: upper(cell.driverObtainability),
          summary: cell.summary,
          driverPackage: row.packageName === null ? null : { name: row.packageName },
          requiredFeatures: row.features,
        };
      }),
    );
    const available = (list: { state: string | null }[]) =>
      list.filter((c) => c.state === 'AVAILABLE').length;
    return JSON.stringify({
      interopMatrix: {
        cells,
        rowTotals: GUESTS.map((slug, i) => ({ slug, available: available(cells[i]) })),
        columnTotals: HYPERVISORS.map((slug, j) => ({ slug, available: available(cells.map((r) => r[j])) })),
      },
    });
  },
};

const PATHS_GUEST = 'windows-server-2003';
const PATHS_AS_OF = '2010-01-01';
const PATHS: MixQuery = {
  name: 'paravirtPaths',
  kind: 'knowledge',
  query: `{ paravirtPaths(guest: "${PATHS_GUEST}", asOf: "${PATHS_AS_OF}") {
    mode obtainability priceUsd since driverPackage { name } vendor { name } license { name } hypervisor { name } } }`,
  async raw(pool) {
    const { sql, params } = paravirtPathsSql(PATHS_GUEST, null, PATHS_AS_OF);
    const { rows } = await pool.query<{
      mode: string;
      obtainability: string | null;
      priceUsd: number | null;
      statementStart: string | null;
      statementStartPrecision: 'day' | 'month' | 'year';
      termValidFrom: string | null;
      termValidFromPrecision: 'day' | 'month' | 'year';
      packageName: string | null;
      vendorName: string;
      licenseName: string | null;
      hypervisorName: string;
    }>(
      `WITH p AS MATERIALIZED (${sql})
       SELECT p.mode, p.obtainability, p."priceUsd", p."statementStart", p."statementStartPrecision",
              p."termValidFrom", p."termValidFromPrecision",
              dp.name AS "packageName", v.name AS "vendorName", l.name AS "licenseName", h.name AS "hypervisorName"
         FROM (SELECT p.*, row_number() OVER () AS ord FROM p) p
         JOIN hypervisor_release r ON r.id = p."hypervisorReleaseId"
         JOIN hypervisor h ON h.id = r.hypervisor_id
         LEFT JOIN driver_package dp ON dp.id = p."driverPackageId"
         JOIN vendor v ON v.id = coalesce(dp.vendor_id, h.vendor_id)
         LEFT JOIN license l ON l.id = p."licenseId"
        ORDER BY p.ord`,
      params,
    );
    return JSON.stringify({
      paravirtPaths: rows.map((r) => ({
        mode: upper(r.mode),
        obtainability: upper(r.obtainability),
        priceUsd: r.priceUsd,
        since: pathSince(r).since,
        driverPackage: r.packageName === null ? null : { name: r.packageName },
        vendor: { name: r.vendorName },
        license: r.licenseName === null ? null : { name: r.licenseName },
        hypervisor: { name: r.hypervisorName },
      })),
    });
  },
};

export const STATS: MixQuery = {
  name: 'performanceStats hypervisor × mode × workload',
  kind: 'analytics',
  query: `{ performanceStats(groupBy: [HYPERVISOR, MODE, WORKLOAD]) {
    groups { key { hypervisor { slug } mode workload { slug } } count mean stddev min max } } }`,
  raw: (pool) =>
    jsonText(
      pool,
      `SELECT json_build_object('performanceStats', json_build_object('groups', coalesce(json_agg(json_build_object(
          'key', json_build_object('hypervisor', CASE WHEN h.id IS NULL THEN NULL ELSE json_build_object('slug', h.slug) END,
                                   'mode', upper(g.mode::text), 'workload', json_build_object('slug', w.slug)),
          'count', g.count, 'mean', g.mean, 'stddev', g.stddev, 'min', g.min, 'max', g.max)
          ORDER BY g.hypervisor_id, g.mode, g.workload_id), '[]')))::text AS json
         FROM (SELECT hr.hypervisor_id, s.mode, r.workload_id, sum(r.count)::float8 AS count, ${MEAN_SQL} AS mean,
                      ${STDDEV_SQL} AS stddev, min(r.min) AS min, max(r.max) AS max
                 FROM measurement_rollup_total r JOIN scenario s ON s.id = r.scenario_id
                 LEFT JOIN hypervisor_release hr ON hr.id = s.hypervisor_release_id
                GROUP BY 1, 2, 3) g
         LEFT JOIN hypervisor h ON h.id = g.hypervisor_id JOIN workload w ON w.id = g.workload_id`,
    ),
};

const SPEEDUP: MixQuery = {
  name: 'paravirtSpeedup net-rx, 95% Welch',
  kind: 'analytics',
  query: `{ paravirtSpeedup(workload: "net-rx", confidence: 0.95) {
    ratio ratioLower ratioUpper speedup baseline { count mean scenarios { slug } } candidate { count mean } } }`,
  async raw(pool) {
    const { rows } = await pool.query<{
      side: 'baseline' | 'candidate';
      count: number;
      mean: number;
      stddev: number | null;
      scenarios: { slug: string }[];
      higherIsBetter: boolean;
    }>(
      `SELECT CASE s.mode WHEN 'hardware_assisted_emulated' THEN 'baseline' ELSE 'candidate' END AS side,
              sum(r.count)::float8 AS count, ${MEAN_SQL} AS mean, ${STDDEV_SQL} AS stddev,
              (SELECT json_agg(json_build_object('slug', sc.slug) ORDER BY sc.id) FROM scenario sc
                WHERE sc.id = ANY(array_agg(DISTINCT r.scenario_id))) AS scenarios,
              bool_and(w.higher_is_better) AS "higherIsBetter"
         FROM measurement_rollup_total r JOIN scenario s ON s.id = r.scenario_id JOIN workload w ON w.id = r.workload_id
        WHERE w.slug = 'net-rx' AND s.mode IN ('hardware_assisted_emulated', 'hardware_assisted_pv_drivers')
        GROUP BY 1`,
    );
    const b = rows.find((r) => r.side === 'baseline')!;
    const c = rows.find((r) => r.side === 'candidate')!;
    const w = welchRatioInterval(
      { count: b.count, mean: b.mean, stddev: b.stddev ?? 0 },
      { count: c.count, mean: c.mean, stddev: c.stddev ?? 0 },
      0.95,
    );
    return JSON.stringify({
      paravirtSpeedup: {
        ratio: w.ratio,
        ratioLower: w.lower,
        ratioUpper: w.upper,
        speedup: b.higherIsBetter ? w.ratio : 1 / w.ratio,
        baseline: { count: b.count, mean: b.mean, scenarios: b.scenarios },
        candidate: { count: c.count, mean: c.mean },
      },
    });
  },
};

const SERIES: MixQuery = {
  name: 'benchmarkTimeSeries net-rx by mode, quarterly mean',
  kind: 'analytics',
  query: `{ benchmarkTimeSeries(bucket: QUARTER, groupBy: [MODE], filter: { workloads: ["net-rx"] }) {
    series { key { mode } points { period value count } } } }`,
  raw: (pool) =>
    jsonText(
      pool,
      `SELECT json_build_object('benchmarkTimeSeries', json_build_object('series', coalesce(json_agg(json_build_object(
          'key', json_build_object('mode', upper(m.mode::text)), 'points', m.points) ORDER BY m.mode), '[]')))::text AS json
         FROM (SELECT p.mode, json_agg(json_build_object('period', p.period, 'value', p.value, 'count', p.count)
                                       ORDER BY p.period) AS points
                 FROM (SELECT s.mode, to_char(r.month, 'YYYY-"Q"Q') AS period, ${MEAN_SQL} AS value,
                              sum(r.count)::float8 AS count
                         FROM measurement_rollup r JOIN scenario s ON s.id = r.scenario_id
                        WHERE r.workload_id = (SELECT id FROM workload WHERE slug = 'net-rx')
                        GROUP BY 1, 2) p
                GROUP BY p.mode) m`,
    ),
};

export const MIX: readonly MixQuery[] = [LIST, SEARCH, MATRIX, PATHS, STATS, SPEEDUP, SERIES];

/** More queries, timed over GraphQL only (no raw path): the heavier analytics and knowledge reports. */
export const OTHER_QUERIES: readonly BenchQuery[] = [
  {
    name: 'paravirtSpeedup net-rx, 95% bootstrap',
    query: `{ paravirtSpeedup(workload: "net-rx", confidence: 0.95, method: BOOTSTRAP) {
      ratio ratioLower ratioUpper speedup baseline { count } candidate { count } } }`,
  },
  {
    name: 'performanceStats with p50/p95/p99 (sketch)',
    query: `{ performanceStats(groupBy: [HYPERVISOR, MODE, WORKLOAD], percentiles: [0.5, 0.95, 0.99]) {
      groups { count mean percentiles { p value } } } }`,
  },
  {
    name: 'licensingReport by license kind',
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
];
