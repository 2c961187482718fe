// The closest passage to a misquote (src/model/closest-passage.ts), at its
// edges: quotes that share a single piece of four characters with a long
// archive, ties, pieces too common to place a quote, and an alignment whose
// votes form a plateau. Archives are built inside each test (mutation testing
// switches a change on only while a test runs).
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { closestPassage } from '../../src/model/closest-passage.ts';

/** `count` made-up words of 5 to 8 letters, the same for the same seed: nearly every 4 letters in a row occur once. */
function madeUpText(count: number, seed: number): string {
  let state = seed;
  const next = (range: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % range;
  };
  const words: string[] = [];
  for (let index = 0; index < count; index++) {
    const length = 5 + next(4);
    let word = '';
    for (let letter = 0; letter < length; letter++) word += 'abcdefghijklmnoprstuvw'[next(22)];
    words.push(word);
  }
  return words.join(' ');
}

describe('closestPassage, a short quote in a long archive', () => {
  it('finds it by its first four characters alone', () => {
    const archive = `${madeUpText(230, 1)} qxyzkj ${madeUpText(370, 2)}`;
    expect(closestPassage('qxyzQ', archive)).toBe('qxyzk');
  });

  it('finds it by its last four characters alone', () => {
    const archive = `${madeUpText(230, 3)} qxyzkj ${madeUpText(370, 4)}`;
    expect(closestPassage('Qxyzk', archive)).toBe('qxyzk');
  });

  it("finds it by the archive's last four characters", () => {
    const archive = `${madeUpText(600, 5)} qxyz`;
    expect(closestPassage('qxyzQ', archive)).toBe('qxyz');
  });
});

describe('closestPassage on a tie', () => {
  it('gives the passage that comes first in the archive, even when a later one shares more with the quote', () => {
    const quote = 'the drone attacked the house at dawn';
    // Earlier: one letter changed in the middle (4 pieces lost). Later: one letter changed at the end (1 piece lost).
    const early = quote.replace('attacked', 'attackad');
    const late = `${quote.slice(0, -1)}x`;
    const archive = `${madeUpText(40, 6)} ${early} ${madeUpText(60, 7)} ${late} ${madeUpText(40, 8)}`;
    expect(distance(quote, early)).toBe(distance(quote, late));
    expect(closestPassage(quote, archive)).toBe(early);
  });
});

describe('closestPassage, a quote with a word put in at its start', () => {
  it('is compared where most of its pieces place it, not at a stray piece that ties with that place', () => {
    // The quote's first word is made up; the rest is the archive's text. A stray copy of the
    // text's first four letters stands 24 characters earlier than where most pieces place the quote.
    const text = 'quartz oxygen zephyr lynx query jazz';
    const stray = `${text.slice(0, 4)}${'bdfhklmnprstvbdfhkl'} `;
    const archive = `${madeUpText(200, 9)} ${stray}${text} ${madeUpText(200, 10)}`;
    const quote = `Xnew ${text}`;
    const start = archive.indexOf(text);
    expect(closestPassage(quote, archive)).toBe(archive.slice(start, start + quote.length));
  });
});

describe('closestPassage, a quote placed by one piece, wherever the index files that piece', () => {
  // The index sorts pieces into buckets by their hash; these pieces were picked for where they fall.
  it('a piece in the last bucket ("zcnz")', () => {
    const archive = `${madeUpText(230, 11)} zcnzkj ${madeUpText(370, 12)}`;
    expect(closestPassage('zcnzQ', archive)).toBe('zcnzk');
  });

  it('a piece in the bucket just after that of the three letters that end the archive ("qzvy" after "zyx")', () => {
    const archive = `${madeUpText(230, 13)} qzvykj ${madeUpText(370, 14)} zyx`;
    expect(closestPassage('qzvyQ', archive)).toBe('qzvyk');
  });

  // With nothing shared, every word of a short archive is compared.
  it('and not by a piece that merely shares its bucket ("qfdq" with "qciy")', () => {
    const archive = 'qciv one two three four five six seven eight nine ten eleven qfdq twelve';
    expect(closestPassage('qciy', archive)).toBe('qciv');
  });
});

describe('closestPassage, a quote that starts with a phrase found all over the archive', () => {
  it('is placed by its rarer part: the pieces of a phrase found more than 64 times do not vote', () => {
    const common = 'the militia said ';
    const quote = `${common}qxzvwy`;
    const copies = Array.from({ length: 70 }, (_, index) => `${common}${madeUpText(3, 100 + index)}`).join(' ');
    const changed = 'the milotia sayd ';
    const archive = `${copies} ${madeUpText(50, 15)} ${changed}qxzvwy ${madeUpText(50, 16)}`;
    expect(closestPassage(quote, archive)).toBe(`${changed}qxzvwy`);
  });
});

describe('closestPassage, a quote with a long word put in at its start', () => {
  it('is still compared from the word it goes on with, 24 characters on: as far as insertions may shift it', () => {
    // Before the quoted text, a link: no word starts in the 24 characters before the text.
    const text = 'quartz oxygen zephyr lynx query jazz';
    const archive = `${madeUpText(200, 17)} https://example.org/a1b2c3d4e5f6g7h8i9j0 ${text} ${madeUpText(200, 18)}`;
    const quote = `(according-to-official) ${text}`;
    expect(quote.indexOf(text)).toBe(24);
    const start = archive.indexOf(text);
    expect(closestPassage(quote, archive)).toBe(archive.slice(start, start + quote.length));
  });
});
