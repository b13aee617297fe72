import type { ApolloServer } from '@apollo/server';
import type { Viewer } from '../auth/viewer';
import type { Context } from '../context';
import { ChartRenderer } from './chart-renderer';
import { REPORTS } from './definitions/index';
import { ReportCatalog, type ExecuteGraphQL } from './report-runner';

/** What the /reports routes need from the running server. */
export interface ReportsBackend {
  readonly catalog: ReportCatalog;
  /** Runs documents as the HTTP request with this viewer (its API key; null: anonymous) would. */
  executorFor(viewer: Viewer | null): ExecuteGraphQL;
  /** Stops the chart renderer. */
  close(): Promise<void>;
}

/**
 * Reports over the server's own Apollo instance: `executeOperation` runs each document through the same
 * pipeline as POST /graphql (parse limits, validation rules, cost plugin, formatError), with a context built
 * by the same factory as the GraphQL route's.
 */
export function createReportsBackend(
  apollo: ApolloServer<Context>,
  contextFor: (viewer: Viewer | null) => Context,
): ReportsBackend {
  const charts = new ChartRenderer();
  return {
    catalog: new ReportCatalog(REPORTS, charts),
    executorFor: (viewer) => async (document, variables) => {
      const response = await apollo.executeOperation(
        { query: document, variables },
        { contextValue: contextFor(viewer) },
      );
      if (response.body.kind !== 'single') throw new Error('Reports do not use incremental delivery.');
      const { data, errors } = response.body.singleResult;
      return { data, errors: errors?.map((e) => ({ message: e.message, extensions: e.extensions })) };
    },
    close: () => charts.close(),
  };
}
