// Offline GraphiQL 5 for virtlens, served by the server at /graphiql.
// Everything (scripts, styles, fonts, Monaco workers) is bundled by Vite;
// nothing is loaded from another host.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher, type Fetcher, type FetcherParams } from '@graphiql/toolkit';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { EXAMPLE_TABS } from './examples';

// Same-origin endpoint: resolves to <current origin>/graphql.
const httpFetcher = createGraphiQLFetcher({
  url: new URL('/graphql', window.location.href).toString(),
});

/**
 * GraphiQL 5 updates the selected operation name 100 ms (debounced) after the
 * operation editor changes, so running right after switching tabs can send the
 * previous tab's operationName ("Unknown operation named ..."). When the name is
 * not an operation of the document being sent and the document has exactly one
 * operation, send that operation's own name (or none, if it is anonymous).
 */
function withValidOperationName(params: FetcherParams): FetcherParams {
  const { query, operationName } = params;
  if (!operationName || typeof query !== 'string') return params;
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return params; // let the server report the syntax error
  }
  if (operations.length !== 1 || operations.some((op) => op.name?.value === operationName)) {
    return params;
  }
  return { ...params, operationName: operations[0].name?.value ?? null };
}

const fetcher: Fetcher = (params, opts) => httpFetcher(withValidOperationName(params), opts);

/**
 * GraphiQL 5 opens the first of `defaultTabs` with an empty Variables pane (graphql/graphiql#3392: the editor
 * starts from `initialVariables`, which defaults to "" instead of the tab's own variables), so running the
 * first example as it opens would answer for today instead of its `asOf`. On a first visit (no tabs saved in
 * the browser yet) hand GraphiQL the first tab's query and variables as the initial ones; later visits keep the
 * user's saved tabs untouched.
 */
function firstVisitEditors(): { initialQuery?: string; initialVariables?: string } {
  let saved: string | null = null;
  try {
    saved = window.localStorage.getItem('graphiql:tabState');
  } catch {
    // Storage refused (privacy mode): GraphiQL starts from the default tabs, as on a first visit.
  }
  const first = EXAMPLE_TABS[0];
  if (saved || !first) return {};
  return { initialQuery: first.query, initialVariables: first.variables ?? '' };
}

const container = document.getElementById('graphiql');
if (!container) {
  throw new Error('virtlens GraphiQL: #graphiql container missing from index.html');
}

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={EXAMPLE_TABS}
      {...firstVisitEditors()}
      // Keep the Variables pane open: most examples take asOf there.
      defaultEditorToolsVisibility="variables"
    >
      <GraphiQL.Logo>
        <span className="virtlens-logo">
          virtlens{' '}
          <a href="/reports" title="Charts and tables of the named reports">
            Reports
          </a>{' '}
          <a
            href="/graphiql/docs.html#asking-questions"
            title="The README: the questions this server answers, and how"
          >
            Questions
          </a>
        </span>
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
