// Quotes against archived sources: the closest passage shown for a quote that is
// not verbatim is the right one, and finding it stays fast for any quote.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { normaliseForQuoteMatch } from '../../src/model/quotes.ts';
import { closestPassage, parseGraph } from '../../src/model/validate.ts';
import { itWithLargeInput } from './timeouts.ts';

const SOURCES = join(import.meta.dirname, '..', '..', '..', 'shared', 'sources');
const ARCHIVE = join(SOURCES, '002_d6b85e46402597e0.txt');

/** The old exhaustive search: every word start, a window as long as the quote. */
function exhaustiveClosestDistance(quote: string, archive: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let start = 0; start < archive.length; start++) {
    if (start > 0 && archive[start - 1] !== ' ') continue;
    best = Math.min(best, distance(quote, archive.slice(start, start + quote.length)));
  }
  return best;
}

describe('closestPassage', () => {
  itWithLargeInput('finds the passage a near-miss quote was copied from', () => {
    const archive = normaliseForQuoteMatch(
      'Qais Al-Khazali led the group. Early on Sunday a drone attacked the house.',
    );
    expect(closestPassage('a drone attacked his house', archive)).toBe('a drone attacked the house');
  });

  it.runIf(existsSync(ARCHIVE))('finds near-miss quotes in a real archived article', () => {
    const archive = normaliseForQuoteMatch(readFileSync(ARCHIVE, 'utf8'));
    // A straight apostrophe where the article has a curly one.
    expect(closestPassage("Iraq's National Security Council formed a committee", archive)).toBe(
      'Iraq’s National Security Council formed a committee',
    );
    // Words left out and reworded, as an analyst paraphrasing from memory would.
    const paraphrase =
      'Two Iraqi security officials said the powerful Kataib Hezbollah and Asaib Ahl al-Haq groups carried out ' +
      'the attack in tandem';
    expect(closestPassage(paraphrase, archive)).toMatch(
      /^Two Iraqi security officials said that the powerful Kataib Hezbollah and Asaib Ahl al-Haq/,
    );
  });

  it.runIf(existsSync(ARCHIVE))(
    'is as close as the exhaustive search for quotes a few edits from the article',
    {
      timeout: 30_000,
    },
    () => {
      const archive = normaliseForQuoteMatch(readFileSync(ARCHIVE, 'utf8'));
      const nearMiss = fc
        .record({
          start: fc.nat({ max: archive.length - 200 }),
          length: fc.integer({ min: 30, max: 150 }),
          edits: fc.array(fc.record({ at: fc.nat(), letter: fc.constantFrom('x', 'q', ' ', '') }), { maxLength: 4 }),
        })
        .map(({ start, length, edits }) => {
          const wordStart = archive.indexOf(' ', start) + 1; // quotes start at a word
          let quote = archive.slice(wordStart, wordStart + length);
          for (const edit of edits) {
            const at = edit.at % quote.length;
            quote = quote.slice(0, at) + edit.letter + quote.slice(at + 1);
          }
          return quote;
        });
      fc.assert(
        fc.property(nearMiss, (quote) => {
          const passage = closestPassage(quote, archive);
          expect(distance(quote, passage)).toBe(exhaustiveClosestDistance(quote, archive));
        }),
        { seed: 20261128, numRuns: 60 },
      );
    },
  );

  itWithLargeInput('stays fast for a quote of any length against a long archive', { timeout: 10_000 }, () => {
    const sentence = 'The drone attack on the prime minister was condemned by many who never said so. ';
    const quote = sentence.repeat(2_500); // 200 KB
    const archive = normaliseForQuoteMatch('Some unrelated words, and a few more of them. '.repeat(20_000)); // 1 MB
    const passage = closestPassage(quote, archive);
    expect(passage.length).toBeGreaterThan(0);
    expect(passage.length).toBeLessThanOrEqual(1_000);
    // Repetitive texts, where every piece of the quote occurs everywhere in the archive.
    expect(closestPassage(`${'a '.repeat(5_000)}b`, 'a '.repeat(500_000)).length).toBeLessThanOrEqual(1_000);
  });
});

describe('quotes checked by parseGraph', () => {
  itWithLargeInput(
    'many misquotes against one long archive: the archive is indexed once',
    {
      timeout: 10_000,
    },
    () => {
      const sentence = (n: number) => `Report ${n} says the convoy ${n} left at dawn.`;
      const archive = Array.from({ length: 25_000 }, (_, n) => sentence(n)).join(' '); // 1.2 MB
      const graph = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'minimal.json'), 'utf8'));
      graph.relations[0].evidence = Array.from({ length: 300 }, (_, index) => ({
        source: 'paper',
        quote: sentence(index * 80).replace('left', 'departed'),
        attributedTo: 'the paper',
        credibility: 3,
      }));
      const archiveText = (name: string) =>
        name === 'paper.txt'
          ? `Qais Al-Khazali led the group. Early on Sunday a drone attacked the house. ${archive}`
          : null;
      const result = parseGraph(JSON.stringify(graph, null, 2), { archiveText });
      expect(result.problems).toHaveLength(200);
      expect(result.omitted).toBe(100);
      expect(result.problems[1]?.message).toBe(
        'the quote is not verbatim in "paper.txt"; ' +
          'the closest passage is "Report 80 says the convoy 80 left at dawn. Rep"',
      );
    },
  );
});

describe('normaliseForQuoteMatch', () => {
  const regexVersion = (text: string) =>
    text
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();

  it('turns links into their text and collapses whitespace', () => {
    expect(normaliseForQuoteMatch('  He [denied](#)\n any   role. ')).toBe('He denied any role.');
  });

  it("does what the rule's regular expression does, on any mix of brackets", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('[', ']', '(', ')', 'a', ' ', '\n') }), (text) => {
        expect(normaliseForQuoteMatch(text)).toBe(regexVersion(text));
      }),
      { seed: 20261128, numRuns: 2_000 },
    );
  });

  it('goes on after a link whose target holds a "[", as the regular expression does', () => {
    // The target "x[" ends the first link; its "[" starts nothing, and "](y)" is left as written.
    expect(normaliseForQuoteMatch('[a](x[)](y)')).toBe('a](y)');
    expect(normaliseForQuoteMatch('[a](x[)](y)')).toBe(regexVersion('[a](x[)](y)'));
  });

  it('takes linear time on many "[" without "]" (the regular expression takes quadratic time)', () => {
    const text = `${'['.repeat(1_000_000)}x`;
    expect(normaliseForQuoteMatch(text)).toBe(text);
  });
});
