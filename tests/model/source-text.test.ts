// The source reader's text: which passages it marks as cited, and what a
// selection becomes as a quote, all under the quote rule of `check --sources`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import { forEachMarkdownLink, normaliseForQuoteMatch } from '../../src/model/quotes.ts';
import { isPlainFileName } from '../../src/model/schema-check.ts';
import {
  archiveFileName,
  type CitedRange,
  chunkEnds,
  citedLine,
  citedPassages,
  citedRanges,
  linkMarkup,
  MAX_CITED_RANGES,
  normaliseWithOffsets,
  quoteAt,
  quoteFromSelection,
  quoteMatches,
  readerChunks,
} from '../../src/model/source-text.ts';
import { parseGraph } from '../../src/model/validate.ts';
import { itWithLargeInput } from './timeouts.ts';

const SOURCES = join(import.meta.dirname, '..', '..', '..', 'shared', 'sources');

/** The raw passages marked for a text and its quotes, as the analyst reads them. */
const markedPassages = (raw: string, quotes: string[]) =>
  citedRanges(raw, quotes).ranges.map((range) => raw.slice(range.start, range.end));

/** Characters that make the rule's corner cases: links, whitespace of every kind, a surrogate pair. */
const TRICKY_UNITS = ['[', ']', '(', ')', 'a', 'b', ' ', '\n', '\t', '\u00a0', '\u2028', '\ufeff', '😀', '’'];
const trickyText = fc.string({ unit: fc.constantFrom(...TRICKY_UNITS), maxLength: 60 });

/** The spans of the raw text's links, as the rule finds them. */
function linkSpans(raw: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  forEachMarkdownLink(raw, (start, _textStart, _textEnd, end) => spans.push({ start, end }));
  return spans;
}

/** Whether [start, end) cuts a link in half: it holds part of a link, not all of it. */
const cutsALink = (raw: string, start: number, end: number) =>
  linkSpans(raw).some((link) => start < link.end && end > link.start && (start > link.start || end < link.end));

describe('normaliseWithOffsets', () => {
  it('gives the same text as the quote rule, and where each of its characters comes from', () => {
    fc.assert(
      fc.property(trickyText, (raw) => {
        const { text, rawOffsets } = normaliseWithOffsets(raw);
        expect(text).toBe(normaliseForQuoteMatch(raw));
        expect(rawOffsets.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          const from = rawOffsets[i] ?? -1;
          if (i > 0) expect(from).toBeGreaterThan(rawOffsets[i - 1] ?? -1);
          // A space stands for a run of whitespace starting there; any other character is itself.
          if (text[i] === ' ') expect(raw[from]).toMatch(/\s/);
          else expect(raw[from]).toBe(text[i]);
        }
      }),
      { seed: 20261201, numRuns: 3_000 },
    );
  });

  it('treats as whitespace exactly what the rule treats as whitespace, among all 65,536 code units', () => {
    const every = Array.from({ length: 0x10000 }, (_, code) => `x${String.fromCharCode(code)}x`).join('');
    expect(normaliseWithOffsets(every).text).toBe(normaliseForQuoteMatch(every));
  });
});

