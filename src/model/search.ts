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

function scoreName(query: string, name: string): number {
  if (name === query) return 100;
  if (name.startsWith(query)) return 90;
  if (name.split(' ').some((word) => word.startsWith(query))) return 80;
  if (query.length <= ABBREVIATION_MAX) return 0;
  if (name.includes(query)) return 60;
  // Misspellings: each query word close to some name word; the fewer letters off, the better.
  const nameWords = name.split(' ');
  let lettersOff = 0;
  for (const q of query.split(' ')) {
    if (q.length < 4) return 0;
    const allowed = q.length >= 7 ? 2 : 1;
    let closest = allowed + 1;
    for (const w of nameWords) {
      // Words whose lengths differ by more than is allowed cannot be close: no need to measure.
      if (Math.abs(w.length - q.length) <= allowed) closest = Math.min(closest, distance(q, w));
    }
    if (closest > allowed) return 0;
    lettersOff += closest;
  }
  return Math.max(1, 30 - lettersOff);
}

/** Each actor with its label and aliases folded, once per graph object (not per keystroke). */
const foldedNamesByGraph = new WeakMap<Graph, { actor: Actor; names: { name: string; folded: string }[] }[]>();

function foldedNames(graph: Graph) {
  let list = foldedNamesByGraph.get(graph);
  if (!list) {
    list = graph.actors.map((actor) => ({
      actor,
      names: [actor.label, ...(actor.aliases ?? [])].map((name) => ({ name, folded: foldForSearch(name) })),
    }));
    foldedNamesByGraph.set(graph, list);
  }
  return list;
}

/** Actors whose label or an alias matches, best first. */
export function searchActors(graph: Graph, query: string, limit = 8): SearchMatch[] {
  const folded = foldForSearch(query);
  if (folded === '') return [];
  const matches: SearchMatch[] = [];
  for (const { actor, names } of foldedNames(graph)) {
    let best: SearchMatch | null = null;
    for (const [index, { name, folded: foldedName }] of names.entries()) {
      // The label wins ties over aliases.
      const score = scoreName(folded, foldedName) - (index === 0 ? 0 : 1);
      if (score > 0 && (best === null || score > best.score)) best = { actor, matchedName: name, score };
    }
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => b.score - a.score || a.actor.label.localeCompare(b.actor.label)).slice(0, limit);
}
