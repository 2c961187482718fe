import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset paths, so a build can be opened from any folder or sub-path.
  base: './',
  build: {
    target: 'es2022',
    // Cytoscape and fcose are large; they are one lazy chunk, loaded after first paint.
    chunkSizeWarningLimit: 700,
  },
  server: { host: '127.0.0.1' },
});
