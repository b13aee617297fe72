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
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../shared/pagination';

/**
 * The static limits on a GraphQL document, each reported with its name and value in `extensions.limit` when hit.
 * Sized from the heaviest real queries (the GraphiQL example tabs, GraphiQL's own introspection query, the
 * benchmark's 3-level list at page size 100) with headroom; see test/safety/limits.test.ts.
 */
export const LIMITS = {
  /** Nesting of fields (fragments counted where they are spread; introspection counted too). */
  depth: 12,
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
  /** Items per connection page (checked by the connection arguments). */
  pageSize: MAX_PAGE_SIZE,
} as const;

/**
 * How much a list that takes no page size (e.g. `Vendor.hypervisors`) is assumed to hold when costing: the
 * data decides, not the client, and the knowledge base's lists are short (one to a few dozen items).
 */
export const UNPAGED_LIST_ITEMS = 5;

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
        propagateOnRejection: false,
        onReject: [onReject],
      }),
    ),
    reportingRule('aliases', LIMITS.aliases, (onReject) =>
      maxAliasesRule({ n: LIMITS.aliases, propagateOnRejection: false, onReject: [onReject] }),
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
    const items = typeof args['first'] === 'number' ? pageSize(args) : UNPAGED_LIST_ITEMS;
    return items * (1 + childComplexity);
  }
  return 1 + childComplexity;
};

function pageSize(args: Record<string, unknown>): number {
  const first = args['first'];
  // Beyond the page-size limit the resolver refuses anyway; cost it at the limit so the error names `first`.
  return typeof first === 'number' && first >= 0 ? Math.min(first, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

/**
 * Computes each operation's cost once its document and variables are known (the variables decide page sizes)
 * and refuses it above {@link LIMITS.cost}. The cost is reported in the `x-query-cost` response header.
 */
export function costLimitPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      let cost: number | undefined;
      return Promise.resolve({
        didResolveOperation({ request, document, schema, operationName }) {
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [costEstimator],
            });
          } catch {
            // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT, nothing runs.
            return Promise.resolve();
          }
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

/** The token limit is graphql-js's own error: give it the same `extensions.limit` as the others. */
export function limitOfParseError(message: string): LimitInfo | null {
  return /Document contains more than \d+ tokens/.test(message)
    ? { name: 'tokens', max: LIMITS.tokens }
    : null;
}
