import { In, type DataSource } from 'typeorm';
import type { LicenseKind } from '../licensing/license.entity';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { HypervisorEntity, type HypervisorArchitecture, type Technique } from './hypervisor.entity';
import type { Hypervisor } from './hypervisor.type';
import { groupRows } from '../shared/loaders';

export interface HypervisorFilter {
  vendor?: string | null;
  technique?: Technique | null;
  architecture?: HypervisorArchitecture | null;
  licenseKind?: LicenseKind | null;
}

export class HypervisorService {
  constructor(private readonly db: DataSource) {}

  async list(filter: HypervisorFilter, page: PageRequest): Promise<Page<Hypervisor>> {
    const qb = this.db.getRepository(HypervisorEntity).createQueryBuilder('h');
    if (filter.vendor) qb.innerJoin('h.vendor', 'v', 'v.slug = :vendor', { vendor: filter.vendor });
    if (filter.licenseKind)
      qb.innerJoin('h.license', 'l', 'l.kind = :licenseKind', { licenseKind: filter.licenseKind });
    if (filter.technique) qb.andWhere(':technique = ANY(h.techniques)', { technique: filter.technique });
    if (filter.architecture)
      qb.andWhere('h.architecture = :architecture', { architecture: filter.architecture });
    const [rows, totalCount] = await qb
      .orderBy('lower(h.name)')
      .addOrderBy('h.id')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { rows: rows.map(toHypervisor), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<Hypervisor | null> {
    const row = await this.db.getRepository(HypervisorEntity).findOneBy({ slug });
    return row ? toHypervisor(row) : null;
  }

  /** Hypervisors by database id, in the order asked (null where missing), for DataLoader. */
  async byIds(ids: readonly number[]): Promise<(Hypervisor | null)[]> {
    const rows = await this.db.getRepository(HypervisorEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, toHypervisor(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Hypervisors of each vendor id, by name, in the order asked (for DataLoader). */
  byVendorIds(vendorIds: readonly number[]): Promise<Hypervisor[][]> {
    return this.groupedBy('vendorId', vendorIds);
  }

  /** Hypervisors under each license id, by name, in the order asked (for DataLoader). */
  byLicenseIds(licenseIds: readonly number[]): Promise<Hypervisor[][]> {
    return this.groupedBy('licenseId', licenseIds);
  }

  private async groupedBy(key: 'vendorId' | 'licenseId', ids: readonly number[]): Promise<Hypervisor[][]> {
    const rows = await this.db
      .getRepository(HypervisorEntity)
      .createQueryBuilder('h')
      .where(`h.${key} IN (:...ids)`, { ids })
      .orderBy('lower(h.name)')
      .addOrderBy('h.id')
      .getMany();
    return groupRows(ids, rows, (r) => r[key]).map((group) => group.map(toHypervisor));
  }
}

function toHypervisor(e: HypervisorEntity): Hypervisor {
  return {
    rowId: e.id,
    vendorId: e.vendorId,
    licenseId: e.licenseId,
    id: toGlobalId('Hypervisor', e.id),
    slug: e.slug,
    name: e.name,
    architecture: e.architecture,
    techniques: e.techniques,
    licenseNote: e.licenseNote,
    firstReleasedOn: e.firstReleasedOn,
    firstReleasedOnPrecision: e.firstReleasedOnPrecision,
    announcedOn: e.announcedOn,
    announcedOnPrecision: e.announcedOnPrecision,
    discontinuedOn: e.discontinuedOn,
    discontinuedOnPrecision: e.discontinuedOnPrecision,
    licenseAnnouncedOn: e.licenseAnnouncedOn,
    licenseAnnouncedOnPrecision: e.licenseAnnouncedOnPrecision,
    licenseAvailableFrom: e.licenseAvailableFrom,
    licenseAvailableFromPrecision: e.licenseAvailableFromPrecision,
    description: e.description,
  };
}
