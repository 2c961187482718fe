// "did you mean ...?": the closest known name within reach (2 edits, or a third
// of the name's length), the earlier one in the list on a tie, found in bounded
// work even among tens of thousands of near-identical ids.
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { allowedEdits, SuggestionIndex } from '../../src/model/suggest.ts';

/** The answer of an exhaustive search: every candidate compared, the first of the closest kept. */
function closestByComparingAll(candidates: string[], name: string): string | undefined {
  if (name === '' || name.length > 250) return undefined;
  let found: string | undefined;
  let foundDistance = allowedEdits(name) + 1;
  for (const candidate of candidates) {
    if (candidate.length > 250) continue;
    const edits = distance(name, candidate);
    if (edits < foundDistance) {
      found = candidate;
      foundDistance = edits;
    }
  }
  return found;
}

describe('SuggestionIndex.closest', () => {
  it('suggests the known id a misspelling is closest to, and nothing when none is close', () => {
    const index = new SuggestionIndex(['khazali', 'kadhimi', 'muhandis', 'kataib-hezbollah']);
    expect(index.closest('khazaly')).toBe('khazali');
    expect(index.closest('kadhim')).toBe('kadhimi');
    expect(index.closest('kataib-hizbollah')).toBe('kataib-hezbollah');
    expect(index.closest('sadr')).toBeUndefined();
  });

  it('allows 2 edits, or a third of the name when that is more', () => {
    expect(allowedEdits('ab')).toBe(2);
    expect(allowedEdits('abcdefgh')).toBe(2);
    expect(allowedEdits('abcdefghi')).toBe(3);
    expect(allowedEdits('abcdefghijkl')).toBe(4);
    const index = new SuggestionIndex(['abcdefxyz', 'qqqqqqqqqqqq']);
    expect(index.closest('abcdefghi')).toBe('abcdefxyz'); // 3 edits for 9 characters
    expect(index.closest('abcdefghij')).toBeUndefined(); // 4 edits for 10: one too many
  });

  it('reaches names as much shorter or longer as the edits allow', () => {
    expect(new SuggestionIndex(['ab']).closest('abcd')).toBe('ab');
    expect(new SuggestionIndex(['abcdef']).closest('abcd')).toBe('abcdef');
    expect(new SuggestionIndex(['a']).closest('abcd')).toBeUndefined();
    expect(new SuggestionIndex(['abcdefg']).closest('abcd')).toBeUndefined();
  });

  it('suggests a name that shares no letter with the misspelling, when it is within reach', () => {
    expect(new SuggestionIndex(['cd']).closest('ab')).toBe('cd');
    expect(new SuggestionIndex(['x-9']).closest('ab1')).toBeUndefined();
  });

  it('does not suggest a name made of the same letters in another order when it is too many edits away', () => {
    expect(new SuggestionIndex(['dcba']).closest('abcd')).toBeUndefined();
    expect(new SuggestionIndex(['dcba', 'abce']).closest('abcd')).toBe('abce');
  });

  it('prefers the closer name, wherever it is in the list', () => {
    expect(new SuggestionIndex(['abxx', 'abcx']).closest('abcd')).toBe('abcx');
    expect(new SuggestionIndex(['abcx', 'abxx']).closest('abcd')).toBe('abcx');
  });

  it('on a tie, suggests the name that comes first in the file, whatever its length', () => {
    expect(new SuggestionIndex(['abxx', 'abyy']).closest('abcd')).toBe('abxx');
    expect(new SuggestionIndex(['abyy', 'abxx']).closest('abcd')).toBe('abyy');
    expect(new SuggestionIndex(['abcdef', 'ab']).closest('abcd')).toBe('abcdef');
    expect(new SuggestionIndex(['ab', 'abcdef']).closest('abcd')).toBe('ab');
  });

  it('suggests nothing for an empty name, even among one-letter ids', () => {
    expect(new SuggestionIndex(['a', 'b']).closest('')).toBeUndefined();
  });

  it('works up to the longest id (250 characters), and never beyond', () => {
    const longest = 'x'.repeat(250);
    expect(new SuggestionIndex([longest]).closest(`${'x'.repeat(249)}y`)).toBe(longest);
    expect(new SuggestionIndex([`${longest}x`]).closest(longest)).toBeUndefined(); // no id is that long
    expect(new SuggestionIndex([longest]).closest(`${longest}x`)).toBeUndefined();
  });

  it("finds names over 32 characters, beyond what one machine word of Myers' algorithm holds", () => {
    const known = 'popular-mobilization-forces-brigade-45';
    const index = new SuggestionIndex(['popular-mobilization-forces', known]);
    expect(index.closest('popular-mobilisation-forces-brigade-46')).toBe(known);
    expect(index.closest('popular-mobilization-forcesxx')).toBe('popular-mobilization-forces');
    // Exactly 32 and 33 characters: the last bit of the word, and one past it.
    const thirtyTwo = 'abcdefghijklmnopqrstuvwxyz-01234';
    const next = new SuggestionIndex([thirtyTwo, `${thirtyTwo}5`]);
    expect(next.closest('abcdefghijklmnopqrstuvwxyz-0123x')).toBe(thirtyTwo);
    expect(next.closest('abcdefghijklmnopqrstuvwxyz-01234x')).toBe(thirtyTwo);
    expect(next.closest('abcdefghijklmnopqrstuvwxyz-012345x')).toBe(`${thirtyTwo}5`);
  });

  it('gives the same answers whatever was asked before, of this index or another', () => {
    const first = new SuggestionIndex(['ruling-party', 'opposition']);
    const second = new SuggestionIndex(['qais', 'khazali']);
    expect(first.closest('a'.repeat(40))).toBeUndefined();
    expect(second.closest('qias')).toBe('qais');
    expect(first.closest('ruling-partx')).toBe('ruling-party');
    expect(second.closest('khazali-qais')).toBeUndefined();
    expect(second.closest('kazali')).toBe('khazali');
    expect(second.closest('qias')).toBe('qais');
  });

  it('suggests what an exhaustive search suggests, for short and long names of few letters', () => {
    const name = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', '-', '1', 'z'), minLength: 1, maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '-'), minLength: 28, maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), name, (candidates, unknown) => {
        const index = new SuggestionIndex(candidates);
        expect(index.closest(unknown)).toBe(closestByComparingAll(candidates, unknown));
        expect(index.closest(unknown)).toBe(closestByComparingAll(candidates, unknown)); // asked again
      }),
      { seed: 20261128, numRuns: 250 },
    );
  });
});

