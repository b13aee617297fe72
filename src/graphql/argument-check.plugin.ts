import type { ApolloServerPlugin } from '@apollo/server';
import { checkOperationArguments } from '../shared/argument-check';

/**
 * Runs {@link checkOperationArguments} on every operation before it executes (GraphQL requests and `/reports`
 * alike, which share this pipeline): a value no column could store is BAD_USER_INPUT naming its argument, and
 * never reaches a resolver or SQL.
 */
export function argumentCheckPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkOperationArguments(schema, document, operation, request.variables);
          return Promise.resolve();
        },
      });
    },
  };
}
