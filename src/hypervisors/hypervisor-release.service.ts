import type { DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { HypervisorReleaseEntity } from './hypervisor-release.entity';
import type { HypervisorRelease } from './hypervisor-release.type';

export interface ReleaseFilter {
  hypervisor?: string | null;
  releasedFrom?: string | null;
  releasedTo?: string | null;
}

/** Hypervisor releases, oldest first (unknown dates last). */
export class HypervisorReleaseService {
  constructor(private readonly db: DataSource) {}

  private query() {
    return this.db
      .getRepository(HypervisorReleaseEntity)
      .createQueryBuilder('r')
      .orderBy('r.released_on', 'ASC', 'NULLS LAST')
      .addOrderBy('lower(r.version)')
      .addOrderBy('r.id');
  }

  async list(filter: ReleaseFilter, page: PageRequest): Promise<Page<HypervisorRelease>> {
    const qb = this.query();
    if (filter.hypervisor)
      qb.innerJoin('r.hypervisor', 'h', 'h.slug = :hypervisor', { hypervisor: filter.hypervisor });
    if (filter.releasedFrom) qb.andWhere('r.released_on >= :from', { from: filter.releasedFrom });
    if (filter.releasedTo) qb.andWhere('r.released_on <= :to', { to: filter.releasedTo });
    const [rows, totalCount] = await qb.offset(page.offset).limit(page.limit).getManyAndCount();
    return { rows: rows.map(toRelease), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<HypervisorRelease | null> {
    const row = await this.query().where('r.slug = :slug', { slug }).getOne();
    return row ? toRelease(row) : null;
  }

  async byIds(ids: readonly number[]): Promise<HypervisorRelease[]> {
    return (await this.query().where('r.id IN (:...ids)', { ids }).getMany()).map(toRelease);
  }

  async byHypervisorIds(ids: readonly number[]): Promise<HypervisorRelease[]> {
    return (await this.query().where('r.hypervisor_id IN (:...ids)', { ids }).getMany()).map(toRelease);
  }
}

function toRelease(e: HypervisorReleaseEntity): HypervisorRelease {
  return {
    rowId: e.id,
    hypervisorId: e.hypervisorId,
    id: toGlobalId('HypervisorRelease', e.id),
    slug: e.slug,
    version: e.version,
    releasedOn: e.releasedOn,
    releasedOnPrecision: e.releasedOnPrecision,
    description: e.description,
  };
}
