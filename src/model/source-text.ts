// The text of a source, read in the side reader: where its cited passages are,
// and what a selection of it becomes as a quote. Everything follows the quote
// rule of quotes.ts (whitespace collapsed, "[text](target)" read as "text"),
// so that what the reader marks as found is what `npm run check --sources`
// accepts, and a quote taken from the reader is verbatim by construction.

import { forEachMarkdownLink, normaliseForQuoteMatch } from './quotes.ts';

/** More cited ranges than this are not given (each becomes a mark in the reader). */
export const MAX_CITED_RANGES = 5_000;
/**
 * The most characters all the searches for quotes may go through together (about
 * half a second): quotes left when it is reached are not checked. A 2 MB text
 * takes 250 different quotes; an article of 20 kB, 25,000.
 */
export const MAX_SCANNED_CHARACTERS = 500_000_000;

/** A text under the quote rule, with where each of its characters comes from in the raw text. */
export interface NormalisedText {
  /** `normaliseForQuoteMatch(raw)`, exactly. */
  text: string;
  /**
   * For each UTF-16 unit of `text`, the offset of the raw unit it comes from;
   * for a space that stands for a run of whitespace, the run's first unit.
   */
  rawOffsets: Uint32Array;
}

/** A passage of the raw text where quote number `quoteIndex` is found (end exclusive). */
export interface CitedRange {
  start: number;
  end: number;
  quoteIndex: number;
}

export interface CitedRanges {
  /** In the raw text, by start then quote. */
  ranges: CitedRange[];
  /** For each quote: whether the quote rule finds it in the text; null when it was not checked. */
  found: (boolean | null)[];
  /** More ranges were found than MAX_CITED_RANGES: only the first ones found are given. */
  capped: boolean;
  /** How many quotes were not checked, the work bound (MAX_SCANNED_CHARACTERS) being reached. */
  unchecked: number;
}

/** Cited ranges merged where they overlap: one marked passage of the reader. */
export interface CitedPassage {
  start: number;
  end: number;
  /** The quotes found there, without repeats, in order. */
  quoteIndexes: number[];
}

/** Whitespace as /\s/ and String.prototype.trim see it (WhiteSpace and LineTerminator). */
function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The raw text under the quote rule, and where each character comes from: one
 * pass, no backtracking. The text itself is the rule's own (normaliseForQuoteMatch);
 * the pass only finds the offsets, character by character as the rule keeps them.
 */
export function normaliseWithOffsets(raw: string): NormalisedText {
  const rawOffsets = new Uint32Array(raw.length);
  let length = 0;
  /** Where the run of whitespace not yet counted starts, or -1. */
  let spaceAt = -1;
  const visit = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (isWhitespace(raw.charCodeAt(i))) {
        if (spaceAt < 0) spaceAt = i;
        continue;
      }
      // A run of whitespace becomes one space, except at the start (trimmed).
      if (spaceAt >= 0 && length > 0) rawOffsets[length++] = spaceAt;
      spaceAt = -1;
      rawOffsets[length++] = i;
    }
  };
  let visibleFrom = 0;
  forEachMarkdownLink(raw, (start, textStart, textEnd, end) => {
    visit(visibleFrom, start);
    visit(textStart, textEnd);
    visibleFrom = end;
  });
  visit(visibleFrom, raw.length);
  // A run of whitespace left pending at the end is the trimmed end.
  return { text: normaliseForQuoteMatch(raw), rawOffsets: rawOffsets.subarray(0, length) };
}

/** Every place where each quote is found in the raw text under the quote rule. */
export function citedRanges(rawText: string, quotes: readonly string[]): CitedRanges {
  return citedRangesIn(normaliseWithOffsets(rawText), quotes);
}

