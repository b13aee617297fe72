import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { BodyError, readJsonBody } from './body';
import { graphqlStatus } from './request-error-status';
import {
  preferredType,
  redirect,
  sendGraphQLError,
  type Exchange,
  type Handler,
  type Step,
} from './exchange';

/** The running Apollo Server and how a request's context is made. */
export interface GraphQLEndpoint<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context(ex: Exchange): TContext;
}

/**
 * A browser opening GET /graphql (no `query`, HTML preferred) is sent to the explorer; API clients' GET queries
 * go on to Apollo.
 */
export const explorerRedirect: Step = (ex, next) => {
  if (
    ex.method === 'GET' &&
    !new URLSearchParams(ex.search).get('query') &&
    preferredType(ex.req.headers.accept, ['application/json', 'text/html']) === 'text/html'
  ) {
    redirect(ex.res, 302, '/graphiql/');
    return Promise.resolve();
  }
  return next();
};

/**
 * Reads and parses a POST body (JSON only, at most `maxBytes`): a body over the limit gets 413 naming the limit
 * and its value, one that is not JSON 400, both GraphQL-shaped.
 */
export function jsonBody(maxBytes: number): Step {
  return async (ex, next) => {
    if (ex.method === 'POST') {
      try {
        ex.body = await readJsonBody(ex.req, maxBytes);
      } catch (error) {
        if (!(error instanceof BodyError)) throw error;
        const extensions =
          error.status === 413
            ? { code: 'BAD_REQUEST', limit: { name: 'requestBytes', max: maxBytes } }
            : { code: 'BAD_REQUEST' };
        // The rest of an oversized body is not read: the connection closes after the answer.
        sendGraphQLError(ex.res, error.status, error.message, extensions, { connection: 'close' });
        return;
      }
    } else {
      ex.req.resume();
    }
    return next();
  };
}

/**
 * POST/GET /graphql through Apollo Server's integration API (`executeHTTPGraphQLRequest`), which does CSRF
 * prevention, content negotiation, batching refusal and GET-mutation refusal itself; request errors under
 * `application/json` are answered 200 (see {@link graphqlStatus}).
 */
export function graphqlHandler<TContext extends BaseContext>(
  endpoint: () => GraphQLEndpoint<TContext> | null,
): Handler {
  return async (ex) => {
    const current = endpoint();
    if (!current) {
      sendGraphQLError(ex.res, 503, 'The server is starting; try again in a few seconds.', {
        code: 'SERVICE_UNAVAILABLE',
      });
      return;
    }
    const headers = new HeaderMap();
    const raw = ex.req.headers;
    for (const key in raw) {
      const value = raw[key];
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await current.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: ex.method, headers, search: ex.search, body: ex.body },
      context: () => Promise.resolve(current.context(ex)),
    });
    const res = ex.res;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.statusCode = graphqlStatus(
        res.statusCode,
        response.headers.get('content-type'),
        response.body.string,
      );
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
