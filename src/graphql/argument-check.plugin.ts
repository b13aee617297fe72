import type { ApolloServerPlugin } from '@apollo/server';
import { checkOperationArguments } from '../shared/argument-check';
import { BoundedCache, operationKey } from './bounded-cache';

/** Operations (document × operation name × variables) remembered as checked and clean. */
const CHECKED_ENTRIES = 1000;

/**
 * Runs {@link checkOperationArguments} on every operation before it executes (GraphQL requests and `/reports`
 * alike, which share this pipeline): a value no column could store is BAD_USER_INPUT naming its argument, and
 * never reaches a resolver or SQL. The check depends only on the document, the operation and the variables, so
 * an operation found clean is not walked again (a refused one is checked, and refused, each time).
 */
export function argumentCheckPlugin(): ApolloServerPlugin {
  const clean = new BoundedCache<true>(CHECKED_ENTRIES);
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation(requestContext) {
          const { schema, document, operation, request } = requestContext;
          if (!operation) return Promise.resolve();
          const key = operationKey(requestContext);
          if (key === null || clean.get(key) === undefined) {
            checkOperationArguments(schema, document, operation, request.variables);
            if (key !== null) clean.set(key, true);
          }
          return Promise.resolve();
        },
      });
    },
  };
}
