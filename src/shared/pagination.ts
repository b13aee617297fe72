import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../errors';

/** The most items one page of any connection may hold. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 20;

/** Forward cursor pagination (Relay): `first` items after the cursor `after`. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, from 0 to ${MAX_PAGE_SIZE}.`,
  })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an endCursor).' })
  after?: string | null;
}

/** A validated page request: `offset` rows skipped, `limit` rows wanted. */
export interface PageRequest {
  offset: number;
  limit: number;
}

export interface Page<T> {
  rows: T[];
  totalCount: number;
  offset: number;
}

const CURSOR_PREFIX = 'o:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** Checks `first`/`after` and turns them into an offset and limit; bad values name the argument. */
export function pageRequest(args: ConnectionArgs): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}; got ${first}.`, 'first', {
      limit: { name: 'pageSize', max: MAX_PAGE_SIZE },
    });
  }
  if (args.after === undefined || args.after === null) return { offset: 0, limit: first };
  const decoded = Buffer.from(args.after, 'base64url').toString('utf8');
  const match = /^o:(0|[1-9][0-9]{0,8})$/.exec(decoded);
  if (!match || encodeCursor(Number(match[1])) !== args.after) {
    throw new BadUserInputError('after is not a cursor returned by this connection.', 'after');
  }
  return { offset: Number(match[1]) + 1, limit: first };
}

@ObjectType({ description: 'Where a page stands in its connection.', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow endCursor: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: 'Items come before startCursor (the page was asked for with `after`).',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item, to pass as `after` for the next page; null on an empty page.',
  })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function ConnectionType<T extends object>(
  nodeType: ClassType<T>,
  name: string,
): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, {
    description: `One ${name} in a page, with its cursor.`,
    simpleResolvers: true,
  })
  class EdgeType implements Edge<T> {
    @Field(() => String, {
      description: 'Opaque position of this item; pass it as `after` to continue after it.',
    })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name} itself.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.`, simpleResolvers: true })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], {
      description: 'The items of this page with their cursors, in the connection’s order.',
    })
    edges!: Edge<T>[];

    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page stands: cursors and whether more items follow.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match, over all pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** Wraps a page of rows (already mapped to GraphQL objects) as a connection. */
export function toConnection<T>(page: Page<T>): Connection<T> {
  const edges = page.rows.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    nodes: page.rows,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.offset + page.rows.length < page.totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
