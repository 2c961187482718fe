// Builds the bench page (scripts/bench/bench.html) into dist/bench, beside the
// app, so that one `vite preview` serves both; scripts/bench.ts removes it again.
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
    rollupOptions: { input: fileURLToPath(new URL('bench.html', import.meta.url)) },
  },
});
