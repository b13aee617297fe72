import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../observability/metrics';

/** Counts GraphQL operations by type and outcome, and times them. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    requestDidStart() {
      const stop = metrics.graphqlDuration.startTimer();
      return Promise.resolve({
        willSendResponse({ operation, errors }) {
          const type = operation?.operation ?? 'unknown';
          stop({ operation_type: type });
          metrics.graphqlOperations.inc({ operation_type: type, outcome: errors?.length ? 'error' : 'ok' });
          return Promise.resolve();
        },
      });
    },
  };
}