describe('citedRanges', () => {
  it('marks a quote where the text has more whitespace, line breaks and tabs between its words', () => {
    const raw = 'The drone hit\n   the  residence\tof the Prime Minister.';
    expect(markedPassages(raw, ['hit the residence of'])).toEqual(['hit\n   the  residence\tof']);
  });

  it('marks a quote across a Markdown link as the link, target included', () => {
    const raw = 'By [Steven Sahiounie](#)\n\nGlobal Research, November 11, 2021';
    expect(markedPassages(raw, ['By Steven Sahiounie Global Research'])).toEqual([
      'By [Steven Sahiounie](#)\n\nGlobal Research',
    ]);
  });

  it("marks only a link's text when the quote is inside it", () => {
    const raw = 'wearing a [bandage on his wrist](https://example.org/x), in a video';
    expect(markedPassages(raw, ['bandage on his'])).toEqual(['bandage on his']);
    expect(markedPassages(raw, ['a bandage on his wrist'])).toEqual(['a [bandage on his wrist']);
    expect(markedPassages(raw, ['wrist, in'])).toEqual(['wrist](https://example.org/x), in']);
  });

  it('marks every occurrence of a quote, each with the number of its quote', () => {
    const raw = 'Kataib Hezbollah denied it. Later, Kataib\nHezbollah denied it again.';
    const result = citedRanges(raw, ['denied it again', 'Kataib Hezbollah denied it']);
    expect(result.ranges.map((range) => [raw.slice(range.start, range.end), range.quoteIndex])).toEqual([
      ['Kataib Hezbollah denied it', 1],
      ['Kataib\nHezbollah denied it', 1],
      ['denied it again', 0],
    ]);
    expect(result.found).toEqual([true, true]);
    expect(result.capped).toBe(false);
  });

  it('says which quotes are not in the text, and marks nothing for them', () => {
    const raw = 'Iraq’s National Security Council formed a committee';
    const result = citedRanges(raw, ["Iraq's National Security Council", 'formed a committee']);
    expect(result.found).toEqual([false, true]);
    expect(result.ranges.map((range) => range.quoteIndex)).toEqual([1]);
  });

  it('checks a quote with the same rule as the check of sources', () => {
    expect(quoteMatches('he  [denied](#) any\nrole', 'Then he denied any role.')).toBe(true);
    expect(quoteMatches('He denied any role', 'Then he [denied](#)  any\n role.')).toBe(false); // "he", not "He"
    expect(quoteMatches("Iraq's", 'Iraq’s')).toBe(false);
  });

  it('marks every quote of the shipped graph in the archived text it cites', () => {
    const parsed = parseGraph(shippedGraphText);
    if (!parsed.ok) throw new Error('the shipped graph does not parse');
    const { graph } = parsed;
    let checked = 0;
    for (const source of graph.sources) {
      const path = join(SOURCES, source.archive ?? '');
      if (!source.archive || !existsSync(path)) continue;
      const raw = readFileSync(path, 'utf8');
      const quotes = [...graph.actors, ...graph.relations]
        .flatMap((owner) => owner.evidence)
        .filter((item) => item.source === source.id)
        .map((item) => item.quote);
      const result = citedRanges(raw, quotes);
      expect(result.found.every((found) => found === true)).toBe(true);
      const normalised = normaliseWithOffsets(raw);
      for (const range of result.ranges) {
        // A passage may start or end inside a link ("the leader of the [Kataib Hezbollah militia").
        expect(quoteAt(normalised, range.start, range.end)).toBe(normaliseForQuoteMatch(quotes[range.quoteIndex]!));
      }
      checked += quotes.length;
    }
    if (existsSync(SOURCES)) expect(checked).toBeGreaterThan(20);
  });

  it('marks a passage whose text under the rule is the quote, for any text and quote', () => {
    fc.assert(
      fc.property(trickyText, fc.array(trickyText, { maxLength: 4 }), (raw, quotes) => {
        const normalised = normaliseForQuoteMatch(raw);
        const result = citedRanges(raw, quotes);
        quotes.forEach((quote, index) => {
          expect(result.found[index]).toBe(normalised.includes(normaliseForQuoteMatch(quote)));
        });
        for (const range of result.ranges) {
          const quote = normaliseForQuoteMatch(quotes[range.quoteIndex] ?? '');
          // The passage holds the quote; only a link cut at its ends can add brackets or a target.
          if (!cutsALink(raw, range.start, range.end)) {
            expect(normaliseForQuoteMatch(raw.slice(range.start, range.end))).toBe(quote);
          }
          expect(quoteAt(normaliseWithOffsets(raw), range.start, range.end)).toBe(quote);
        }
      }),
      { seed: 20261202, numRuns: 2_000 },
    );
  });

  itWithLargeInput('stops at 5,000 marks on a huge text where a quote is everywhere, and says so', () => {
    const raw = 'a '.repeat(1_000_000); // 2 MB
    const started = performance.now();
    const result = citedRanges(raw, ['a', 'a a', ...Array.from({ length: 3_000 }, () => 'a')]);
    const milliseconds = performance.now() - started;
    console.info(`5,000 marks of 3,002 quotes in 2 MB: ${milliseconds.toFixed(0)} ms`);
    expect(result.ranges).toHaveLength(MAX_CITED_RANGES);
    expect(result.capped).toBe(true);
    expect(result.found.every((found) => found === true)).toBe(true);
  });

  itWithLargeInput('checks thousands of different quotes in a 2 MB text within a bound of work', () => {
    const article = readFileSyncOr(join(SOURCES, '002_d6b85e46402597e0.txt'), 'Words of an article. ');
    const raw = article.repeat(Math.ceil(2_000_000 / article.length));
    const quotes = Array.from({ length: 5_000 }, (_, i) => `Two Iraqi security officials said ${i} times`);
    const started = performance.now();
    const result = citedRanges(raw, quotes);
    const milliseconds = performance.now() - started;
    console.info(`5,000 quotes in 2 MB: ${milliseconds.toFixed(0)} ms, ${result.unchecked} not checked`);
    // About 250 quotes are searched through the whole text; the others are said to be unchecked.
    expect(result.unchecked).toBeGreaterThan(4_000);
    expect(result.found.filter((found) => found === null)).toHaveLength(result.unchecked);
    expect(result.found.slice(0, 200).every((found) => found === false)).toBe(true);
  });

  itWithLargeInput('searches a quote repeated 50,000 times once', () => {
    const raw = `${'Some words of the article. '.repeat(40_000)}The one passage.`; // 1 MB
    const result = citedRanges(
      raw,
      Array.from({ length: 50_000 }, () => 'The one passage.'),
    );
    expect(result.unchecked).toBe(0);
    expect(result.ranges).toHaveLength(MAX_CITED_RANGES);
    expect(new Set(result.ranges.map((range) => range.start)).size).toBe(1);
  });

  itWithLargeInput('reads a text of a million "[" without "]" in linear time', () => {
    const raw = `${'['.repeat(1_000_000)}x`;
    expect(citedRanges(raw, ['[[x']).ranges).toEqual([{ start: 999_998, end: 1_000_001, quoteIndex: 0 }]);
  });
});

