import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';

/**
 * The schema has no `Subscription` type and the server no transport for one, yet graphql-js validates a
 * `subscription { __typename }` and only fails at execution ("Schema is not configured…"), an error without a
 * code that would be masked as internal. A subscription operation is refused once it is resolved, as Apollo
 * Server refuses a mutation sent by GET: a `BAD_REQUEST` with HTTP 400, before anything runs.
 */
export function noSubscriptionsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError('This server has no subscriptions; send a query or a mutation.', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
