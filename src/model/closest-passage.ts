// The passage of an archived source closest to a quote that is not verbatim in
// it, in bounded time. Comparing the whole quote with a window at every word of
// the archive took minutes for a long quote; instead, the archive is indexed
// once by its 4-character pieces, the pieces the quote shares with it vote for
// where the quote lines up, and only the word starts near the few
// best-supported places are compared in full.
import { distance } from 'fastest-levenshtein';

/** Only the start of a long quote is compared: enough to find where it is, and cheap. */
export const COMPARED_QUOTE_CHARACTERS = 1_000;
const PIECE = 4;
/** A piece found more often than this says little about where a quote is (" the"). */
const MAX_PIECE_OCCURRENCES = 64;
/** Places (alignments of quote and archive) compared in full. */
const PLACES = 4;
/** Word starts this close to a place are compared: insertions and deletions shift the alignment. */
const PLACE_SPREAD = 24;
/** With nothing shared, this many word starts spread over the archive are compared. */
const SPREAD_STARTS = 64;
/** Pieces are sorted into this many buckets by the top bits of their hash. */
const BUCKET_BITS = 16;

function pieceHash(text: string, at: number): number {
  return (
    Math.imul(text.charCodeAt(at), 0x9e3779b1) ^
    Math.imul(text.charCodeAt(at + 1), 0x85ebca6b) ^
    Math.imul(text.charCodeAt(at + 2), 0xc2b2ae35) ^
    Math.imul(text.charCodeAt(at + 3), 0x27d4eb2f)
  );
}

const isWordStart = (text: string, at: number) => at === 0 || text.charCodeAt(at - 1) === 32;

/**
 * Where each 4-character piece occurs in an archive: built once per archive in
 * linear time (a counting sort by hash bucket, 8 bytes per character), then
 * asked for each misquoted quote, so many quotes against one long archive stay
 * cheap.
 */
export class ArchiveIndex {
  private readonly bucketStarts = new Uint32Array((1 << BUCKET_BITS) + 1);
  private readonly positions: Uint32Array;
  private readonly hashes: Int32Array;

  constructor(readonly text: string) {
    const pieces = Math.max(0, text.length - PIECE + 1);
    const bucketOf = (hash: number) => hash >>> (32 - BUCKET_BITS);
    for (let at = 0; at < pieces; at++) {
      const bucket = bucketOf(pieceHash(text, at)) + 1;
      this.bucketStarts[bucket] = (this.bucketStarts[bucket] ?? 0) + 1;
    }
    for (let bucket = 1; bucket < this.bucketStarts.length; bucket++) {
      this.bucketStarts[bucket] = (this.bucketStarts[bucket] ?? 0) + (this.bucketStarts[bucket - 1] ?? 0);
    }
    // Hashes are worked out again rather than kept: this pass then needs no third array.
    const nextSlot = this.bucketStarts.slice(0, -1);
    this.positions = new Uint32Array(pieces);
    this.hashes = new Int32Array(pieces);
    for (let at = 0; at < pieces; at++) {
      const hash = pieceHash(text, at);
      const bucket = bucketOf(hash);
      const slot = nextSlot[bucket] ?? 0;
      nextSlot[bucket] = slot + 1;
      this.positions[slot] = at;
      this.hashes[slot] = hash;
    }
  }

  /** Offsets where the piece with this hash begins; none when it is too common to place a quote. */
  occurrencesOf(hash: number): number[] {
    const bucket = hash >>> (32 - BUCKET_BITS);
    const found: number[] = [];
    for (let slot = this.bucketStarts[bucket] ?? 0; slot < (this.bucketStarts[bucket + 1] ?? 0); slot++) {
      if (this.hashes[slot] !== hash) continue;
      found.push(this.positions[slot] ?? 0);
      if (found.length > MAX_PIECE_OCCURRENCES) return [];
    }
    return found;
  }
}

