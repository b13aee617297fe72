import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { LimitInfo } from '../errors';
import type { CostStatistics } from '../limits/cost-statistics';
import { workCostEstimator } from '../limits/work-cost';
import { requestScope } from '../observability/request-context';
import { BoundedCache, operationKey } from './bounded-cache';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../shared/pagination';

/**
 * The static limits on a GraphQL document, each reported with its name and value in `extensions.limit` when hit.
 * Sized from the heaviest real queries (the GraphiQL example tabs, GraphiQL's own introspection query, the
 * benchmark's 3-level list at page size 100) with headroom; see test/safety/limits.test.ts.
 */
export const LIMITS = {
  /**
   * Nesting of fields, through fragments (a spread adds no level of its own) and introspection alike:
   * GraphiQL's introspection query is 15 deep (its `TypeRef` fragment nests `ofType` 9 times).
   */
  depth: 15,
  /** Aliased fields per operation. */
  aliases: 15,
  /** Directives per operation. */
  directives: 10,
  /** Lexical tokens per document (graphql-js stops parsing past it). */
  tokens: 3000,
  /**
   * Computed cost: see {@link costEstimator}. The 3-level list of test/knowledge at page size 200 costs about
   * 146 000; GitHub allows 500 000 nodes.
   */
  cost: 200_000,
  /**
   * Field nodes the cost computation may visit, fragments expanded where spread: what stops a fragment bomb
   * (each fragment spreading the previous one many times) before it costs exponential time.
   */
  costNodes: 10_000,
  /** Items per connection page (checked by the connection arguments). */
  pageSize: MAX_PAGE_SIZE,
} as const;

/**
 * How much a list that takes no page size (e.g. `Vendor.hypervisors`) is assumed to hold when costing: the
 * data decides, not the client, and the knowledge base's lists are short (one to a few dozen items).
 */
export const UNPAGED_LIST_ITEMS = 5;

/**
 * The same for introspection lists (`__Schema.types`, `__Type.fields`, …), which are longer: this schema has
 * about 150 types of up to ~30 fields. GraphiQL's introspection query costs about 100 000 with it, and
 * nesting `fields { type { fields … } }` a few times over costs millions.
 */
export const INTROSPECTION_LIST_ITEMS = 20;

/** `extensions.limit` for an error. */
function limitError(message: string, limit: LimitInfo, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, ...extra } });
}

/** An armor rule whose rejection is reported as a validation error that names the limit and its value. */
function reportingRule(
  name: string,
  max: number,
  rule: (onReject: (ctx: ValidationContext | null, error: GraphQLError) => void) => ValidationRule,
): ValidationRule {
  return rule((ctx, error) => {
    ctx?.reportError(limitError(error.message.replace(/^Syntax Error: /, ''), { name, max }));
  });
}

/** Validation rules for depth, aliases and directives (graphql-armor, at versions with the 2025 fixes). */
export function limitRules(): ValidationRule[] {
  return [
    reportingRule('depth', LIMITS.depth, (onReject) =>
      maxDepthRule({
        n: LIMITS.depth,
        // Introspection is counted like any query: skipping `__schema` is how the 2025 bypasses worked.
        ignoreIntrospection: false,
        flattenFragments: true,
        propagateOnRejection: false,
        onReject: [onReject],
      }),
    ),
    reportingRule('aliases', LIMITS.aliases, (onReject) =>
      maxAliasesRule({
        n: LIMITS.aliases,
        // graphql-armor lets `__typename` aliases through by default: thousands of them are still work.
        allowList: [],
        propagateOnRejection: false,
        onReject: [onReject],
      }),
    ),
    reportingRule('directives', LIMITS.directives, (onReject) =>
      maxDirectivesRule({ n: LIMITS.directives, propagateOnRejection: false, onReject: [onReject] }),
    ),
  ];
}

/** graphql-js parse options: the token limit applies before anything else looks at the document. */
export const PARSE_OPTIONS: ParseOptions = { maxTokens: LIMITS.tokens };

