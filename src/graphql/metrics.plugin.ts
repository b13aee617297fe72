import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../observability/metrics';
import { requestScope } from '../observability/request-context';

/**
 * Counts GraphQL operations by type and outcome, times them, and reports the SQL statements each one cost in the
 * `x-sql-statements` response header (constant in page size is the contract; see test/knowledge); leaves the
 * operation's name in the request scope for the access log.
 */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    requestDidStart() {
      const stop = metrics.graphqlDuration.startTimer();
      return Promise.resolve({
        willSendResponse({ operation, errors, response }) {
          const scope = requestScope.getStore();
          if (scope) {
            response.http.headers.set('x-sql-statements', String(scope.sqlStatements));
            if (operation?.name) scope.operationName = operation.name.value;
          }
          const type = operation?.operation ?? 'unknown';
          stop({ operation_type: type });
          metrics.graphqlOperations.inc({ operation_type: type, outcome: errors?.length ? 'error' : 'ok' });
          return Promise.resolve();
        },
      });
    },
  };
}
