import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { selectsOnly } from '../lookahead/compile';
import { toGlobalId } from '../shared/global-id';
import type { Context } from '../context';
import { NODE_FETCHERS } from '../node/node.registry';
import { Node } from '../node/node.type';
import { required } from '../shared/resolving';
import { SEARCH_KIND_TYPES, type SearchKind } from './search.queries';
import type { SearchService } from './search.service';
import { SearchHit, SearchKindEnum } from './search.type';

/** The GraphQL type of each search kind (keys of NODE_FETCHERS). */
@Resolver(() => SearchHit)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => [SearchHit], {
    description:
      'Full-text search over every kind of fact, best first. Accepts web-search syntax ("quoted phrases", -exclusions, or); ' +
      'names that are spelled like the query are found too.',
  })
  search(
    @Arg('query', () => String, { description: 'What to look for, in web-search syntax.' }) query: string,
    @Arg('kinds', () => [SearchKindEnum], { nullable: true, description: 'Only these kinds (default: all).' })
    kinds: SearchKind[] | null,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many hits, from 1 to 100.' })
    first: number,
  ): Promise<SearchHit[]> {
    return this.service.search(query, kinds, first);
  }

  @FieldResolver(() => Node, { description: 'The object that matched.' })
  async node(@Root() hit: SearchHit, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<object> {
    const type = SEARCH_KIND_TYPES[hit.kind];
    // Look-ahead: `node { id }` needs no row (the hit comes from the search index, kept in step with writes).
    if (selectsOnly(info, ['Node'], ['id'])) return { id: toGlobalId(type, hit.rowId) };
    const fetch = NODE_FETCHERS[type];
    return required(await fetch(ctx, hit.rowId), hit.kind, `search hit ${hit.rowId}`);
  }
}
