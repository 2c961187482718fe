// Lines short enough to read side by side in a diff. Biome's formatter keeps
// code within 120 characters but does not break strings or Lit templates, so
// this checks every line of the project's own text files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const MAX_LINE = 120;
const FOLDERS = ['src', 'tests', 'scripts'];
const TOP_LEVEL = ['index.html', 'vite.config.ts', 'vitest.config.ts', 'vitest.mutate.config.ts'];
/** Generated or data files, and fixtures that are hostile on purpose. */
const SKIPPED = [/^tests\/fixtures\//, /\.generated\./];

function projectFiles(): string[] {
  const found = FOLDERS.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(ts|js|mjs|html|css)$/.test(entry.name))
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name))),
  );
  return [...found, ...TOP_LEVEL].filter((file) => !SKIPPED.some((pattern) => pattern.test(file)));
}

it(`no line of the project's code is longer than ${MAX_LINE} characters`, () => {
  const long: string[] = [];
  for (const file of projectFiles()) {
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if ([...line].length > MAX_LINE) long.push(`${file}:${index + 1} (${[...line].length} characters)`);
      });
  }
  expect(long).toEqual([]);
});