describe('SuggestionIndex.closest on hostile lists: bounded work, at the cost of a missed hint', () => {
  /** Ids "x-00000", "x-00001" ... that are all more than 2 edits from "x-77777". */
  const farIds = (count: number) =>
    Array.from({ length: count * 2 }, (_, n) => `x-${String(n).padStart(5, '0')}`)
      .filter((id) => distance(id, 'x-77777') > 2)
      .slice(0, count);

  it('gives up after some 16,000 comparisons: a close id after 30,000 near-identical ones is missed', () => {
    const near = farIds(30_000);
    expect(new SuggestionIndex([...near.slice(0, 100), 'x-77778']).closest('x-77777')).toBe('x-77778');
    expect(new SuggestionIndex([...near, 'x-77778']).closest('x-77777')).toBeUndefined();
  });

  it('spends nothing on ids made of other characters: a close id after 30,000 of them is found', () => {
    const unlike = Array.from({ length: 30_000 }, (_, n) => String(n).padStart(7, '0'));
    expect(new SuggestionIndex([...unlike, 'abcdefh']).closest('abcdefg')).toBe('abcdefh');
  });

  it('counts comparisons of names over 32 characters as dearer: some 600 of them, not thousands', () => {
    // 40 characters: "a" and 14 to 20 "b" (14 to 20 edits from 40 "a", more than the 13 allowed).
    const far = Array.from({ length: 2_000 }, (_, n) => {
      const letters = Array.from({ length: 40 }, () => 'a');
      for (let b = 0; b < 14 + (n % 7); b++) letters[(n * 7 + b * 3) % 40] = 'b';
      return letters.join('');
    });
    const unknown = 'a'.repeat(40);
    const close = `${'a'.repeat(39)}b`;
    expect(new SuggestionIndex([...far.slice(0, 100), close]).closest(unknown)).toBe(close);
    expect(new SuggestionIndex([...far, close]).closest(unknown)).toBeUndefined();
  });
});
