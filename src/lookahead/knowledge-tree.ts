import { CITATION_TABLES, type CitingKind } from '../sources/source.queries';
import { OPEN_LICENSE_KINDS } from '../licensing/license.entity';

/**
 * The knowledge types a selection can be compiled for, as SQL: each field a client may select either reads a
 * column expression of the type's row (`{a}` stands for the row's alias) or follows a relation to another type
 * (`{p}` the parent row, `{t}` the target row). Values are what the DataLoader path's resolvers return — ids
 * global, enums their internal values, dates `YYYY-MM-DD` — and lists are in the same order; the look-ahead test
 * checks every field here against that path. A field not listed (computed analytics, fields with arguments)
 * makes the whole selection fall back to the resolvers.
 */
export interface TypeSpec {
  readonly columns: Readonly<Record<string, string>>;
  readonly relations: Readonly<Record<string, RelationSpec>>;
}

export interface RelationSpec {
  readonly type: KnowledgeType;
  readonly list: boolean;
  /** FROM … WHERE … of the target rows of one parent row. */
  readonly from: string;
  readonly orderBy?: string;
}

export type KnowledgeType =
  | 'Vendor'
  | 'Hypervisor'
  | 'HypervisorRelease'
  | 'License'
  | 'Source'
  | 'SupportStatement'
  | 'OperatingSystem'
  | 'DriverPackage'
  | 'HardwareFeature'
  | 'Workload';

const globalId = (type: KnowledgeType) => `encode(convert_to('${type}:' || {a}.id, 'UTF8'), 'base64')`;

/** Plain columns: the GraphQL field name in snake case. */
const plain = (...fields: string[]) =>
  Object.fromEntries(fields.map((f) => [f, `{a}.${f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`]));

const sources = (kind: CitingKind): RelationSpec => ({
  type: 'Source',
  list: true,
  from: `source {t} WHERE {t}.id IN (SELECT c.source_id FROM ${CITATION_TABLES[kind].table} c
                                     WHERE c.${CITATION_TABLES[kind].owner} = {p}.id)`,
  orderBy: '{t}.published_on NULLS LAST, lower({t}.title), {t}.id',
});

const one = (type: KnowledgeType, table: string, foreignKey: string): RelationSpec => ({
  type,
  list: false,
  from: `${table} {t} WHERE {t}.id = {p}.${foreignKey}`,
});

export const KNOWLEDGE_TREE: Readonly<Record<KnowledgeType, TypeSpec>> = {
  Vendor: {
    columns: { id: globalId('Vendor'), ...plain('slug', 'name', 'kind', 'website', 'description') },
    relations: {
      sources: sources('vendor'),
      hypervisors: {
        type: 'Hypervisor',
        list: true,
        from: 'hypervisor {t} WHERE {t}.vendor_id = {p}.id',
        orderBy: 'lower({t}.name), {t}.id',
      },
    },
  },
  Hypervisor: {
    columns: {
      id: globalId('Hypervisor'),
      ...plain('slug', 'name', 'architecture', 'licenseNote', 'firstReleasedOn', 'description'),
      techniques: 'to_json({a}.techniques)',
    },
    relations: {
      vendor: one('Vendor', 'vendor', 'vendor_id'),
      license: one('License', 'license', 'license_id'),
      releases: {
        type: 'HypervisorRelease',
        list: true,
        from: 'hypervisor_release {t} WHERE {t}.hypervisor_id = {p}.id',
        orderBy: '{t}.released_on NULLS LAST, lower({t}.version), {t}.id',
      },
      sources: sources('hypervisor'),
    },
  },
  HypervisorRelease: {
    columns: {
      id: globalId('HypervisorRelease'),
      ...plain('slug', 'version', 'releasedOn', 'releasedOnPrecision', 'description'),
    },
    relations: {
      hypervisor: one('Hypervisor', 'hypervisor', 'hypervisor_id'),
      // Without asOf: every statement of the release (a field with arguments falls back to the resolvers).
      supportStatements: {
        type: 'SupportStatement',
        list: true,
        from: 'support_statement {t} WHERE {t}.hypervisor_release_id = {p}.id',
        orderBy:
          '(SELECT lower(g.name) FROM operating_system g WHERE g.id = {t}.guest_os_id), {t}.mode, {t}.id',
      },
      sources: sources('hypervisorRelease'),
    },
  },
  License: {
    columns: {
      id: globalId('License'),
      ...plain('slug', 'name', 'spdxId', 'kind', 'url', 'description'),
      isOpenSource: `({a}.kind::text = ANY('{${[...OPEN_LICENSE_KINDS].join(',')}}'))`,
    },
    relations: { sources: sources('license') },
  },
  Source: {
    columns: {
      id: globalId('Source'),
      ...plain('slug', 'title', 'publisher', 'url', 'publishedOn', 'kind', 'secondary', 'note'),
    },
    relations: {},
  },
  SupportStatement: {
    columns: {
      id: globalId('SupportStatement'),
      ...plain(
        'slug',
        'mode',
        'status',
        'validFrom',
        'validFromPrecision',
        'validTo',
        'validToPrecision',
        'notes',
      ),
    },
    relations: {
      guestOs: one('OperatingSystem', 'operating_system', 'guest_os_id'),
      hostOs: one('OperatingSystem', 'operating_system', 'host_os_id'),
      hypervisorRelease: one('HypervisorRelease', 'hypervisor_release', 'hypervisor_release_id'),
      sources: sources('supportStatement'),
    },
  },
  OperatingSystem: {
    columns: {
      id: globalId('OperatingSystem'),
      ...plain(
        'slug',
        'name',
        'family',
        'version',
        'releasedOn',
        'releasedOnPrecision',
        'canHost',
        'canBeGuest',
        'description',
      ),
    },
    relations: {
      parent: one('OperatingSystem', 'operating_system', 'parent_id'),
      vendor: one('Vendor', 'vendor', 'vendor_id'),
      sources: sources('operatingSystem'),
    },
  },
  DriverPackage: {
    columns: {
      id: globalId('DriverPackage'),
      ...plain('slug', 'name', 'description'),
      devices: 'to_json({a}.devices)',
    },
    relations: {
      vendor: one('Vendor', 'vendor', 'vendor_id'),
      hypervisor: one('Hypervisor', 'hypervisor', 'hypervisor_id'),
      sources: sources('driverPackage'),
    },
  },
  HardwareFeature: {
    columns: {
      id: globalId('HardwareFeature'),
      ...plain(
        'slug',
        'name',
        'category',
        'announcedOn',
        'announcedOnPrecision',
        'shippedOn',
        'shippedOnPrecision',
        'description',
      ),
    },
    relations: { vendor: one('Vendor', 'vendor', 'vendor_id'), sources: sources('hardwareFeature') },
  },
  Workload: {
    columns: {
      id: globalId('Workload'),
      ...plain('slug', 'name', 'shape', 'metric', 'unit', 'higherIsBetter', 'description'),
    },
    relations: {},
  },
};
