// Mutation-run tests for src/model/validate.ts: what the bigger tests check
// (skipped in mutation runs, see timeouts.ts) on inputs the instrumented code
// can still get through, and the corners the other tests leave open.
import { describe, expect, it } from 'vitest';
import { ProblemCollector } from '../../src/model/problems.ts';
import { MAX_GRAPH_FILE_BYTES, parseGraph, reportSyntaxErrors, utf8LengthUpTo } from '../../src/model/validate.ts';

describe('the size of a text in UTF-8', () => {
  it('counts a character below U+D800 followed by a lone low surrogate as 3 + 3 bytes, as TextEncoder writes them', () => {
    // Only a high surrogate (U+D800 to U+DBFF) starts a 4-byte pair.
    for (const text of ['\u0800\udc00', '\u4e2d\udfff', 'a\u07ff\u0800\udc00b']) {
      expect(utf8LengthUpTo(text, Number.POSITIVE_INFINITY)).toBe(new TextEncoder().encode(text).length);
    }
    expect(utf8LengthUpTo('\u0800\udc00', Number.POSITIVE_INFINITY)).toBe(6);
  });
});

describe('a text over 20 MB', () => {
  // Half as many characters as bytes, so that the instrumented code of a
  // mutation run counts them in seconds: a pair of UTF-16 units is 4 bytes.
  it('is refused with its size, as one error on the whole file', { timeout: 60_000 }, () => {
    const text = `{"title": "${'\u{1f600}'.repeat(MAX_GRAPH_FILE_BYTES / 4)}"}`;
    expect(text.length).toBeLessThan(MAX_GRAPH_FILE_BYTES);
    expect(parseGraph(text)).toEqual({
      ok: false,
      problems: [
        { severity: 'error', line: 1, column: 1, path: '', message: 'the file is 20.0 MB; the limit is 20.0 MB' },
      ],
      omitted: 0,
      omittedKinds: [],
      stoppedEarly: true,
    });
  });
});

describe('the syntax error scan', () => {
  it('lets a failure that is not its own stop signal reach the caller (parseGraph reports it as an internal error)', () => {
    class FailingCollector extends ProblemCollector {
      override add(): void {
        throw new Error('the collector broke');
      }
    }
    const collector = new FailingCollector();
    expect(() => reportSyntaxErrors('{"a": }', new SyntaxError('Unexpected token'), collector)).toThrow(
      'the collector broke',
    );
  });
});
