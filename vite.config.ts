import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

/** The Content-Security-Policy of index.html's <meta>, read from there so the header cannot drift from it. */
export const CONTENT_SECURITY_POLICY = (() => {
  const html = readFileSync(new URL('./index.html', import.meta.url), 'utf8');
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!policy) throw new Error('index.html has no Content-Security-Policy meta element');
  // One line, as a header must be (the meta element may wrap it).
  return policy.replace(/\s+/g, ' ').trim();
})();

export default defineConfig({
  // Relative asset paths, so a build can be opened from any folder or sub-path.
  base: './',
  build: {
    target: 'es2022',
    // Cytoscape and fcose are large; they are one lazy chunk, loaded after first paint.
    chunkSizeWarningLimit: 700,
  },
  server: { host: '127.0.0.1' },
  // The header also reaches the workers, which a <meta> policy does not.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
