// The closest passage to a misquote (src/model/closest-passage.ts), at its
// edges: quotes that share a single piece of four characters with a long
// archive, ties, pieces too common to place a quote, an alignment whose votes
// form a plateau, and the bounds of the search: four places, the word starts
// within 24 characters of each, 64 spread starts when nothing is shared.
// Archives are built inside each test (mutation testing switches a change on
// only while a test runs).
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { closestPassage } from '../../src/model/closest-passage.ts';

/** `count` made-up words of 5 to 8 letters, the same for the same seed: nearly every 4 letters in a row occur once. */
function madeUpText(count: number, seed: number, letters = 'abcdefghijklmnoprstuvw'): string {
  let state = seed;
  const next = (range: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % range;
  };
  const words: string[] = [];
  for (let index = 0; index < count; index++) {
    const length = 5 + next(4);
    let word = '';
    for (let letter = 0; letter < length; letter++) word += letters[next(letters.length)];
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

// The quote's letters and those of the rest of the archive are apart, so that no piece of the quote is
// found anywhere by chance: only the passages each test builds place it.
const QUOTE_LETTERS = 'abcdefghijklm';
const OTHER_LETTERS = 'nopqrstuvwxyz';

/** A quote of made-up words, exactly `length` characters long. */
const quoteOf = (length: number, seed: number) => madeUpText(length, seed, QUOTE_LETTERS).slice(0, length);

/** Letters of the rest of the archive without a space: nothing in common with the quote. */
const otherLetters = (length: number, seed: number) =>
  madeUpText(length, seed, OTHER_LETTERS).replaceAll(' ', '').slice(0, length);

/** The quote with every fifth character changed: per five characters, one edit and one piece of the quote shared. */
const everyFifthChanged = (quote: string) =>
  [...quote].map((character, at) => (at % 5 === 4 ? '0' : character)).join('');

/** The quote's first `length` characters, then other letters: `length - 3` pieces shared, the rest all edits. */
const quoteStart = (quote: string, length: number, seed: number) =>
  `${quote.slice(0, length)}${otherLetters(quote.length - length, seed)}`;

/** The passages between runs of 20 words of other letters (some 140 characters: farther than a place blocks). */
const archiveOf = (passages: string[]) =>
  [
    ...passages.flatMap((passage, index) => [madeUpText(20, 200 + index, OTHER_LETTERS), passage]),
    madeUpText(20, 299, OTHER_LETTERS),
  ].join(' ');

// A place is an alignment of quote and archive; places are ranked by the votes of the pieces that put the quote
// there or up to 24 characters off, and each blocks the alignments within half the quote's length of it.
describe('closestPassage, which compares the quote in full at four places only', () => {
  it('does not show a closer passage that shares fewer pieces with the quote than four others do', () => {
    const quote = quoteOf(60, 1);
    const misquote = everyFifthChanged(quote); // 12 pieces shared, 12 edits
    const [first, second, third, fourth] = [20, 21, 22, 23].map((length) => quoteStart(quote, length, length));
    const archive = archiveOf([first ?? '', second ?? '', third ?? '', fourth ?? '', misquote]);
    expect(distance(quote, misquote)).toBe(12);
    expect(distance(quote, fourth ?? '')).toBe(37);
    expect(closestPassage(quote, archive)).toBe(fourth);
  });

  it('of five places that as many pieces point to, compares the four that come first in the archive', () => {
    const quote = quoteOf(60, 1);
    const misquote = everyFifthChanged(quote); // 12 pieces shared, 12 edits
    const others = [3, 5, 7, 9].map((seed) => quoteStart(quote, 15, seed)); // 12 pieces shared, 45 edits
    expect(closestPassage(quote, archiveOf([misquote, ...others]))).toBe(misquote);
  });

  it("finds a misquote by the votes of the quote's start and end, repeated 24 characters either side of it", () => {
    const quote = quoteOf(60, 1);
    const misquote = everyFifthChanged(quote); // 12 pieces shared, 12 edits
    // 23 characters of the quote's start end just before the misquote, and 23 of its end follow it: 20 pieces
    // each, which put the quote 24 characters before and after the misquote. All three count: 52.
    const backed = `${quote.slice(0, 23)} ${misquote} ${quote.slice(-23)}`;
    const others = [3, 5, 7, 9].map((seed) => quoteStart(quote, 40, seed)); // 37 pieces shared, 20 edits
    const archive = archiveOf([others[0] ?? '', others[1] ?? '', backed, others[2] ?? '', others[3] ?? '']);
    expect(closestPassage(quote, archive)).toBe(misquote);
  });

  it("does not spend one of the four on a place half the quote's length from one already compared", () => {
    const quote = quoteOf(60, 1);
    const misquote = everyFifthChanged(quote); // 12 pieces shared, 12 edits
    // The quote's first 28 characters (25 pieces) and, 30 characters on, its first 25 (22 pieces): the second place
    // is blocked, so the misquote is the fourth.
    const twice = `${quote.slice(0, 28)}n ${quote.slice(0, 25)}`;
    const others = [3, 5].map((seed) => quoteStart(quote, 20, seed)); // 17 pieces shared, 40 edits
    const archive = archiveOf([twice, others[0] ?? '', others[1] ?? '', misquote]);
    expect(closestPassage(quote, archive)).toBe(misquote);
  });
});

describe('closestPassage, a place where two alignments of the quote get the most votes', () => {
  it('is compared around the first of them, where the misquote is', () => {
    const quote = quoteOf(100, 21);
    const misquote = everyFifthChanged(quote); // 20 pieces shared, 20 edits
    // After the misquote: 5 characters of the quote (2 pieces) where they stand in it had it begun 20 characters
    // later, then its last 23 (20 pieces) as if it had begun 40 characters later. The middle alignment gathers
    // the most votes around it; of the two with 20 votes each, the first is where the misquote is.
    const passage = `${misquote} ${quote.slice(81, 86)}${otherLetters(10, 31)} ${quote.slice(77)}`;
    const archive = [madeUpText(20, 2, OTHER_LETTERS), passage, madeUpText(20, 11, OTHER_LETTERS)].join(' ');
    expect(closestPassage(quote, archive)).toBe(misquote);
  });
});

describe('closestPassage, a quote that a piece places inside a long word', () => {
  it('is compared from the words that begin near that place, not from the start of the long word', () => {
    const word = madeUpText(20, 51, QUOTE_LETTERS).replaceAll(' ', '').slice(0, 30);
    // The quote starts with the word's last four letters (the one piece shared) and goes on like the word does
    // from its fifth letter, with a letter in four changed: the word, 10 edits away, is 26 characters before
    // where the piece places the quote. Where the next word begins, 5 characters after that place, every
    // second letter of the quote is changed: 15 edits.
    const quote = [...`${word.slice(26)}${word.slice(4)}`].map((c, at) => (at >= 7 && at % 4 === 3 ? '0' : c)).join('');
    const next = [...quote].map((character, at) => (at % 2 === 1 ? '1' : character)).join('');
    const archive = [madeUpText(40, 52, OTHER_LETTERS), word, next, madeUpText(40, 53, OTHER_LETTERS)].join(' ');
    expect(distance(quote, word)).toBe(10);
    expect(distance(quote, next)).toBe(15);
    expect(closestPassage(quote, archive)).toBe(next);
  });
});

describe('closestPassage, a quote that shares no four characters in a row with a long archive', () => {
  it('is compared at 64 word starts spread over the archive: its first word is one of them, its last is not', () => {
    // The last word is one edit from the quote, the first two, and the words between share no letter with it.
    const archive = `abjk ${madeUpText(600, 61, OTHER_LETTERS)} abcd`;
    expect(closestPassage('abce', archive)).toBe('abjk');
  });
});

describe('closestPassage, a quote placed by a piece found 64 times', () => {
  it('still finds the passage: only pieces found more often are left out', () => {
    // "abcd" 64 times, each followed by other letters; the second is one edit from the quote, the rest two.
    const found = Array.from({ length: 64 }, (_, index) =>
      index === 1 ? 'abcdxf' : `abcd${otherLetters(2, 70 + index)}`,
    );
    const archive = [
      madeUpText(30, 71, OTHER_LETTERS),
      ...found.map((passage, index) => `${passage} ${madeUpText(4, 80 + index, OTHER_LETTERS)}`),
    ].join(' ');
    expect(archive.split('abcd').length - 1).toBe(64);
    expect(closestPassage('abcdef', archive)).toBe('abcdxf');
  });
});
