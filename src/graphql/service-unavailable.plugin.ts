import type { ApolloServerPlugin } from '@apollo/server';

/**
 * An answer with a `SERVICE_UNAVAILABLE` error (the database away) is an HTTP 503, like the answer of a keyed
 * request whose key could not be looked up: clients, load balancers and retries see the outage the same way
 * whether or not the request carried a key. (The code is set by `formatError`, which runs before this hook.)
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          const result =
            response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          if (result.errors?.some((e) => e.extensions?.['code'] === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
          }
          return Promise.resolve();
        },
      });
    },
  };
}
