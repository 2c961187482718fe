// "did you mean ...?" for an unknown name, among thousands of known ones, in
// bounded time: candidates are grouped by length (a name k edits away differs in
// length by at most k), screened by which characters they contain, and compared
// with Myers' bit-parallel edit distance, one step per character. A budget
// caps the work for one suggestion, so a hostile file of near-identical ids
// cannot make it slow; a suggestion is a hint, and may then be missed.

import { distance as levenshtein } from 'fastest-levenshtein';
import { GRAPH_LIMITS } from './limits.ts';

/** Names longer than an id can be are not worth a suggestion. */
const MAX_NAME_LENGTH = GRAPH_LIMITS.idLength;
/**
 * Work for one suggestion, at most, in steps of Myers' algorithm (about 10 ns
 * each): some 2.5 ms, so 200 listed suggestions stay under half a second.
 */
const WORK_BUDGET = 250_000;
/** A comparison's fixed cost, in steps. */
const CALL_STEPS = 8;
/** fastest-levenshtein's blocks for names over 32 characters cost about this many steps per character and block. */
const BLOCK_STEPS = 5;

/** Bit per character class present (a-z, 0-9, "-", anything else), for a cheap lower bound on the distance. */
function characterMask(text: string): number {
  let mask = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 97 && code <= 122) mask |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) mask |= 1 << 26;
    else if (code === 45) mask |= 1 << 27;
    else mask |= 1 << 28;
  }
  return mask;
}

function countBits(value: number): number {
  let bits = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) bits++;
  return bits;
}

/** Bit masks of where each character occurs in the name being looked up (Myers' algorithm). */
const occurrences = new Uint32Array(0x10000);

/**
 * Levenshtein distance of `name` (at most 32 characters, its occurrences set)
 * and `candidate`, by Myers' bit-parallel algorithm: one step per character of
 * the candidate, all 32 positions of the name at once.
 */
function myersDistance(name: string, candidate: string): number {
  const lastBit = 1 << (name.length - 1);
  let positive = -1;
  let negative = 0;
  let score = name.length;
  for (let index = 0; index < candidate.length; index++) {
    let equal = occurrences[candidate.charCodeAt(index)] ?? 0;
    const vertical = equal | negative;
    equal |= ((equal & positive) + positive) ^ positive;
    negative |= ~(equal | positive);
    positive &= equal;
    if (negative & lastBit) score++;
    if (positive & lastBit) score--;
    negative = (negative << 1) | 1;
    positive = (positive << 1) | ~(vertical | negative);
    negative &= vertical;
  }
  return score;
}

/** Myers' algorithm handles names of up to 32 characters; longer ones (rare) take fastest-levenshtein's blocks. */
const MYERS_MAX_LENGTH = 32;

/** How many edits a name may be from a suggestion: 2, or a third of its length. */
export function allowedEdits(name: string): number {
  return Math.max(2, Math.floor(name.length / 3));
}

export class SuggestionIndex {
  /** Candidates by length, each with its position in the original list and its character mask. */
  private readonly byLength = new Map<number, { name: string; order: number; mask: number }[]>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(candidates: Iterable<string>) {
    let order = 0;
    for (const name of candidates) {
      if (name.length > MAX_NAME_LENGTH) continue;
      const bucket = this.byLength.get(name.length) ?? [];
      bucket.push({ name, order: order++, mask: characterMask(name) });
      this.byLength.set(name.length, bucket);
    }
  }

  /** The closest candidate within allowedEdits(name), the earlier one on a tie; undefined when none is close. */
  closest(name: string): string | undefined {
    if (name === '' || name.length > MAX_NAME_LENGTH) return undefined;
    if (this.cache.has(name)) return this.cache.get(name);
    const mask = characterMask(name);
    let bestDistance = allowedEdits(name);
    let best: { name: string; order: number } | undefined;
    let work = 0;
    const useMyers = name.length <= MYERS_MAX_LENGTH;
    if (useMyers) {
      for (let index = 0; index < name.length; index++) {
        const code = name.charCodeAt(index);
        occurrences[code] = (occurrences[code] ?? 0) | (1 << index);
      }
    }
    // Nearest lengths first: close names are usually about as long.
    const lengths = [name.length];
    for (let step = 1; step <= bestDistance; step++) lengths.push(name.length - step, name.length + step);
    search: for (const length of lengths) {
      if (Math.abs(length - name.length) > bestDistance) continue;
      for (const candidate of this.byLength.get(length) ?? []) {
        if (work > WORK_BUDGET) break search;
        // Each edit adds or removes at most one class of character on each side.
        if (countBits(candidate.mask ^ mask) > 2 * bestDistance) continue;
        const blocks = Math.ceil(name.length / MYERS_MAX_LENGTH);
        work += CALL_STEPS + candidate.name.length * (useMyers ? 1 : BLOCK_STEPS * blocks);
        const distance = useMyers ? myersDistance(name, candidate.name) : levenshtein(name, candidate.name);
        if (distance < bestDistance || (distance === bestDistance && (!best || candidate.order < best.order))) {
          bestDistance = distance;
          best = candidate;
        }
      }
    }
    if (useMyers) for (let index = 0; index < name.length; index++) occurrences[name.charCodeAt(index)] = 0;
    this.cache.set(name, best?.name);
    return best?.name;
  }
}
