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

// Example tabs (used when the browser has no saved GraphiQL tabs yet; the
// first one is active). Operations are named so that the tabs get titles
// instead of "<untitled>".
const defaultTabs = [
  {
    query: `# Hypervisors and their vendors and licenses:
# which hypervisors are known, who makes each one,
# under which license, and what sources back that?
query Hypervisors {
  hypervisors(first: 20) {
    totalCount
    edges {
      node {
        slug
        name
        architecture
        techniques
        firstReleasedOn
        vendor { slug name }
        license { name spdxId kind }
        sources { title publisher url publishedOn }
      }
    }
  }
}
`,
  },
  {
    query: `# Vendors:
# who makes hypervisors, and which ones does each make?
query Vendors {
  vendors(first: 50) {
    totalCount
    edges {
      node {
        slug
        name
        kind
        hypervisors { name }
      }
    }
  }
}
`,
  },
  {
    query: `# Licenses:
# under which licenses are hypervisors released,
# and which hypervisors use each one?
query Licenses {
  licenses(first: 50) {
    nodes {
      slug
      name
      spdxId
      kind
      isOpenSource
      hypervisors { name }
    }
  }
}
`,
  },
  {
    query: `# A hypervisor by slug:
# what is known about one hypervisor?
# (change the slug in the Variables pane below)
query HypervisorBySlug($slug: String!) {
  hypervisor(slug: $slug) {
    name
    description
    vendor { name }
    license { name }
    sources { title url }
  }
}
`,
    variables: JSON.stringify({ slug: 'xen' }, null, 2),
  },
  {
    query: `# Sources:
# which articles and announcements is the data based on?
query Sources {
  sources(first: 20) {
    totalCount
    edges {
      node {
        title
        publisher
        url
        publishedOn
      }
    }
  }
}
`,
  },
];

const container = document.getElementById('graphiql');
if (!container) {
  throw new Error('virtlens GraphiQL: #graphiql container missing from index.html');
}

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs}
      // Keep the Variables pane open so the { "slug": "xen" } example is visible.
      defaultEditorToolsVisibility="variables"
    />
  </StrictMode>,
);
