// The layers of the code hold: src/model is pure (no DOM, no Cytoscape, no
// Lit), src/cy is the only place that touches Cytoscape, and components
// reach Cytoscape only through the controller.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sources(folder: string): { file: string; text: string }[] {
  return readdirSync(join(SRC, folder))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ file: `${folder}/${name}`, text: readFileSync(join(SRC, folder, name), 'utf8') }));
}

const imports = (text: string) => [...text.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
/** Code without comments, so that a comment may mention the DOM. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

describe('the layers of src', () => {
  it('src/model imports only src/model and pure libraries, and uses no DOM', () => {
    const offending: string[] = [];
    for (const { file, text } of sources('model')) {
      for (const target of imports(text)) {
        const pure =
          target.startsWith('./') ||
          target.startsWith('../../graph/') ||
          /^(ajv|jsonc-parser|fastest-levenshtein|culori)/.test(target) ||
          // graphology and its metrics are plain computation (centrality.ts), with no DOM of their own.
          /^graphology(-metrics|-communities-louvain)?(\/|$)/.test(target);
        if (!pure) offending.push(`${file} imports ${target}`);
      }
      const dom = /\b(document|window|globalThis)\s*\.|\b(HTMLElement|customElements|requestAnimationFrame)\b/.exec(
        code(text),
      );
      if (dom) offending.push(`${file} uses ${dom[0]}`);
    }
    expect(offending).toEqual([]);
  });

  it('only src/cy imports Cytoscape', () => {
    const offending = ['model', 'components', 'io'].flatMap(sources).flatMap(({ file, text }) =>
      imports(text)
        .filter((t) => /^cytoscape/.test(t))
        .map((t) => `${file} imports ${t}`),
    );
    expect(offending).toEqual([]);
  });
});
