import { In, type DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { LICENSE_KINDS, LicenseEntity, OPEN_LICENSE_KINDS, type LicenseKind } from './license.entity';
import type { License } from './license.type';

export interface LicenseFilter {
  kind?: LicenseKind | null;
  openSource?: boolean | null;
}

export class LicenseService {
  constructor(private readonly db: DataSource) {}

  async list(filter: LicenseFilter, page: PageRequest): Promise<Page<License>> {
    const kinds = LICENSE_KINDS.filter(
      (k) =>
        (!filter.kind || k === filter.kind) &&
        (filter.openSource === undefined ||
          filter.openSource === null ||
          OPEN_LICENSE_KINDS.has(k) === filter.openSource),
    );
    const [rows, totalCount] = await this.db
      .getRepository(LicenseEntity)
      .createQueryBuilder('l')
      .where('l.kind IN (:...kinds)', { kinds: kinds.length ? kinds : [null] })
      .orderBy('lower(l.name)')
      .addOrderBy('l.id')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { rows: rows.map(toLicense), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<License | null> {
    const row = await this.db.getRepository(LicenseEntity).findOneBy({ slug });
    return row ? toLicense(row) : null;
  }

  /** Licenses by database id, in the order asked (null where missing), for DataLoader. */
  async byIds(ids: readonly number[]): Promise<(License | null)[]> {
    const rows = await this.db.getRepository(LicenseEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, toLicense(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

function toLicense(e: LicenseEntity): License {
  return {
    rowId: e.id,
    id: toGlobalId('License', e.id),
    slug: e.slug,
    name: e.name,
    spdxId: e.spdxId,
    kind: e.kind,
    isOpenSource: OPEN_LICENSE_KINDS.has(e.kind),
    url: e.url,
    description: e.description,
  };
}
