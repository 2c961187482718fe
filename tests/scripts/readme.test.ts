import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

it('.ci/run runs exactly the test line of the README Quick start', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const quickStart = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
  const lines = [...quickStart.matchAll(/```sh\n(.+)\n```/g)].map((match) => match[1]);
  expect(lines).toHaveLength(2);
  const ciCommands = readFileSync(join(ROOT, '.ci/run'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd '));
  expect(ciCommands).toEqual([lines[1]]);
});
