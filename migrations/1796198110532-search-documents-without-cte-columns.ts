import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `search_document` again, row for row the same, without the CTE's column-name list: its columns are named in the
 * first branch of the UNION instead. Citus inlines a non-recursive CTE and drops such a list, so on a cluster
 * `REFRESH MATERIALIZED VIEW search_document` failed with "column docs.kind does not exist" (and with it every
 * curated write, which refreshes the view in its transaction). The first branch's `'hypervisor'` becomes `::text`,
 * the type PostgreSQL gave the union's unknown literals before, so the view's column types do not change.
 * Indexes as before; `refresh_search_documents()` names the view only in its body and keeps working.
 */
export class SearchDocumentsWithoutCteColumns1796198110532 implements MigrationInterface {
  name = 'SearchDocumentsWithoutCteColumns1796198110532';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await recreate(queryRunner, NAMED_IN_FIRST_BRANCH);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await recreate(queryRunner, WITH_COLUMN_LIST);
  }
}

async function recreate(queryRunner: QueryRunner, definition: string): Promise<void> {
  await queryRunner.query('DROP MATERIALIZED VIEW search_document');
  await queryRunner.query(definition);
  await queryRunner.query('CREATE UNIQUE INDEX search_document_kind_id ON search_document (kind, id)');
  await queryRunner.query('CREATE INDEX search_document_document ON search_document USING gin (document)');
  await queryRunner.query(
    'CREATE INDEX search_document_name_trgm ON search_document USING gin (name gin_trgm_ops)',
  );
}

const NAMED_IN_FIRST_BRANCH = `
      CREATE MATERIALIZED VIEW search_document AS
      WITH docs AS (
        SELECT 'hypervisor'::text AS kind, h.id AS id, h.slug AS slug, h.name AS name,
               concat_ws(' ', v.name, l.name, array_to_string(h.techniques::text[], ' ')) AS related,
               h.description AS body
          FROM hypervisor h JOIN vendor v ON v.id = h.vendor_id JOIN license l ON l.id = h.license_id
        UNION ALL
        SELECT 'hypervisor_release', r.id, r.slug, h.name || ' ' || r.version, h.name, r.description
          FROM hypervisor_release r JOIN hypervisor h ON h.id = r.hypervisor_id
        UNION ALL
        SELECT 'vendor', v.id, v.slug, v.name, NULL, v.description FROM vendor v
        UNION ALL
        SELECT 'license', l.id, l.slug, concat_ws(' ', l.name, l.spdx_id), NULL, l.description FROM license l
        UNION ALL
        SELECT 'source', s.id, s.slug, s.title, s.publisher, s.note FROM source s
        UNION ALL
        SELECT 'operating_system', o.id, o.slug, o.name, concat_ws(' ', o.family::text, v.name), o.description
          FROM operating_system o LEFT JOIN vendor v ON v.id = o.vendor_id
        UNION ALL
        SELECT 'hardware_feature', f.id, f.slug, f.name, v.name, f.description
          FROM hardware_feature f JOIN vendor v ON v.id = f.vendor_id
        UNION ALL
        SELECT 'driver_package', p.id, p.slug, p.name,
               concat_ws(' ', v.name, h.name, array_to_string(p.devices::text[], ' '),
                         (SELECT string_agg(o.name, ' ') FROM driver_package_guest_os g
                            JOIN operating_system o ON o.id = g.operating_system_id WHERE g.driver_package_id = p.id),
                         (SELECT string_agg(o.name, ' ') FROM driver_package_host_os g
                            JOIN operating_system o ON o.id = g.operating_system_id WHERE g.driver_package_id = p.id)),
               p.description
          FROM driver_package p JOIN vendor v ON v.id = p.vendor_id JOIN hypervisor h ON h.id = p.hypervisor_id
        UNION ALL
        SELECT 'support_statement', s.id, s.slug,
               g.name || ' on ' || h.name || ' ' || r.version || coalesce(' (' || ho.name || ')', ''),
               concat_ws(' ', replace(s.mode::text, '_', ' '), s.status::text, p.name), s.notes
          FROM support_statement s
          JOIN hypervisor_release r ON r.id = s.hypervisor_release_id JOIN hypervisor h ON h.id = r.hypervisor_id
          JOIN operating_system g ON g.id = s.guest_os_id LEFT JOIN operating_system ho ON ho.id = s.host_os_id
          LEFT JOIN driver_package p ON p.id = s.driver_package_id
        UNION ALL
        SELECT 'vendor_relation', x.id, x.slug, f.name || ' – ' || t.name, replace(x.kind::text, '_', ' '), x.description
          FROM vendor_relation x JOIN vendor f ON f.id = x.from_vendor_id JOIN vendor t ON t.id = x.to_vendor_id
        UNION ALL
        SELECT 'person', p.id, p.slug, p.name, NULL, p.description FROM person p
        UNION ALL
        SELECT 'topic', t.id, t.slug, t.name, t.category::text, t.description FROM topic t
        UNION ALL
        SELECT 'conference', c.id, c.slug, c.name, concat_ws(' ', c.city, c.venue), c.description FROM conference c
        UNION ALL
        SELECT 'session', s.id, s.slug, s.title,
               concat_ws(' ', s.code,
                         (SELECT string_agg(p.name, ' ') FROM session_speaker sp
                            JOIN person p ON p.id = sp.person_id WHERE sp.session_id = s.id),
                         (SELECT string_agg(t.name, ' ') FROM session_topic st
                            JOIN topic t ON t.id = st.topic_id WHERE st.session_id = s.id)),
               s.description
          FROM session s
        UNION ALL
        SELECT 'claim', c.id, c.slug, c.statement,
               concat_ws(' ', c.kind::text, p.name, v.name, se.title, so.title, t.name), c.assertion
          FROM claim c LEFT JOIN person p ON p.id = c.person_id LEFT JOIN vendor v ON v.id = c.vendor_id
          LEFT JOIN session se ON se.id = c.session_id LEFT JOIN source so ON so.id = c.made_in_source_id
          LEFT JOIN topic t ON t.id = c.topic_id
      )
      SELECT kind, id, slug, name, coalesce(related, '') AS related, coalesce(body, '') AS body,
             setweight(to_tsvector('english', name), 'A') ||
             setweight(to_tsvector('english', coalesce(related, '')), 'B') ||
             setweight(to_tsvector('english', coalesce(body, '')), 'C') AS document
        FROM docs
`;

