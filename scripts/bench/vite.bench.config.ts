// Builds the bench pages into dist/bench, beside the app, so that one `vite
// preview` serves them all; scripts/bench.ts removes them again. bench.html
// measures the app's own modules, peers.html the explorer's peers (Cytoscape
// out of the box, sigma.js with ForceAtlas2).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        bench: fileURLToPath(new URL('bench.html', import.meta.url)),
        peers: fileURLToPath(new URL('peers.html', import.meta.url)),
      },
    },
  },
});
