import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import { fromGlobalId } from '../shared/global-id';
import { NODE_FETCHERS } from './node.registry';
import { Node } from './node.type';

const MAX_NODES = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null if it no longer exists.',
  })
  node(
    @Arg('id', () => ID, { description: 'A global id, as any object’s `id` field gives it.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<object | null> {
    return fetchNode(ctx, id, 'id');
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      `Objects by global id (at most ${MAX_NODES}), in order; a malformed id gives null at its place, with an ` +
      'error naming it, and leaves the others.',
  })
  nodes(
    @Arg('ids', () => [ID], { description: 'Global ids, at most 100.' }) ids: string[],
    @Ctx() ctx: Context,
  ): Promise<(object | Error | null)[]> {
    if (ids.length > MAX_NODES) throw new BadUserInputError(`ids may hold at most ${MAX_NODES} ids.`, 'ids');
    // An Error as a list item is that item's error (graphql-js completes list items one by one).
    return Promise.all(
      ids.map((id, i) =>
        fetchNode(ctx, id, `ids[${i}]`).catch((error: unknown) => {
          if (error instanceof BadUserInputError) return error;
          throw error;
        }),
      ),
    );
  }
}

async function fetchNode(ctx: Context, globalId: string, argumentName: string): Promise<object | null> {
  const { typeName, id } = fromGlobalId(globalId, argumentName);
  const fetch = NODE_FETCHERS[typeName];
  return fetch ? fetch(ctx, id) : null;
}
