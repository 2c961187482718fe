// The passage of an archived source shown for a quote that is not verbatim in
// it: the window, starting at a word and as long as the quote, fewest edits
// away. Small archives here, so that the tests run under mutation testing too;
// an exhaustive search over every word start is the reference.
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { ArchiveIndex, COMPARED_QUOTE_CHARACTERS, closestPassage } from '../../src/model/closest-passage.ts';

/** Every word start, a window as long as the quote: the first of the fewest edits. */
function closestByComparingAll(quote: string, archive: string): string {
  let best = '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let start = 0; start < archive.length; start++) {
    if (start > 0 && archive[start - 1] !== ' ') continue;
    const passage = archive.slice(start, start + quote.length);
    const edits = distance(quote, passage);
    if (edits < bestDistance) {
      best = passage;
      bestDistance = edits;
    }
  }
  return best;
}

const WORDS = (
  'the prime minister said drone attack house green zone baghdad militia leader group election result ' +
  'protest killed wounded security forces officials reuters statement denied role kataib hezbollah asaib ' +
  'ahl al-haq fatah alliance seats parliament sunday friday clashes outside gate police fired tear gas ' +
  'two three several people hospital sources told agency investigation committee national council formed ' +
  'iran iranian quds force commander visited after before during against between which who was were had'
).split(' ');

/** An article-like text of `count` words, the same for the same seed. */
function article(count: number, seed: number): string {
  let state = seed;
  const words: string[] = [];
  for (let index = 0; index < count; index++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const word = WORDS[(state >>> 8) % WORDS.length] ?? 'the';
    words.push(index % 11 === 10 ? `${word}.` : word);
  }
  return words.join(' ');
}