function readFileSyncOr(path: string, otherwise: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : otherwise;
}

describe('citedLine', () => {
  it('says how many passages are cited and how many quotes are not found, not checked or not marked', () => {
    const result = (found: (boolean | null)[], capped = false) => ({ ranges: [], found, capped, unchecked: 0 });
    expect(citedLine(result([]), 0)).toBe('No passage cited yet');
    expect(citedLine(result([true, false]), 1)).toBe('1 passage cited; 1 quote not found in this text');
    expect(citedLine(result([true, false, false], true), 5_000)).toBe(
      '5,000 passages cited; 2 quotes not found in this text; only the first 5,000 places are marked',
    );
    expect(citedLine({ ...result([true, null, null]), unchecked: 2 }, 3)).toBe(
      '3 passages cited; 2 quotes not checked (too much to search in this text)',
    );
  });
});

describe('quoteFromSelection', () => {
  it('collapses whitespace, trims, and reads links as their text', () => {
    expect(quoteFromSelection('  the attack on\n\n his [residence](#)\tin the  ')).toBe(
      'the attack on his residence in the',
    );
  });

  it('gives a quote found verbatim in the text for any selection that does not cut a link in half', () => {
    const selection = trickyText.chain((raw) =>
      fc
        .tuple(fc.nat({ max: raw.length }), fc.nat({ max: raw.length }))
        .map(([a, b]) => ({ raw, start: Math.min(a, b), end: Math.max(a, b) })),
    );
    fc.assert(
      fc.property(selection, ({ raw, start, end }) => {
        fc.pre(!cutsALink(raw, start, end));
        const quote = quoteFromSelection(raw.slice(start, end));
        expect(normaliseForQuoteMatch(raw).includes(quote)).toBe(true);
        // The reader takes its quote from the raw offsets of the selection: the same quote.
        expect(quoteAt(normaliseWithOffsets(raw), start, end)).toBe(quote);
      }),
      { seed: 20261203, numRuns: 5_000 },
    );
  });

  it('gives a quote found verbatim from raw offsets even when a selection cuts a link in half', () => {
    const raw = 'By [Steven Sahiounie](#)\n\nGlobal Research';
    const normalised = normaliseWithOffsets(raw);
    // "Sahiounie](#)\n\nGlobal" as selected: the link's end is not visible, so not quoted.
    expect(quoteAt(normalised, raw.indexOf('Sahiounie'), raw.indexOf(' Research'))).toBe('Sahiounie Global');
    expect(quoteAt(normalised, raw.indexOf('](#)'), raw.indexOf('\n'))).toBe('');
    fc.assert(
      fc.property(trickyText, fc.nat(), fc.nat(), (raw, a, b) => {
        const start = Math.min(a, b) % (raw.length + 1);
        const end = Math.max(start, Math.max(a, b) % (raw.length + 1));
        const text = normaliseWithOffsets(raw);
        expect(text.text.includes(quoteAt(text, start, end))).toBe(true);
      }),
      { seed: 20261204, numRuns: 3_000 },
    );
  });
});

