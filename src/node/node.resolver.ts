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
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    return fetchNode(ctx, id, 'id');
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by global id (at most ${MAX_NODES}), in order.`,
  })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) throw new BadUserInputError(`ids may hold at most ${MAX_NODES} ids.`, 'ids');
    return Promise.all(ids.map((id) => fetchNode(ctx, id, 'ids')));
  }
}

async function fetchNode(ctx: Context, globalId: string, argumentName: string): Promise<object | null> {
  const { typeName, id } = fromGlobalId(globalId, argumentName);
  const fetch = NODE_FETCHERS[typeName];
  return fetch ? fetch(ctx, id) : null;
}