describe('closestPassage', () => {
  it('finds the passage a near-miss quote was copied from', () => {
    const archive = 'Qais Al-Khazali led the group. Early on Sunday a drone attacked the house.';
    expect(closestPassage('a drone attacked his house', archive)).toBe('a drone attacked the house');
    expect(closestPassage('Qais al-Khazali led', archive)).toBe('Qais Al-Khazali led');
    expect(closestPassage('attacked the houses', archive)).toBe('attacked the house.');
  });

  it('gives nothing for an empty quote or an empty archive', () => {
    expect(closestPassage('', 'some archived text')).toBe('');
    expect(closestPassage('a quote', '')).toBe('');
  });

  it('finds a passage at the very start or the very end of a long archive', () => {
    const archive = article(400, 7);
    const first = `${archive.slice(0, 30)}X${archive.slice(31, 60)}`;
    expect(closestPassage(first, archive)).toBe(archive.slice(0, 60));
    const wordStart = archive.lastIndexOf(' ', archive.length - 40) + 1;
    const last = `${archive.slice(wordStart, wordStart + 10)}Y${archive.slice(wordStart + 11)}`;
    expect(closestPassage(last, archive)).toBe(archive.slice(wordStart));
  });

  it('compares only the first 1,000 characters of a long quote', () => {
    const archive = article(700, 11);
    const start = archive.indexOf(' ', 500) + 1;
    const quote = `Z${archive.slice(start + 1, start + 1_500)}`;
    expect(COMPARED_QUOTE_CHARACTERS).toBe(1_000);
    expect(closestPassage(quote, archive)).toBe(archive.slice(start, start + 1_000));
  });

  it('finds a quote with a word left out or put in, near its start or its end', () => {
    const archive = article(500, 3);
    const start = archive.indexOf(' ', 1_200) + 1;
    const original = archive.slice(start, start + 120);
    const words = original.split(' ');
    const variants = [
      words.filter((_, index) => index !== 1).join(' '), // a word left out near the start
      words.filter((_, index) => index !== words.length - 3).join(' '), // near the end
      [words[0], 'allegedly', ...words.slice(1)].join(' '), // a word put in near the start
      [...words.slice(0, -2), 'reportedly', ...words.slice(-2)].join(' '),
    ];
    for (const quote of variants) expect(closestPassage(quote, archive)).toBe(closestByComparingAll(quote, archive));
  });

  it('compares the few best-supported places, not only the best: a weaker place may be closer', () => {
    // Place A holds the first 40 characters of the quote and then something else: many shared pieces, 20 edits.
    // Place B holds all of it with a letter changed every 8 characters: fewer shared pieces, 7 edits.
    const quote = 'the minister denied any role in the attack on the house of the leader';
    const placeA = `${quote.slice(0, 40)}${'qwxzvkjqwxzvkjqwxzvkjqwxzvkj'.slice(0, quote.length - 40)}`;
    const placeB = [...quote].map((letter, index) => (index % 9 === 4 && letter !== ' ' ? 'Q' : letter)).join('');
    const archive = `${article(150, 5)} ${placeA} ${article(150, 6)} ${placeB} ${article(150, 8)}`;
    expect(distance(quote, placeB)).toBeLessThan(distance(quote, placeA));
    expect(closestPassage(quote, archive)).toBe(placeB);
    // And the other way round in the archive.
    const reversed = `${article(150, 5)} ${placeB} ${article(150, 6)} ${placeA} ${article(150, 8)}`;
    expect(closestPassage(quote, reversed)).toBe(placeB);
  });

  it('compares a quote from inside a long run without spaces (a link) from the start of that run', () => {
    // Nothing near the quote starts a word: the run is 160 characters long, the quote near its end.
    const link = `https://example.org/${'a1b2c3d4e5/'.repeat(10)}rpt-88421-kdhm-drn7-xq3v-9zz`;
    const archive = `${article(100, 9)} ${link} ${article(100, 10)}`;
    const inside = archive.indexOf('rpt-88421');
    const quote = `${archive.slice(inside, inside + 12)}X${archive.slice(inside + 13, inside + 28)}`;
    const runStart = archive.indexOf('https://');
    expect(closestPassage(quote, archive)).toBe(archive.slice(runStart, runStart + quote.length));
  });

  it('with nothing shared with the archive, still compares every word start of a short one', () => {
    const archive = 'one zqx two zqy three zqjv four five six seven eight';
    // No four characters in a row of the quote are in the archive; "zqjv" is closest letter by letter.
    const quote = 'zqjw';
    expect(closestPassage(quote, archive)).toBe('zqjv');
    expect(closestPassage('vvzqj', archive)).toBe(closestByComparingAll('vvzqj', archive));
  });

  it('with nothing shared with a long archive, compares word starts spread over all of it', () => {
    const archive = `${article(300, 12)} xyzzyq ${article(300, 13)}`;
    const passage = closestPassage('kwxyzzjq', archive);
    expect(passage).toHaveLength(8);
    const start = archive.indexOf(passage);
    expect(start === 0 || archive[start - 1] === ' ').toBe(true);
  });

  it('gives the same passages from an index built once as from the archive text', () => {
    const archive = article(600, 21);
    const index = new ArchiveIndex(archive);
    for (const at of [100, 1_500, 3_000]) {
      const start = archive.indexOf(' ', at) + 1;
      const quote = `${archive.slice(start, start + 25)}#${archive.slice(start + 26, start + 70)}`;
      expect(closestPassage(quote, index)).toBe(archive.slice(start, start + 70));
      expect(closestPassage(quote, archive)).toBe(archive.slice(start, start + 70));
    }
  });

  it('is as close as the exhaustive search for quotes a few edits from an article', () => {
    const archive = article(350, 1);
    const nearMiss = fc
      .record({
        start: fc.nat({ max: archive.length - 200 }),
        length: fc.integer({ min: 20, max: 150 }),
        edits: fc.array(fc.record({ at: fc.nat(), letter: fc.constantFrom('x', 'q', ' ', '', 'the ') }), {
          maxLength: 5,
        }),
      })
      .map(({ start, length, edits }) => {
        const wordStart = archive.indexOf(' ', start) + 1;
        let quote = archive.slice(wordStart, wordStart + length);
        for (const edit of edits) {
          const at = edit.at % quote.length;
          quote = quote.slice(0, at) + edit.letter + quote.slice(at + 1);
        }
        return quote;
      });
    const index = new ArchiveIndex(archive);
    fc.assert(
      fc.property(nearMiss, (quote) => {
        expect(distance(quote, closestPassage(quote, index))).toBe(
          distance(quote, closestByComparingAll(quote, archive)),
        );
      }),
      { seed: 20261128, numRuns: 150 },
    );
  });
});