describe('citedPassages, linkMarkup and readerChunks', () => {
  const range = (start: number, end: number, quoteIndex: number): CitedRange => ({ start, end, quoteIndex });

  it('merges overlapping ranges into one passage and keeps touching ones apart', () => {
    expect(citedPassages([range(10, 20, 1), range(0, 5, 2), range(15, 30, 0), range(30, 35, 1)])).toEqual([
      { start: 0, end: 5, quoteIndexes: [2] },
      { start: 10, end: 30, quoteIndexes: [0, 1] },
      { start: 30, end: 35, quoteIndexes: [1] },
    ]);
  });

  it('ends blocks after a line break, so that the blocks read as the whole text', () => {
    const raw = `${'a'.repeat(10)}\n\n${'b'.repeat(10)}\n${'c'.repeat(3)}`;
    expect(chunkEnds(raw, 8)).toEqual([11, 23, 26]);
    expect(chunkEnds('', 8)).toEqual([0]);
    // A line too long for a block is cut after a space, else anywhere but inside a surrogate pair.
    expect(chunkEnds(`${'x'.repeat(40)} ${'y'.repeat(10)}`, 8)).toEqual([32, 41, 51]);
    expect(chunkEnds(`a${'😀'.repeat(20)}`, 3)).toEqual([11, 23, 35, 41]);
  });

  it("finds each link's markup, its brackets and target, and not its text", () => {
    const raw = 'By [Steven Sahiounie](#) and [x](https://example.org).';
    expect(linkMarkup(raw).map((span) => raw.slice(span.start, span.end))).toEqual([
      '[',
      '](#)',
      '[',
      '](https://example.org)',
    ]);
    expect(linkMarkup('[a](b)'.repeat(6_000))).toHaveLength(10_000);
  });

  it('cuts the text into pieces that together are the text, marked exactly over passages and link markup', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\n', '[', ']', '(', ')'), maxLength: 80 }),
        fc.array(fc.tuple(fc.nat({ max: 80 }), fc.nat({ max: 20 }), fc.nat({ max: 3 })), { maxLength: 6 }),
        fc.integer({ min: 1, max: 10 }),
        (raw, spans, size) => {
          const ranges = spans
            .map(([start, length, quote]) => range(start, start + length + 1, quote))
            .filter((r) => r.end <= raw.length);
          const passages = citedPassages(ranges);
          const markup = linkMarkup(raw);
          const chunks = readerChunks(raw, passages, size);
          const pieces = chunks.flatMap((chunk) => chunk.pieces);
          expect(pieces.map((piece) => raw.slice(piece.start, piece.end)).join('')).toBe(raw);
          for (let at = 0; at < raw.length; at++) {
            const piece = pieces.find((p) => p.start <= at && at < p.end);
            const inside = passages.findIndex((p) => p.start <= at && at < p.end);
            expect(piece?.passage).toBe(inside);
            expect(piece?.markup).toBe(markup.some((span) => span.start <= at && at < span.end));
          }
          expect(pieces.every((piece) => piece.end > piece.start)).toBe(true);
        },
      ),
      { seed: 20261205, numRuns: 1_000 },
    );
  });
});

describe('archiveFileName', () => {
  it('keeps a plain name, and makes any other one a name the graph file accepts', () => {
    expect(archiveFileName('002_d6b85e46402597e0.txt')).toBe('002_d6b85e46402597e0.txt');
    expect(archiveFileName('..hidden:notes\u202e.txt')).toBe('hidden-notes-.txt');
    expect(archiveFileName('')).toBe('source.txt');
    const long = archiveFileName(`${'é'.repeat(300)}.md`);
    expect([...long]).toHaveLength(255);
    expect(long.endsWith('é.md')).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        expect(isPlainFileName(archiveFileName(name))).toBe(true);
      }),
      { seed: 20261206, numRuns: 2_000 },
    );
  });
});
