import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
function runCheck(...args: string[]) {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/check.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, lines: result.stdout.trim().split('\n') };
}

describe('npm run check', () => {
  it('exits 0 on a valid graph and says it checked the quotes', () => {
    const { status, lines } = runCheck('tests/fixtures/minimal.json', '--sources', 'tests/fixtures');
    expect(lines).toEqual([
      'tests/fixtures/minimal.json: 0 error(s), 0 warning(s), quotes checked against tests/fixtures',
    ]);
    expect(status).toBe(0);
  });

  it('exits 1 and prints every problem as FILE:LINE:COLUMN PATH: MESSAGE', () => {
    const { status, lines } = runCheck('tests/fixtures/broken/unknown-references.json');
    expect(status).toBe(1);
    expect(lines).toContain(
      'tests/fixtures/broken/unknown-references.json:21:80 relations[0].to: no actor "khazaly" (did you mean "khazali"?)',
    );
    expect(lines.at(-1)).toBe('tests/fixtures/broken/unknown-references.json: 5 error(s), 0 warning(s)');
  });

  it('exits 1 for a file that does not exist', () => {
    const { status, lines } = runCheck('graph/nope.json');
    expect(status).toBe(1);
    expect(lines[0]).toBe('graph/nope.json:1:1 no such file');
  });
});
