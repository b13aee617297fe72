import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { pinReadsToPrimary } from '../db/read-preference';

/**
 * A mutation's reads go to the primary: what it returns (read back through the query services and the
 * request's DataLoaders after its transaction committed) must show its own write, which a read replica may not
 * have replayed yet. Queries are untouched: they read from a replica when there are replicas.
 */
export function readYourWritesPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation }) {
          if (operation?.operation === OperationTypeNode.MUTATION) pinReadsToPrimary();
          return Promise.resolve();
        },
      });
    },
  };
}