/**
 * Cost in the manner of Shopify's and GitHub's published models: a leaf costs 0 and an object 1 plus its
 * children; a connection costs 1 plus its page size (`first`, default 20) times the cost of one item (what
 * `edges`/`nodes` select; `pageInfo` and `totalCount` are free); any other list of objects costs its `first`
 * (or {@link UNPAGED_LIST_ITEMS}) times one item. Introspection is costed like everything else.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const parentIsConnection = type.name.endsWith('Connection') && isObjectType(type);
  if (parentIsConnection) {
    if (field.name === 'pageInfo') return 0;
    if (field.name === 'edges' || field.name === 'nodes') return childComplexity; // priced by the connection
  }
  if (named.name.endsWith('Connection')) {
    return 1 + pageSize(args) * childComplexity;
  }
  if (isListType(getNullableType(field.type))) {
    const unpaged = type.name.startsWith('__') ? INTROSPECTION_LIST_ITEMS : UNPAGED_LIST_ITEMS;
    const items = typeof args['first'] === 'number' ? pageSize(args) : unpaged;
    return items * (1 + childComplexity);
  }
  return 1 + childComplexity;
};

function pageSize(args: Record<string, unknown>): number {
  const first = args['first'];
  // Beyond the page-size limit the resolver refuses anyway; cost it at the limit so the error names `first`.
  return typeof first === 'number' && first >= 0 ? Math.min(first, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

/** Operations (document × operation name × variables) whose cost is remembered. */
const COST_CACHE_ENTRIES = 1000;

/** The data the work-following part of the cost reads (see limits/work-cost.ts), and its refresh count. */
export interface CostStatisticsReader {
  get(): CostStatistics | null;
  readonly version: number;
}

/**
 * Computes each operation's cost once its document and variables are known (the variables decide page sizes)
 * and refuses it above {@link LIMITS.cost}. The cost is reported in the `x-query-cost` response header. With
 * `statistics`, the fields whose work follows the data are costed by it (see limits/work-cost.ts).
 */
export function costLimitPlugin(statistics?: CostStatisticsReader): ApolloServerPlugin {
  // The cost depends only on the document, the operation, the variables and the data statistics: computed
  // once per combination.
  const costs = new BoundedCache<number>(COST_CACHE_ENTRIES);
  const estimators = statistics
    ? [workCostEstimator(() => statistics.get()), costEstimator]
    : [costEstimator];
  return {
    requestDidStart() {
      let cost: number | undefined;
      return Promise.resolve({
        didResolveOperation(requestContext) {
          const { request, document, schema, operationName } = requestContext;
          // Costs depend on the data statistics too: a refresh starts new keys.
          const operation = operationKey(requestContext);
          const key = operation === null ? null : `${statistics?.version ?? 0}\0${operation}`;
          try {
            cost = key === null ? undefined : costs.get(key);
            if (cost === undefined) {
              cost = getComplexity({
                schema,
                query: document,
                variables: request.variables ?? {},
                operationName: operationName ?? undefined,
                estimators,
                maxQueryNodes: LIMITS.costNodes,
              });
              if (key !== null) costs.set(key, cost);
            }
          } catch (error) {
            if ((error as Error).message === 'Query exceeds the maximum allowed number of nodes.') {
              throw limitError(
                `Query node limit of ${LIMITS.costNodes} exceeded (fragments counted where they are spread).`,
                { name: 'costNodes', max: LIMITS.costNodes },
                { http: { status: 400 } },
              );
            }
            // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT, nothing runs.
            return Promise.resolve();
          }
          const scope = requestScope.getStore();
          if (scope) scope.cost = cost;
          if (cost > LIMITS.cost) {
            throw limitError(
              `Query cost limit of ${LIMITS.cost} exceeded, found ${cost}.`,
              { name: 'cost', max: LIMITS.cost },
              { cost, http: { status: 400 } },
            );
          }
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          if (cost !== undefined) response.http.headers.set('x-query-cost', String(cost));
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * graphql-js's own limits (the token limit of the parser; MaxIntrospectionDepthRule, which allows 3 nested
 * `fields`/`interfaces`/`possibleTypes`/`inputFields` lists): give them the same `extensions.limit` as ours.
 */
export function limitOfGraphQLJsError(message: string): LimitInfo | null {
  if (message === 'Maximum introspection depth exceeded') return { name: 'introspectionListDepth', max: 3 };
  return limitOfParseError(message);
}

function limitOfParseError(message: string): LimitInfo | null {
  return /Document contains more tha[nt] \d+ tokens/.test(message)
    ? { name: 'tokens', max: LIMITS.tokens }
    : null;
}