/** As `citedRanges`, for a text normalised once (the reader keeps it while only the quotes change). */
export function citedRangesIn(normalised: NormalisedText, quotes: readonly string[]): CitedRanges {
  const { text, rawOffsets } = normalised;
  const ranges: CitedRange[] = [];
  const found: (boolean | null)[] = [];
  /** Where each normalised quote was found (offsets in the normalised text), searched once for repeats. */
  const searched = new Map<string, number[]>();
  let capped = false;
  let unchecked = 0;
  let scanned = 0;
  quotes.forEach((quote, quoteIndex) => {
    const wanted = normaliseForQuoteMatch(quote);
    let places = searched.get(wanted);
    if (places === undefined) {
      if (scanned >= MAX_SCANNED_CHARACTERS) {
        found.push(null);
        unchecked++;
        return;
      }
      places = [];
      if (wanted === '') {
        scanned += 1; // the rule finds "" everywhere; nothing to mark
      } else {
        // Once the ranges are capped, one place is enough to say whether the quote is found.
        const wantedPlaces = capped ? 1 : MAX_CITED_RANGES - ranges.length + 1;
        let from = 0;
        while (places.length < wantedPlaces) {
          const at = text.indexOf(wanted, from);
          if (at === -1) {
            scanned += text.length - from;
            break;
          }
          scanned += at + wanted.length - from;
          places.push(at);
          from = at + 1; // occurrences may overlap ("aa" in "aaa")
        }
      }
      searched.set(wanted, places);
    }
    found.push(wanted === '' || places.length > 0);
    for (const at of places) {
      if (ranges.length >= MAX_CITED_RANGES) {
        capped = true;
        break;
      }
      ranges.push({ start: rawOffsets[at] ?? 0, end: (rawOffsets[at + wanted.length - 1] ?? 0) + 1, quoteIndex });
    }
  });
  ranges.sort((a, b) => a.start - b.start || a.quoteIndex - b.quoteIndex);
  return { ranges, found, capped, unchecked };
}

const counted = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/** What the reader says of a source's quotes: "3 passages cited; 1 quote not found in this text". */
export function citedLine(cited: CitedRanges, passages: number): string {
  const parts = [passages === 0 ? 'No passage cited yet' : `${counted(passages, 'passage', 'passages')} cited`];
  const notFound = cited.found.filter((found) => found === false).length;
  if (notFound > 0) parts.push(`${counted(notFound, 'quote', 'quotes')} not found in this text`);
  if (cited.unchecked > 0) {
    parts.push(`${counted(cited.unchecked, 'quote', 'quotes')} not checked (too much to search in this text)`);
  }
  if (cited.capped) parts.push(`only the first ${MAX_CITED_RANGES.toLocaleString('en-GB')} places are marked`);
  return parts.join('; ');
}

/** Ranges merged where they overlap, in order: what the reader marks. */
export function citedPassages(ranges: readonly CitedRange[]): CitedPassage[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const passages: CitedPassage[] = [];
  for (const range of sorted) {
    const last = passages.at(-1);
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.end);
      if (!last.quoteIndexes.includes(range.quoteIndex)) last.quoteIndexes.push(range.quoteIndex);
    } else {
      passages.push({ start: range.start, end: range.end, quoteIndexes: [range.quoteIndex] });
    }
  }
  for (const passage of passages) passage.quoteIndexes.sort((a, b) => a - b);
  return passages;
}

/**
 * What a selected passage becomes as a quote: whitespace collapsed and trimmed,
 * Markdown links read as their text. For a selection that does not cut a link
 * in half, the result is found verbatim in `normaliseForQuoteMatch(raw)`.
 */
export function quoteFromSelection(selected: string): string {
  return normaliseForQuoteMatch(selected);
}

