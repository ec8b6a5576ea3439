import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pwa } from './pwa-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web client and the bundled GraphiQL. Everything is bundled: the machines
 * that run LEC are offline, so the pages may load nothing from a CDN.
 * Built by `npm run build` (or `npm run build:client`) into client/dist,
 * which the server serves (src/http/client-app.ts, src/http/graphiql.ts).
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), pwa()],
  // No public/ folder: nothing is copied verbatim into dist.
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Monaco (GraphiQL's editor) is large by nature; it only loads on /graphiql.
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        index: `${root}index.html`,
        graphiql: `${root}graphiql.html`,
      },
      onwarn(warning, defaultHandler) {
        // GraphiQL's React-compiler runtime marks modules "use no memo"; harmless once bundled.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(warning);
      },
    },
  },
  worker: {
    format: 'es',
  },
});