/** The definition of the search-documents-with-claims migration, for `down`. */
const WITH_COLUMN_LIST = `
      CREATE MATERIALIZED VIEW search_document AS
      WITH docs(kind, id, slug, name, related, body) AS (
        SELECT 'hypervisor', h.id, h.slug, h.name,
               concat_ws(' ', v.name, l.name, array_to_string(h.techniques::text[], ' ')), h.description
          FROM hypervisor h JOIN vendor v ON v.id = h.vendor_id JOIN license l ON l.id = h.license_id
        UNION ALL
        SELECT 'hypervisor_release', r.id, r.slug, h.name || ' ' || r.version, h.name, r.description
          FROM hypervisor_release r JOIN hypervisor h ON h.id = r.hypervisor_id
        UNION ALL
        SELECT 'vendor', v.id, v.slug, v.name, NULL, v.description FROM vendor v
        UNION ALL
        SELECT 'license', l.id, l.slug, concat_ws(' ', l.name, l.spdx_id), NULL, l.description FROM license l
        UNION ALL
        SELECT 'source', s.id, s.slug, s.title, s.publisher, s.note FROM source s
        UNION ALL
        SELECT 'operating_system', o.id, o.slug, o.name, concat_ws(' ', o.family::text, v.name), o.description
          FROM operating_system o LEFT JOIN vendor v ON v.id = o.vendor_id
        UNION ALL
        SELECT 'hardware_feature', f.id, f.slug, f.name, v.name, f.description
          FROM hardware_feature f JOIN vendor v ON v.id = f.vendor_id
        UNION ALL
        SELECT 'driver_package', p.id, p.slug, p.name,
               concat_ws(' ', v.name, h.name, array_to_string(p.devices::text[], ' '),
                         (SELECT string_agg(o.name, ' ') FROM driver_package_guest_os g
                            JOIN operating_system o ON o.id = g.operating_system_id WHERE g.driver_package_id = p.id),
                         (SELECT string_agg(o.name, ' ') FROM driver_package_host_os g
                            JOIN operating_system o ON o.id = g.operating_system_id WHERE g.driver_package_id = p.id)),
               p.description
          FROM driver_package p JOIN vendor v ON v.id = p.vendor_id JOIN hypervisor h ON h.id = p.hypervisor_id
        UNION ALL
        SELECT 'support_statement', s.id, s.slug,
               g.name || ' on ' || h.name || ' ' || r.version || coalesce(' (' || ho.name || ')', ''),
               concat_ws(' ', replace(s.mode::text, '_', ' '), s.status::text, p.name), s.notes
          FROM support_statement s
          JOIN hypervisor_release r ON r.id = s.hypervisor_release_id JOIN hypervisor h ON h.id = r.hypervisor_id
          JOIN operating_system g ON g.id = s.guest_os_id LEFT JOIN operating_system ho ON ho.id = s.host_os_id
          LEFT JOIN driver_package p ON p.id = s.driver_package_id
        UNION ALL
        SELECT 'vendor_relation', x.id, x.slug, f.name || ' – ' || t.name, replace(x.kind::text, '_', ' '), x.description
          FROM vendor_relation x JOIN vendor f ON f.id = x.from_vendor_id JOIN vendor t ON t.id = x.to_vendor_id
        UNION ALL
        SELECT 'person', p.id, p.slug, p.name, NULL, p.description FROM person p
        UNION ALL
        SELECT 'topic', t.id, t.slug, t.name, t.category::text, t.description FROM topic t
        UNION ALL
        SELECT 'conference', c.id, c.slug, c.name, concat_ws(' ', c.city, c.venue), c.description FROM conference c
        UNION ALL
        SELECT 'session', s.id, s.slug, s.title,
               concat_ws(' ', s.code,
                         (SELECT string_agg(p.name, ' ') FROM session_speaker sp
                            JOIN person p ON p.id = sp.person_id WHERE sp.session_id = s.id),
                         (SELECT string_agg(t.name, ' ') FROM session_topic st
                            JOIN topic t ON t.id = st.topic_id WHERE st.session_id = s.id)),
               s.description
          FROM session s
        UNION ALL
        SELECT 'claim', c.id, c.slug, c.statement,
               concat_ws(' ', c.kind::text, p.name, v.name, se.title, so.title, t.name), c.assertion
          FROM claim c LEFT JOIN person p ON p.id = c.person_id LEFT JOIN vendor v ON v.id = c.vendor_id
          LEFT JOIN session se ON se.id = c.session_id LEFT JOIN source so ON so.id = c.made_in_source_id
          LEFT JOIN topic t ON t.id = c.topic_id
      )
      SELECT kind, id, slug, name, coalesce(related, '') AS related, coalesce(body, '') AS body,
             setweight(to_tsvector('english', name), 'A') ||
             setweight(to_tsvector('english', coalesce(related, '')), 'B') ||
             setweight(to_tsvector('english', coalesce(body, '')), 'C') AS document
        FROM docs
`;
