import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
function runCheck(...args: string[]) {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/check.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, lines: result.stdout.trim().split('\n'), stderr: result.stderr };
}

/** Characters that a terminal acts on or that reorder text: none may reach the output raw. */
function terminalControls(output: string): number[] {
  return [...output]
    .map((character) => character.codePointAt(0) ?? 0)
    .filter(
      (code) => (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) || (code >= 0x2028 && code <= 0x202e),
    );
}

const HOSTILE = 'tests/fixtures/hostile';

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
      'tests/fixtures/broken/unknown-references.json:21:80 relations[0].to: no actor "khazaly" (did you mean ' +
        '"khazali"?)',
    );
    expect(lines.at(-1)).toBe('tests/fixtures/broken/unknown-references.json: 5 error(s), 0 warning(s)');
  });

  it('exits 1 for a file that does not exist', () => {
    const { status, lines } = runCheck('graph/nope.json');
    expect(status).toBe(1);
    expect(lines[0]).toBe('graph/nope.json:1:1 no such file');
  });

  it('never prints a stack trace or a raw control character, whatever the files hold', { timeout: 30_000 }, () => {
    const devices = existsSync('/dev/null') ? ['/dev/null'] : [];
    const { status, lines, stderr } = runCheck(
      `${HOSTILE}/control-characters.json`,
      `${HOSTILE}/archive-names.json`,
      `${HOSTILE}/bom.json`,
      `${HOSTILE}/utf16.json`,
      `${HOSTILE}/invalid-utf8.json`,
      `${HOSTILE}/sources`,
      ...devices,
      '--sources',
      `${HOSTILE}/sources`,
    );
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(terminalControls(lines.join('\n'))).toEqual([]);
    // A newline in an id cannot forge an output line: every line is a problem, an omission or a summary.
    for (const line of lines) expect(line).toMatch(/^(tests\/fixtures\/hostile\/|\/dev\/null)[^:]*(:\d+:\d+ |: )/);
    expect(lines).toContain(
      `${HOSTILE}/control-characters.json:10:12 actors[0].id: "x\\u001b[2K\\rfake.json:1:1 all good\\n" ` +
        'is not a valid id: use lowercase letters, digits and "-" (like "kataib-hezbollah")',
    );
    // An archive that is a folder is a located problem (it was an EISDIR crash), and ".." is not a file name.
    expect(lines).toContain(
      `${HOSTILE}/archive-names.json:13:150 sources[6].archive: the archived copy "folder.txt" could not be read: ` +
        'it is a folder, not a file',
    );
    expect(lines).toContain(
      `${HOSTILE}/archive-names.json:7:134 sources[0].archive: ".." must be a plain file name in the sources ` +
        'folder: no folders, no "." or "..", no leading dot, no control characters',
    );
    // Bytes are read as the browser reads them: a UTF-8 byte-order mark is fine, UTF-16 and bad bytes are not.
    expect(lines).toContain(`${HOSTILE}/bom.json: 0 error(s), 0 warning(s), quotes checked against ${HOSTILE}/sources`);
    expect(lines).toContain(
      `${HOSTILE}/utf16.json:1:1 the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8`,
    );
    expect(lines).toContain(
      `${HOSTILE}/invalid-utf8.json:17:46 invalid UTF-8 at byte 635 (line 17, column 46): save the file as UTF-8`,
    );
    // A folder or a device given as the graph: a located problem too.
    expect(lines).toContain(`${HOSTILE}/sources:1:1 could not be read: it is a folder, not a file`);
    if (devices.length > 0) expect(lines).toContain('/dev/null:1:1 could not be read: it is not a regular file');
  });

  it('lists at most 200 problems, then says how many more there are and of which kinds', { timeout: 30_000 }, () => {
    const folder = mkdtempSync(join(tmpdir(), 'graph-check-'));
    try {
      const graph = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/minimal.json'), 'utf8'));
      const file = join(folder, 'ten-thousand-empty-actors.json');
      writeFileSync(file, JSON.stringify({ ...graph, actors: Array(10_000).fill({}) }));
      const { status, lines, stderr } = runCheck(file);
      expect(stderr).toBe('');
      expect(status).toBe(1);
      expect(lines).toHaveLength(202);
      expect(lines.at(-2)).toBe(
        `${file}: and 9,800 more problems of the same kinds (missing field, no evidence); ` +
          'checking stopped early: fix these problems, then check again for any others',
      );
      expect(lines.at(-1)).toBe(`${file}: 200 error(s), 0 warning(s), 9,800 more not listed`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exits 2 on wrong usage', () => {
    expect(runCheck().status).toBe(2);
    expect(runCheck('tests/fixtures/minimal.json', '--sources', 'no-such-folder').status).toBe(2);
  });
});
