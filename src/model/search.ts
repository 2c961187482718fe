// Finding actors by label or alias as the analyst types. Case, diacritics,
// apostrophes and hyphens are ignored: "kadhimi" finds "Al-Kadhimi",
// "asaib" finds "Asa’ib Ahl Al-Haq". A close misspelling still finds a name,
// the closest first; two or three letters ("KH", "PMU") must start a word of it.

import { distance } from 'fastest-levenshtein';
import type { Actor, Graph } from './graph.ts';

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼʾʿʻ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchMatch {
  actor: Actor;
  /** The label or alias that matched. */
  matchedName: string;
  score: number;
}

/** Queries this short are abbreviations ("KH", "PMU"): a name must be them, or start a word with them. */
const ABBREVIATION_MAX = 3;

/** A label or alias, folded, with its words: computed once per graph. */
interface FoldedName {
  name: string;
  folded: string;
  words: string[];
}

/** The query, folded, with how many letters each of its words is off each name word (measured once a keystroke). */
class Query {
  readonly words: string[];
  private readonly lettersOff: Map<string, number>[];
  constructor(readonly folded: string) {
    this.words = folded.split(' ');
    this.lettersOff = this.words.map(() => new Map());
  }
  /** Letters off between query word `i` and a name word; more than allowed is allowed + 1. */
  off(i: number, word: string, allowed: number): number {
    const known = this.lettersOff[i]?.get(word);
    if (known !== undefined) return known;
    const q = this.words[i] ?? '';
    // Words whose lengths differ by more than is allowed cannot be close: no need to measure.
    const off = Math.abs(word.length - q.length) > allowed ? allowed + 1 : Math.min(allowed + 1, distance(q, word));
    this.lettersOff[i]?.set(word, off);
    return off;
  }
}

function scoreName(query: Query, name: FoldedName): number {
  const q = query.folded;
  if (name.folded === q) return 100;
  if (name.folded.startsWith(q)) return 90;
  if (name.words.some((word) => word.startsWith(q))) return 80;
  if (q.length <= ABBREVIATION_MAX) return 0;
  if (name.folded.includes(q)) return 60;
  // Misspellings: each query word close to some name word; the fewer letters off, the better.
  let lettersOff = 0;
  for (const [i, word] of query.words.entries()) {
    if (word.length < 4) return 0;
    const allowed = word.length >= 7 ? 2 : 1;
    let closest = allowed + 1;
    for (const w of name.words) closest = Math.min(closest, query.off(i, w, allowed));
    if (closest > allowed) return 0;
    lettersOff += closest;
  }
  return Math.max(1, 30 - lettersOff);
}

/** Each actor with its label and aliases folded, once per graph object (not per keystroke). */
const foldedNamesByGraph = new WeakMap<Graph, { actor: Actor; names: FoldedName[] }[]>();

function foldedNames(graph: Graph) {
  let list = foldedNamesByGraph.get(graph);
  if (!list) {
    list = graph.actors.map((actor) => ({
      actor,
      names: [actor.label, ...(actor.aliases ?? [])].map((name) => {
        const folded = foldForSearch(name);
        return { name, folded, words: folded.split(' ') };
      }),
    }));
    foldedNamesByGraph.set(graph, list);
  }
  return list;
}

/** Actors whose label or an alias matches, best first. */
export function searchActors(graph: Graph, query: string, limit = 8): SearchMatch[] {
  const folded = foldForSearch(query);
  if (folded === '') return [];
  const typed = new Query(folded);
  const matches: SearchMatch[] = [];
  for (const { actor, names } of foldedNames(graph)) {
    let best: SearchMatch | null = null;
    names.forEach((name, index) => {
      // The label wins ties over aliases.
      const score = scoreName(typed, name) - (index === 0 ? 0 : 1);
      if (score > 0 && (best === null || score > best.score)) best = { actor, matchedName: name.name, score };
    });
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => b.score - a.score || a.actor.label.localeCompare(b.actor.label)).slice(0, limit);
}
