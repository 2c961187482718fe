// "did you mean ...?" (src/model/suggest.ts), more closely: the cheap screen by
// kinds of characters never hides a close name and does tell kinds apart, and
// the work budget is spent in full, at the cost the comparisons really have.
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { SuggestionIndex } from '../../src/model/suggest.ts';

/** Every distinct order of the characters of `letters`. */
function orders(letters: string): string[] {
  const found = new Set<string>();
  const walk = (prefix: string, rest: string) => {
    if (rest === '') found.add(prefix);
    for (let at = 0; at < rest.length; at++) walk(prefix + rest[at], rest.slice(0, at) + rest.slice(at + 1));
  };
  walk('', letters);
  return [...found];
}

/** `count` ids "x-000000", "x-000001" ... that are all more than 2 edits from "x-777777". */
const farIds = (count: number) =>
  Array.from({ length: count * 2 }, (_, n) => `x-${String(n).padStart(6, '0')}`)
    .filter((id) => distance(id, 'x-777777') > 2)
    .slice(0, count);

describe('the screen by kinds of characters', () => {
  it('never hides a name one edit away, whatever kind of character the edit puts in', () => {
    const index = new SuggestionIndex(['abcdef']);
    expect(index.closest('abcde1')).toBe('abcdef');
    expect(index.closest('abcde-')).toBe('abcdef');
    expect(index.closest('abcde_')).toBe('abcdef');
    expect(index.closest('abcdeé')).toBe('abcdef');
  });

  it('tells each kind of character apart: 20,000 far ids with another kind where the name has one cost nothing', () => {
    // The name holds three of one character, the far ids none of it but one of another kind
    // (and letters the name lacks): at least 3 edits away, and screened out without a comparison.
    const pairs = [
      ['a', '_'], // a letter and other characters
      ['z', '_'],
      ['a', 'á'], // a plain and an accented letter
      ['p', '0'], // a letter and a digit
      ['y', '0'],
      ['-', '0'], // "-" and a digit
      ['0', '_'], // a digit and other characters
      ['9', '_'],
      ['.', '0'],
      ['_', '0'],
      ['_', '-'], // "-" and other characters
      ['-', '_'],
    ];
    for (const [inName, inIds] of pairs) {
      const name = `bcdef${inName}${inName}${inName}`;
      const far = orders(`bbcdehi${inIds}`);
      const close = `bcdef${inName}${inName}c`;
      expect(far.length).toBeGreaterThan(20_000);
      expect(new SuggestionIndex([...far, close]).closest(name), `${inName} and ${inIds}`).toBe(close);
    }
  });
});

describe('the work budget', () => {
  // 15,625 comparisons of 8-character names (16 steps each).
  it('is spent to its last step, then a close id is still found', () => {
    const far = farIds(15_626);
    expect(new SuggestionIndex([...far.slice(0, 15_625), 'x-777778']).closest('x-777777')).toBe('x-777778');
    expect(new SuggestionIndex([...far, 'x-777778']).closest('x-777777')).toBeUndefined();
  });

  it("counts names of up to 32 characters at Myers' cheap rate: a close id after 10,000 far ones is found", () => {
    const far = farIds(10_000);
    expect(new SuggestionIndex([...far, 'x-777778']).closest('x-777777')).toBe('x-777778');
  });

  it('counts a name of exactly 32 characters at the cheap rate too: a close id after 3,000 far ones is found', () => {
    // 32 characters: "a" and 11 to 16 "b" (more than the 10 edits allowed from 32 "a").
    const far = Array.from({ length: 3_000 }, (_, n) => {
      const letters = Array.from({ length: 32 }, () => 'a');
      for (let b = 0; b < 11 + (n % 6); b++) letters[(n * 5 + b * 3) % 32] = 'b';
      return letters.join('');
    });
    const unknown = 'a'.repeat(32);
    expect(far.every((id) => distance(id, unknown) > 10)).toBe(true);
    const close = `${'a'.repeat(31)}b`;
    expect(new SuggestionIndex([...far, close]).closest(unknown)).toBe(close);
  });
});
