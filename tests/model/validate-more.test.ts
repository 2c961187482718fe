// More of the validator (src/model/validate.ts): the corners that the mutation
// run showed no other test looks at.
import { describe, expect, it } from 'vitest';
import { ProblemCollector } from '../../src/model/problems.ts';
import { reportSyntaxErrors, utf8LengthUpTo } from '../../src/model/validate.ts';

describe('the size of a text in UTF-8', () => {
  it('counts a character below U+D800 then a lone low surrogate as 3 + 3 bytes, as TextEncoder writes them', () => {
    // Only a high surrogate (U+D800 to U+DBFF) starts a 4-byte pair.
    for (const text of ['\u0800\udc00', '\u4e2d\udfff', 'a\u07ff\u0800\udc00b']) {
      expect(utf8LengthUpTo(text, Number.POSITIVE_INFINITY)).toBe(new TextEncoder().encode(text).length);
    }
    expect(utf8LengthUpTo('\u0800\udc00', Number.POSITIVE_INFINITY)).toBe(6);
  });
});

describe('the syntax error scan', () => {
  it('lets a failure that is not its own stop signal reach the caller (parseGraph reports an internal error)', () => {
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
