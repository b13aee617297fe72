import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ConnectionType, pageRequest, toConnection, type Connection } from '../shared/pagination';
import { LocalDate } from '../shared/scalars';
import { Source } from '../sources/source.type';
import { Vendor } from '../vendors/vendor.type';
import { PeopleArgs } from './person.args';
import { heldOn, type PersonService } from './person.service';
import { Person, PersonAffiliation } from './person.type';
import { required } from '../shared/resolving';

export const PersonConnection = ConnectionType(Person, 'Person');

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly service: PersonService) {}

  @Query(() => PersonConnection, { description: 'People named in the sources, by name.' })
  async people(@Args(() => PeopleArgs) args: PeopleArgs): Promise<Connection<Person>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => Person, { nullable: true, description: 'A person by slug; null if there is none.' })
  person(
    @Arg('slug', () => String, { description: 'The person’s slug.' }) slug: string,
  ): Promise<Person | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => [PersonAffiliation], {
    description: 'Who they worked for, oldest first; with `asOf`, only the affiliations that held that day.',
  })
  async affiliations(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDate, {
      nullable: true,
      description: 'Only affiliations valid on this day (validFrom ≤ asOf < validTo; null ends are open).',
    })
    asOf?: string | null,
  ): Promise<PersonAffiliation[]> {
    const all = await ctx.loaders.affiliationsByPerson.load(person.rowId);
    return asOf ? all.filter((a) => heldOn(a, asOf)) : all;
  }

  @FieldResolver(() => [Source], { description: 'Sources that state this person’s facts.' })
  sources(@Root() person: Person, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.person.load(person.rowId);
  }
}

@Resolver(() => PersonAffiliation)
export class PersonAffiliationResolver {
  @FieldResolver(() => Vendor, { description: 'The organisation they worked for.' })
  async vendor(@Root() affiliation: PersonAffiliation, @Ctx() ctx: Context): Promise<Vendor> {
    return required(
      await ctx.loaders.vendorById.load(affiliation.vendorId),
      'vendor',
      `affiliation ${affiliation.rowId}`,
    );
  }

  @FieldResolver(() => [Source], { description: 'Sources that state this affiliation.' })
  sources(@Root() affiliation: PersonAffiliation, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.personAffiliation.load(affiliation.rowId);
  }
}
