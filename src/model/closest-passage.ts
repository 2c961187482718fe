// The passage of an archived source closest to a quote that is not verbatim in
// it, in bounded time. Comparing the whole quote with a window at every word of
// the archive took minutes for a long quote; instead, the 4-character pieces the
// quote shares with the archive vote for where the quote lines up, and only the
// word starts near the few best-supported places are compared in full.
import { distance } from 'fastest-levenshtein';

/** Only the start of a long quote is compared: enough to find where it is, and cheap. */
export const COMPARED_QUOTE_CHARACTERS = 1_000;
const PIECE = 4;
/** A piece found more often than this in the quote says little about where the quote is (" the "). */
const MAX_PIECE_REPEATS = 8;
/** Places (alignments of quote and archive) compared in full. */
const PLACES = 4;
/** Word starts this close to a place are compared: insertions and deletions shift the alignment. */
const PLACE_SPREAD = 24;
/** With nothing shared, this many word starts spread over the archive are compared. */
const SPREAD_STARTS = 64;

function pieceHash(text: string, at: number): number {
  return (
    Math.imul(text.charCodeAt(at), 0x9e3779b1) ^
    Math.imul(text.charCodeAt(at + 1), 0x85ebca6b) ^
    Math.imul(text.charCodeAt(at + 2), 0xc2b2ae35) ^
    Math.imul(text.charCodeAt(at + 3), 0x27d4eb2f)
  );
}

const isWordStart = (archive: string, at: number) => at === 0 || archive[at - 1] === ' ';

/** Votes per alignment: index `start + quoteLength` for a quote lined up at archive offset `start`. */
function alignmentVotes(quote: string, archive: string): Int32Array {
  const piecesInQuote = new Map<number, number[]>();
  for (let at = 0; at + PIECE <= quote.length; at++) {
    const hash = pieceHash(quote, at);
    const positions = piecesInQuote.get(hash) ?? [];
    positions.push(at);
    piecesInQuote.set(hash, positions);
  }
  const votes = new Int32Array(archive.length + quote.length + 1);
  for (let at = 0; at + PIECE <= archive.length; at++) {
    const positions = piecesInQuote.get(pieceHash(archive, at));
    if (!positions || positions.length > MAX_PIECE_REPEATS) continue;
    for (const position of positions) {
      const slot = at - position + quote.length;
      votes[slot] = (votes[slot] ?? 0) + 1;
    }
  }
  return votes;
}

/** Word starts worth comparing with the quote, in the order of the archive. */
function candidateStarts(quote: string, archive: string): number[] {
  const starts = new Set<number>();
  const votes = quote.length >= PIECE ? alignmentVotes(quote, archive) : new Int32Array(0);
  // Sum votes over a window of alignments, so that a quote with a word left out still counts as one place.
  const support = new Int32Array(votes.length);
  let windowSum = 0;
  for (let slot = 0; slot < votes.length + PLACE_SPREAD; slot++) {
    windowSum += votes[slot] ?? 0;
    windowSum -= votes[slot - 2 * PLACE_SPREAD - 1] ?? 0;
    const centre = slot - PLACE_SPREAD;
    if (centre >= 0 && centre < support.length) support[centre] = windowSum;
  }
  for (let place = 0; place < PLACES; place++) {
    let bestSlot = -1;
    for (let slot = 0; slot < support.length; slot++) {
      if ((support[slot] ?? 0) > 0 && (bestSlot === -1 || (support[slot] ?? 0) > (support[bestSlot] ?? 0))) {
        bestSlot = slot;
      }
    }
    if (bestSlot === -1) break;
    // Support is flat across a window around a sharp peak: centre on the peak itself.
    let peak = bestSlot;
    for (let slot = bestSlot - PLACE_SPREAD; slot <= bestSlot + PLACE_SPREAD; slot++) {
      if ((votes[slot] ?? 0) > (votes[peak] ?? 0)) peak = slot;
    }
    // The next place must be elsewhere, not the same one shifted by a few characters.
    const blocked = Math.max(PLACE_SPREAD, quote.length >> 1);
    support.fill(0, Math.max(0, peak - blocked), Math.min(support.length, peak + blocked + 1));
    const start = peak - quote.length;
    const from = Math.max(0, start - PLACE_SPREAD);
    const to = Math.min(archive.length - 1, start + PLACE_SPREAD);
    let found = false;
    for (let at = from; at <= to; at++) {
      if (isWordStart(archive, at)) {
        starts.add(at);
        found = true;
      }
    }
    if (!found) {
      let before = Math.min(Math.max(start, 0), archive.length - 1);
      while (before > 0 && !isWordStart(archive, before)) before--;
      starts.add(before);
    }
  }
  if (starts.size === 0) {
    for (let step = 0; step < SPREAD_STARTS; step++) {
      let at = Math.floor((step * archive.length) / SPREAD_STARTS);
      while (at > 0 && !isWordStart(archive, at)) at--;
      starts.add(at);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/**
 * The window of the archive, starting at a word and as long as the quote (its
 * first COMPARED_QUOTE_CHARACTERS), that is fewest edits away from the quote.
 * Both texts are expected normalised (normaliseForQuoteMatch).
 */
export function closestPassage(quote: string, archive: string): string {
  const compared = quote.slice(0, COMPARED_QUOTE_CHARACTERS);
  if (compared === '' || archive === '') return '';
  let best = '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const start of candidateStarts(compared, archive)) {
    const window = archive.slice(start, start + compared.length);
    const edits = distance(compared, window);
    if (edits < bestDistance) {
      bestDistance = edits;
      best = window;
    }
  }
  return best;
}