/** Votes for alignments (archive offset where the quote would start), from the pieces quote and archive share. */
function alignmentVotes(quote: string, index: ArchiveIndex): Map<number, number> {
  const votes = new Map<number, number>();
  for (let at = 0; at + PIECE <= quote.length; at++) {
    for (const start of index.occurrencesOf(pieceHash(quote, at))) {
      const alignment = start - at;
      votes.set(alignment, (votes.get(alignment) ?? 0) + 1);
    }
  }
  return votes;
}

/** Word starts worth comparing with the quote, in the order of the archive. */
function candidateStarts(quote: string, index: ArchiveIndex): number[] {
  const text = index.text;
  const starts = new Set<number>();
  const votes = [...alignmentVotes(quote, index).entries()].sort(([a], [b]) => a - b);
  // Votes summed over nearby alignments, so that a quote with a word left out still counts as one place.
  const support = new Array<number>(votes.length).fill(0);
  let low = 0;
  let high = 0;
  let windowSum = 0;
  for (let at = 0; at < votes.length; at++) {
    const alignment = votes[at]?.[0] ?? 0;
    while (high < votes.length && (votes[high]?.[0] ?? 0) <= alignment + PLACE_SPREAD)
      windowSum += votes[high++]?.[1] ?? 0;
    while ((votes[low]?.[0] ?? 0) < alignment - PLACE_SPREAD) windowSum -= votes[low++]?.[1] ?? 0;
    support[at] = windowSum;
  }
  const blocked = Math.max(PLACE_SPREAD, quote.length >> 1);
  const taken: number[] = [];
  for (let place = 0; place < PLACES; place++) {
    let best = -1;
    for (let at = 0; at < votes.length; at++) {
      const alignment = votes[at]?.[0] ?? 0;
      // The next place must be elsewhere, not the same one shifted by a few characters.
      if (taken.some((other) => Math.abs(other - alignment) <= blocked)) continue;
      if (best === -1 || (support[at] ?? 0) > (support[best] ?? 0)) best = at;
    }
    if (best === -1) break;
    // Support is flat across a window around a sharp peak: centre on the peak itself.
    const around = votes[best]?.[0] ?? 0;
    let peak = best;
    for (let at = 0; at < votes.length; at++) {
      const alignment = votes[at]?.[0] ?? 0;
      if (Math.abs(alignment - around) <= PLACE_SPREAD && (votes[at]?.[1] ?? 0) > (votes[peak]?.[1] ?? 0)) peak = at;
    }
    const start = votes[peak]?.[0] ?? 0;
    taken.push(start);
    let found = false;
    for (let at = Math.max(0, start - PLACE_SPREAD); at <= Math.min(text.length - 1, start + PLACE_SPREAD); at++) {
      if (isWordStart(text, at)) {
        starts.add(at);
        found = true;
      }
    }
    if (!found) {
      let before = Math.min(Math.max(start, 0), text.length - 1);
      while (before > 0 && !isWordStart(text, before)) before--;
      starts.add(before);
    }
  }
  if (starts.size === 0) {
    for (let step = 0; step < SPREAD_STARTS; step++) {
      let at = Math.floor((step * text.length) / SPREAD_STARTS);
      while (at > 0 && !isWordStart(text, at)) at--;
      starts.add(at);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/**
 * The window of the archive, starting at a word and as long as the quote (its
 * first COMPARED_QUOTE_CHARACTERS), that is fewest edits away from the quote.
 * Both texts are expected normalised (normaliseForQuoteMatch). Give an
 * ArchiveIndex to look up many quotes in one archive.
 */
export function closestPassage(quote: string, archive: string | ArchiveIndex): string {
  const index = typeof archive === 'string' ? new ArchiveIndex(archive) : archive;
  const text = index.text;
  const compared = quote.slice(0, COMPARED_QUOTE_CHARACTERS);
  // An empty quote or archive needs no case of its own: every window is then '' (and some start is always compared).
  let best = '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const start of candidateStarts(compared, index)) {
    const passage = text.slice(start, start + compared.length);
    const edits = distance(compared, passage);
    if (edits < bestDistance) {
      bestDistance = edits;
      best = passage;
    }
  }
  return best;
}
