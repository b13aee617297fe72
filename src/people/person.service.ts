import { In, type DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import { PersonAffiliationEntity, PersonEntity } from './person.entity';
import { peopleOfVendors, type PersonRow } from './person.queries';
import type { Person, PersonAffiliation } from './person.type';
import { groupRows } from '../shared/loaders';

export interface PersonFilter {
  /** Vendor slug: only people affiliated with it at any time. */
  vendor?: string | null;
}

export class PersonService {
  constructor(private readonly db: DataSource) {}

  async list(filter: PersonFilter, page: PageRequest): Promise<Page<Person>> {
    const qb = this.db.getRepository(PersonEntity).createQueryBuilder('p');
    if (filter.vendor)
      qb.andWhere(
        `EXISTS (SELECT 1 FROM person_affiliation a JOIN vendor v ON v.id = a.vendor_id
                  WHERE a.person_id = p.id AND v.slug = :vendor)`,
        { vendor: filter.vendor },
      );
    const [rows, totalCount] = await qb
      .orderBy('lower(p.name)')
      .addOrderBy('p.id')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { rows: rows.map(toPerson), totalCount, offset: page.offset };
  }

  async bySlug(slug: string): Promise<Person | null> {
    const row = await this.db.getRepository(PersonEntity).findOneBy({ slug });
    return row ? toPerson(row) : null;
  }

  /** People by database id, in the order asked (null where missing), for DataLoader. */
  async byIds(ids: readonly number[]): Promise<(Person | null)[]> {
    const rows = await this.db.getRepository(PersonEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, toPerson(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** People affiliated (at any time) with each vendor id, by name, in the order asked (for DataLoader). */
  async byVendorIds(vendorIds: readonly number[]): Promise<Person[][]> {
    const rows = await peopleOfVendors(this.db, vendorIds);
    return groupRows(vendorIds, rows, (r) => r.owner_id).map((group) => group.map(toPerson));
  }

  /** Every affiliation of each person id, oldest first (unknown starts first), for DataLoader. */
  async affiliationsByPersonIds(personIds: readonly number[]): Promise<PersonAffiliation[][]> {
    const rows = await this.db
      .getRepository(PersonAffiliationEntity)
      .createQueryBuilder('a')
      .where('a.personId IN (:...personIds)', { personIds })
      .orderBy('a.validFrom', 'ASC', 'NULLS FIRST')
      .addOrderBy('a.id')
      .getMany();
    return groupRows(personIds, rows, (r) => r.personId).map((group) => group.map(toAffiliation));
  }
}

/**
 * Whether an affiliation held on `asOf` (`YYYY-MM-DD`): `validFrom ≤ asOf < validTo`, a null end being open.
 * Partial dates compare by their first day.
 */
export function heldOn(affiliation: Pick<PersonAffiliation, 'validFrom' | 'validTo'>, asOf: string): boolean {
  return (
    (affiliation.validFrom === null || affiliation.validFrom <= asOf) &&
    (affiliation.validTo === null || asOf < affiliation.validTo)
  );
}

function toPerson(e: PersonRow): Person {
  return {
    rowId: e.id,
    id: toGlobalId('Person', e.id),
    slug: e.slug,
    name: e.name,
    description: e.description,
  };
}

function toAffiliation(e: PersonAffiliationEntity): PersonAffiliation {
  return {
    rowId: e.id,
    personId: e.personId,
    vendorId: e.vendorId,
    id: toGlobalId('PersonAffiliation', e.id),
    title: e.title,
    validFrom: e.validFrom,
    validFromPrecision: e.validFromPrecision,
    validTo: e.validTo,
    validToPrecision: e.validToPrecision,
  };
}