/** The first index of `offsets` whose value is at least `value` (offsets increase). */
function firstAtLeast(offsets: Uint32Array, value: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((offsets[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The quote for the raw passage [rawStart, rawEnd): the visible characters of
 * the normalised text that come from it, trimmed. It is always found verbatim,
 * also when the passage cuts a link in half (the link's brackets and target
 * are not visible, so they never end up in the quote); for a passage that
 * does not, it is `quoteFromSelection(raw.slice(rawStart, rawEnd))`.
 */
export function quoteAt(normalised: NormalisedText, rawStart: number, rawEnd: number): string {
  const from = firstAtLeast(normalised.rawOffsets, rawStart);
  const to = firstAtLeast(normalised.rawOffsets, rawEnd);
  return from < to ? normalised.text.slice(from, to).trim() : '';
}

/** Whether the quote rule finds the quote in the raw text (as `npm run check --sources` does). */
export { quoteMatches } from './quotes.ts';

/**
 * A run of the reader's text: marked when it is (part of) cited passage number
 * `passage`, else -1; `markup` when it is a link's brackets or target, which the
 * quote rule does not read (the reader shows them faded).
 */
export interface TextPiece {
  start: number;
  end: number;
  passage: number;
  markup: boolean;
}

/** A block of the reader: consecutive lines of the raw text, laid out only when scrolled into view. */
export interface TextChunk {
  start: number;
  end: number;
  pieces: TextPiece[];
}

/** The links whose markup the reader fades; further links are shown as written, plain. */
export const MAX_FADED_LINKS = 5_000;

/** The parts of the raw text that are a link's markup ("[" and "](target)"), in order, for MAX_FADED_LINKS links. */
export function linkMarkup(raw: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  forEachMarkdownLink(raw, (start, textStart, textEnd, end) => {
    if (spans.length < 2 * MAX_FADED_LINKS) spans.push({ start, end: textStart }, { start: textEnd, end });
  });
  return spans;
}

/** About this many characters per block of the reader; a block ends after a line break. */
export const CHUNK_CHARACTERS = 16_384;

/**
 * Where the reader's blocks end. A block ends just after a line break once it
 * is CHUNK_CHARACTERS long, so that a text shown block after block (each with
 * white-space: pre-wrap) looks as it would in one block. A line four times
 * that long is cut after a space, or else anywhere but inside a surrogate pair.
 */
export function chunkEnds(raw: string, size = CHUNK_CHARACTERS): number[] {
  const ends: number[] = [];
  let start = 0;
  while (raw.length - start > size) {
    const longest = start + 4 * size;
    const lineBreak = raw.indexOf('\n', start + size);
    let end: number;
    if (lineBreak !== -1 && lineBreak < longest) end = lineBreak + 1;
    else {
      const space = raw.indexOf(' ', start + size);
      if (space !== -1 && space < longest) end = space + 1;
      else {
        end = Math.min(longest, raw.length);
        const before = raw.charCodeAt(end - 1);
        if (before >= 0xd800 && before <= 0xdbff) end -= 1; // never between the halves of a surrogate pair
      }
    }
    ends.push(end);
    start = end;
  }
  if (raw.length > start || ends.length === 0) ends.push(raw.length);
  return ends;
}

/**
 * The reader's blocks, each cut into pieces that are marked (inside a cited
 * passage) or not, and link markup or not. `passages` are in order and do not
 * overlap (as citedPassages gives them).
 */
export function readerChunks(raw: string, passages: readonly CitedPassage[], size = CHUNK_CHARACTERS): TextChunk[] {
  const markup = linkMarkup(raw);
  const chunks: TextChunk[] = [];
  let passageIndex = 0;
  let markupIndex = 0;
  let start = 0;
  for (const end of chunkEnds(raw, size)) {
    const pieces: TextPiece[] = [];
    for (let at = start; at < end; ) {
      while ((passages[passageIndex]?.end ?? Number.POSITIVE_INFINITY) <= at) passageIndex++;
      while ((markup[markupIndex]?.end ?? Number.POSITIVE_INFINITY) <= at) markupIndex++;
      const passage = passages[passageIndex];
      const span = markup[markupIndex];
      const inPassage = passage !== undefined && passage.start <= at;
      const inMarkup = span !== undefined && span.start <= at;
      let until = end;
      if (passage) until = Math.min(until, inPassage ? passage.end : passage.start);
      if (span) until = Math.min(until, inMarkup ? span.end : span.start);
      pieces.push({ start: at, end: until, passage: inPassage ? passageIndex : -1, markup: inMarkup });
      at = until;
    }
    chunks.push({ start, end, pieces });
    start = end;
  }
  return chunks;
}

/** Most characters (code points) of an archive's file name, as graph/schema.json says. */
const ARCHIVE_NAME_LENGTH = 255;

/** Characters graph/schema.json refuses in an archive's file name: folders, drives, controls, text direction. */
function refusedInFileName(code: number): boolean {
  return (
    code === 47 /* / */ ||
    code === 92 /* \ */ ||
    code === 58 /* : */ ||
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * A name the graph file accepts as a source's `archive` (a plain file name:
 * no folder, no leading dot, no control characters, at most 255 characters),
 * as close to the given one as can be: refused characters become "-", and a
 * long name is shortened before its extension.
 */
export function archiveFileName(name: string): string {
  let plain = '';
  for (const character of name) plain += refusedInFileName(character.charCodeAt(0)) ? '-' : character;
  plain = plain.replace(/^\.+/, '');
  const characters = [...plain];
  if (characters.length > ARCHIVE_NAME_LENGTH) {
    const extension = /\.[^.]{1,10}$/.exec(plain)?.[0] ?? '';
    plain = characters.slice(0, ARCHIVE_NAME_LENGTH - extension.length).join('') + extension;
  }
  return plain === '' ? 'source.txt' : plain;
}
