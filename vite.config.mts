// Builds the offline GraphiQL client (src/graphiql) into dist/graphiql,
// which the server serves as static files at /graphiql/.
// Build: npm run build (tsc, then vite build)
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/graphiql', import.meta.url)),
  base: '/graphiql/',
  // Vite 8 transforms .tsx with oxc; use React's automatic JSX runtime.
  oxc: {
    jsx: { runtime: 'automatic' },
  },
  publicDir: false,
  build: {
    outDir: `${repoRoot}dist/graphiql`,
    emptyOutDir: true,
    // Monaco is big; silence the >500 kB chunk warning.
    chunkSizeWarningLimit: 6000,
    // Keep every asset (fonts, icons) as its own file or data: URI; never remote.
    assetsInlineLimit: 4096,
    rolldownOptions: {
      // GraphiQL, and the README rendered beside it (docs.html, linked from GraphiQL's header).
      input: {
        index: fileURLToPath(new URL('./src/graphiql/index.html', import.meta.url)),
        docs: fileURLToPath(new URL('./src/graphiql/docs.html', import.meta.url)),
      },
      onwarn(warning, defaultHandler) {
        // "use client" / "use no memo" directives in React libraries are
        // meaningless in this client-only bundle; don't print ~100 warnings.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(warning);
      },
    },
  },
  worker: {
    format: 'es',
  },
});
