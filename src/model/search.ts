// Finding actors by label or alias as the analyst types. Case, diacritics,
// apostrophes and hyphens are ignored: "kadhimi" finds "Al-Kadhimi",
// "asaib" finds "Asa’ib Ahl Al-Haq". A close misspelling still finds a name.

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

function scoreName(query: string, name: string): number {
  if (name === query) return 100;
  if (name.startsWith(query)) return 90;
  if (name.split(' ').some((word) => word.startsWith(query))) return 80;
  if (name.includes(query)) return 60;
  // Misspellings: each query word close to some name word.
  const queryWords = query.split(' ');
  const nameWords = name.split(' ');
  const close = queryWords.every(
    (q) => q.length >= 4 && nameWords.some((w) => distance(q, w) <= (q.length >= 7 ? 2 : 1)),
  );
  return close ? 30 : 0;
}

/** Actors whose label or an alias matches, best first. */
export function searchActors(graph: Graph, query: string, limit = 8): SearchMatch[] {
  const folded = foldForSearch(query);
  if (folded === '') return [];
  const matches: SearchMatch[] = [];
  for (const actor of graph.actors) {
    let best: SearchMatch | null = null;
    for (const [index, name] of [actor.label, ...(actor.aliases ?? [])].entries()) {
      // The label wins ties over aliases.
      const score = scoreName(folded, foldForSearch(name)) - (index === 0 ? 0 : 1);
      if (score > 0 && (best === null || score > best.score)) best = { actor, matchedName: name, score };
    }
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => b.score - a.score || a.actor.label.localeCompare(b.actor.label)).slice(0, limit);
}
