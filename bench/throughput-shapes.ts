/**
 * The query shapes of the throughput section (issue 16): from the smallest request (its fixed cost alone) to the
 * bench's 3-level list. Each has the GraphQL a client sends and, but for `{ __typename }`, one hand-written SQL
 * statement that builds the same `data` (checked equal before timing).
 */
export interface ThroughputShape {
  name: string;
  query: string;
  /** The raw path's statement (its one column `json` is the `data` text); null: the floors are the reference. */
  rawSql: string | null;
}

/** What `{ __typename }` answers: the bytes the bare node:http floor sends. */
export const TYPENAME_ANSWER = '{"data":{"__typename":"Query"}}\n';

/** A Relay global id in SQL: base64 of `<Type>:<id>`, as toGlobalId makes it. */
const globalId = (type: string, idSql: string) =>
  `encode(convert_to('${type}:' || ${idSql}, 'UTF8'), 'base64')`;

const SOURCES_OF = (link: string, column: string, owner: string, fields: string) => `
  (SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY s.published_on NULLS LAST, lower(s.title), s.id), '[]')
     FROM ${link} c JOIN source s ON s.id = c.source_id WHERE c.${column} = ${owner})`;

const RELEASES_OF = (hypervisor: string, fields: string) => `
  (SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY r.released_on NULLS LAST, lower(r.version), r.id), '[]')
     FROM hypervisor_release r WHERE r.hypervisor_id = ${hypervisor})`;

export const THROUGHPUT_SHAPES: readonly ThroughputShape[] = [
  { name: '{ __typename }', query: '{ __typename }', rawSql: null },
  {
    name: '20 vendors { id name }',
    query: '{ vendors(first: 20) { nodes { id name } } }',
    rawSql: `SELECT json_build_object('vendors', json_build_object('nodes', coalesce(json_agg(json_build_object(
        'id', ${globalId('Vendor', 'v.id')}, 'name', v.name) ORDER BY lower(v.name), v.id), '[]')))::text AS json
       FROM (SELECT id, name FROM vendor ORDER BY lower(name), id LIMIT 20) v`,
  },
  {
    name: '100 vendors × hypervisors × releases (names)',
    query: '{ vendors(first: 100) { nodes { name hypervisors { name releases { version } } } } }',
    rawSql: `SELECT json_build_object('vendors', json_build_object('nodes', coalesce(json_agg(json_build_object(
        'name', v.name,
        'hypervisors', (SELECT coalesce(json_agg(json_build_object(
            'name', h.name, 'releases', ${RELEASES_OF('h.id', "'version', r.version")}) ORDER BY lower(h.name), h.id), '[]')
          FROM hypervisor h WHERE h.vendor_id = v.id)) ORDER BY lower(v.name), v.id), '[]')))::text AS json
       FROM (SELECT id, name FROM vendor ORDER BY lower(name), id LIMIT 100) v`,
  },
  {
    name: "the bench's 3-level list (100 vendors)",
    query: `{ vendors(first: 100) { totalCount nodes {
    name sources { title }
    hypervisors { name license { name sources { url } } releases { version supportStatements { mode guestOs { name } } } }
  } } }`,
    rawSql: `SELECT json_build_object('vendors', json_build_object(
         'totalCount', (SELECT count(*) FROM vendor),
         'nodes', (SELECT coalesce(json_agg(json_build_object(
            'name', v.name,
            'sources', ${SOURCES_OF('vendor_source', 'vendor_id', 'v.id', "'title', s.title")},
            'hypervisors', (SELECT coalesce(json_agg(json_build_object(
               'name', h.name,
               'license', (SELECT json_build_object('name', l.name,
                                  'sources', ${SOURCES_OF('license_source', 'license_id', 'l.id', "'url', s.url")})
                             FROM license l WHERE l.id = h.license_id),
               'releases', ${RELEASES_OF(
                 'h.id',
                 `'version', r.version,
                  'supportStatements', (SELECT coalesce(json_agg(json_build_object(
                        'mode', upper(st.mode::text), 'guestOs', json_build_object('name', g.name))
                        ORDER BY lower(g.name), st.mode, st.id), '[]')
                      FROM support_statement st JOIN operating_system g ON g.id = st.guest_os_id
                     WHERE st.hypervisor_release_id = r.id)`,
               )})
               ORDER BY lower(h.name), h.id), '[]')
               FROM hypervisor h WHERE h.vendor_id = v.id))
            ORDER BY lower(v.name), v.id), '[]')
            FROM (SELECT * FROM vendor ORDER BY lower(name), id LIMIT 100) v)))::text AS json`,
  },
];
