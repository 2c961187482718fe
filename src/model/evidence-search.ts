// Finding text in the evidence as the analyst types: quotes, who makes each
// claim, summaries, notes and sources, grouped by kind of hit after the actors
// found by name (search.ts). The folded text of a graph is indexed once (one
// long string per kind, scanned with indexOf), so a keystroke costs one scan of
// it, not a fold of every quote. A match starts at the start of a word ("milit"
// finds "militias", "ran" does not find "Iran"); a query of one or two letters
// must be a whole word. Excerpts say where the match is; the text stays text:
// parts to be rendered with the matched words marked.

import type { Graph, Relation } from './graph.ts';
import { foldForSearch, type SearchMatch, searchActors } from './search.ts';

export type EvidenceHitKind = 'quote' | 'attributedTo' | 'summary' | 'note' | 'source';
export type HitKind = 'actor' | EvidenceHitKind;

/** The kinds of hit in the order their groups are listed, with their headings. */
export const HIT_GROUPS: readonly { kind: HitKind; heading: string }[] = [
  { kind: 'actor', heading: 'Actors' },
  { kind: 'quote', heading: 'Quotes' },
  { kind: 'attributedTo', heading: 'Who claims' },
  { kind: 'summary', heading: 'Summaries' },
  { kind: 'note', heading: 'Notes' },
  { kind: 'source', heading: 'Sources' },
];

/** What holds a hit: an actor or a relation, and the evidence item when the hit is in one. */
export interface HitOwner {
  kind: 'actor' | 'relation';
  id: string;
  evidenceIndex: number | null;
}

/** A piece of an excerpt: `marked` when it is the matched text. */
export interface TextPart {
  text: string;
  marked: boolean;
}

export interface EvidenceHit {
  kind: EvidenceHitKind;
  /** What choosing the hit selects: for a source, the first relation (or actor) citing it. */
  owner: HitOwner;
  /** The actor or relation in words ("Kataib Hezbollah accused Mustafa al-Kadhimi"); for a source, its citations. */
  ownerName: string;
  /** A short stretch of the text around the first match, matched words marked. */
  excerpt: TextPart[];
}

export interface HitGroup<Hit> {
  kind: HitKind;
  heading: string;
  /** The hits shown (at most the limit). */
  hits: Hit[];
  /** How many there are in all. */
  total: number;
}

export interface SearchResult {
  query: string;
  actors: HitGroup<SearchMatch>;
  /** Only the kinds with hits, in HIT_GROUPS order. */
  evidence: HitGroup<EvidenceHit>[];
  /** Every actor and relation with a hit (not only those shown), to be marked in the graph. */
  actorIds: string[];
  relationIds: string[];
}

/** Hits shown per group. */
export const HITS_PER_GROUP = 8;
/** Characters of context shown before and after a match, about. */
const BEFORE = 50;
const AFTER = 90;

// ---------------------------------------------------------------------------
// Folding with a map back to the original text

/** foldForSearch, but the same letter for Greek final and medial sigma (a whole-text fold tells them apart). */
export function foldText(text: string): string {
  // Most text is printable ASCII: the same folding without Unicode tables, several times faster.
  if (PRINTABLE_ASCII.test(text)) {
    return text
      .toLowerCase()
      .replace(/['`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return foldForSearch(text).replace(/ς/g, 'σ');
}

const PRINTABLE_ASCII = /^[ -~]*$/;

const APOSTROPHES = /['’‘`ʼʾʿʻ]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/gu;

/**
 * The same folding as foldText, a character at a time, with where each folded
 * character comes from: folded[i] comes from text.slice(starts[i], ends[i]).
 * Used only for the few hits shown, to mark the match in the original.
 */
export function foldWithMap(text: string): { folded: string; starts: number[]; ends: number[] } {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let pendingSpace = false;
  let position = 0;
  for (const char of text) {
    const start = position;
    position += char.length;
    const code = char.charCodeAt(0);
    let folded: string;
    if (code < 128) folded = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
    else folded = char.normalize('NFD').replace(MARK, '').toLowerCase().replace(/ς/g, 'σ');
    for (const piece of folded) {
      if (APOSTROPHES.test(piece)) continue;
      if (!LETTER_OR_DIGIT.test(piece)) {
        pendingSpace = out.length > 0;
        continue;
      }
      if (pendingSpace) {
        out.push(' ');
        starts.push(start);
        ends.push(start);
        pendingSpace = false;
      }
      out.push(piece);
      for (let i = 0; i < piece.length; i++) {
        starts.push(start);
        ends.push(position);
      }
    }
  }
  return { folded: out.join(''), starts, ends };
}

/** Where the folded query matches in folded text: at a word start, and (short queries) up to a word end. */
function matchAt(folded: string, query: string, from: number, wholeWord: boolean): number {
  let at = folded.indexOf(query, from);
  while (at >= 0) {
    const before = at === 0 ? ' ' : folded[at - 1];
    const after = folded[at + query.length];
    const wordStart = before === ' ' || before === '\n';
    const wordEnd = after === undefined || after === ' ' || after === '\n';
    if (wordStart && (!wholeWord || wordEnd)) return at;
    at = folded.indexOf(query, at + 1);
  }
  return -1;
}

/** Short queries must be whole words ("kh", not every word starting with "kh"). */
const WHOLE_WORD_BELOW = 3;

/**
 * A stretch of `text` around the first match of the folded query, cut at
 * word boundaries with "…" where cut, every match in it marked (to the end of
 * the word it starts). The whole text, unmarked, when there is no match.
 */
export function excerptAround(text: string, foldedQuery: string, before = BEFORE, after = AFTER): TextPart[] {
  const { folded, starts, ends } = foldWithMap(text);
  const wholeWord = foldedQuery.length < WHOLE_WORD_BELOW;
  const first = foldedQuery === '' ? -1 : matchAt(folded, foldedQuery, 0, wholeWord);
  if (first < 0) return [{ text: clip(text, 0, before + after), marked: false }];
  const matchStart = starts[first] ?? 0;
  let from = Math.max(0, matchStart - before);
  let to = Math.min(text.length, matchStart + after);
  // Cut at spaces, so no word is broken.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < matchStart ? space + 1 : from;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    const matchEnd = ends[first + foldedQuery.length - 1] ?? to;
    // A space right after the match is a place to cut too: the next word is not begun.
    to = space >= matchEnd ? space : Math.max(to, matchEnd);
  }
  const parts: TextPart[] = [];
  if (from > 0) parts.push({ text: '…', marked: false });
  let cursor = from;
  for (let at = first; at >= 0; at = matchAt(folded, foldedQuery, at + foldedQuery.length, wholeWord)) {
    let last = at + foldedQuery.length - 1;
    // The whole word the match starts.
    while (last + 1 < folded.length && folded[last + 1] !== ' ') last++;
    const start = starts[at] ?? 0;
    const end = ends[last] ?? start;
    if (start >= to) break;
    if (start > cursor) parts.push({ text: text.slice(cursor, start), marked: false });
    parts.push({ text: text.slice(Math.max(start, cursor), end), marked: true });
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) parts.push({ text: text.slice(cursor, to), marked: false });
  if (to < text.length) parts.push({ text: '…', marked: false });
  return parts.filter((part) => part.text !== '');
}

function clip(text: string, from: number, length: number): string {
  return text.length - from <= length ? text.slice(from) : `${text.slice(from, from + length).trimEnd()}…`;
}

// ---------------------------------------------------------------------------
// The index

interface Entry {
  /** The text as written (title and publisher for a source). */
  text: string;
  owner: HitOwner;
  /** The owner's number in EvidenceSearchIndex.slotIds. */
  slot: number;
  /** A source's id (source entries only). */
  sourceId?: string;
}

/** One kind's texts, folded and joined by newlines, in chunks of bounded length. */
interface Column {
  kind: EvidenceHitKind;
  entries: Entry[];
  chunks: { folded: string; starts: number[]; firstEntry: number }[];
}

const CHUNK_CHARS = 4_000_000;

export interface EvidenceSearchIndex {
  graph: Graph;
  columns: Column[];
  /** The actors and relations citing each source, relations first, each with its first item citing it. */
  citing: Map<string, HitOwner[]>;
  /** The same, as numbers in slotIds. */
  citingSlots: Map<string, number[]>;
  /** The ids of the actors, then of the relations: a hit is marked by its number here, not by its id. */
  slotIds: string[];
  actorCount: number;
  actorLabel: Map<string, string>;
  relationById: Map<string, Relation>;
  typeLabel: Map<string, string>;
}

function buildColumn(kind: EvidenceHitKind, entries: Entry[]): Column {
  const chunks: Column['chunks'] = [];
  let parts: string[] = [];
  let starts: number[] = [];
  let length = 0;
  let firstEntry = 0;
  entries.forEach((entry, i) => {
    if (length > CHUNK_CHARS) {
      chunks.push({ folded: parts.join('\n'), starts, firstEntry });
      parts = [];
      starts = [];
      length = 0;
      firstEntry = i;
    }
    const folded = foldText(entry.text);
    starts.push(length);
    parts.push(folded);
    length += folded.length + 1;
  });
  if (parts.length > 0) chunks.push({ folded: parts.join('\n'), starts, firstEntry });
  return { kind, entries, chunks };
}

/** Folds the graph's text once; reused for every query on the same graph object. */
export function buildEvidenceIndex(graph: Graph): EvidenceSearchIndex {
  const texts: Record<Exclude<EvidenceHitKind, 'source'>, Entry[]> = {
    quote: [],
    attributedTo: [],
    summary: [],
    note: [],
  };
  const citing = new Map<string, HitOwner[]>();
  const citingSlots = new Map<string, number[]>();
  const actors = graph.actors.map((holder, slot) => ({ kind: 'actor' as const, holder, slot }));
  const relations = graph.relations.map((holder, i) => ({
    kind: 'relation' as const,
    holder,
    slot: graph.actors.length + i,
  }));
  // Actors' texts first in every group, then relations': file order within each.
  for (const { kind, holder, slot } of [...actors, ...relations]) {
    if (holder.summary) {
      texts.summary.push({ text: holder.summary, owner: { kind, id: holder.id, evidenceIndex: null }, slot });
    }
    holder.evidence.forEach((item, evidenceIndex) => {
      const owner: HitOwner = { kind, id: holder.id, evidenceIndex };
      if (item.quote) texts.quote.push({ text: item.quote, owner, slot });
      if (item.attributedTo) texts.attributedTo.push({ text: item.attributedTo, owner, slot });
      if (item.note) texts.note.push({ text: item.note, owner, slot });
    });
  }
  // Who cites a source: relations before actors (a source hit opens the first relation citing it).
  for (const { kind, holder, slot } of [...relations, ...actors]) {
    const seen = new Set<string>();
    holder.evidence.forEach((item, evidenceIndex) => {
      if (seen.has(item.source)) return;
      seen.add(item.source);
      let list = citing.get(item.source);
      if (!list) {
        list = [];
        citing.set(item.source, list);
      }
      list.push({ kind, id: holder.id, evidenceIndex });
      const slots = citingSlots.get(item.source);
      if (slots) slots.push(slot);
      else citingSlots.set(item.source, [slot]);
    });
  }
  const sources: Entry[] = [];
  for (const source of graph.sources) {
    const first = citing.get(source.id)?.[0];
    // A source nobody cites has nothing to show.
    const slot = citingSlots.get(source.id)?.[0];
    if (first && slot !== undefined) {
      sources.push({ text: `${source.title} · ${source.publisher}`, owner: first, slot, sourceId: source.id });
    }
  }
  return {
    graph,
    columns: [
      buildColumn('quote', texts.quote),
      buildColumn('attributedTo', texts.attributedTo),
      buildColumn('summary', texts.summary),
      buildColumn('note', texts.note),
      buildColumn('source', sources),
    ],
    citing,
    citingSlots,
    slotIds: [...graph.actors.map((actor) => actor.id), ...graph.relations.map((relation) => relation.id)],
    actorCount: graph.actors.length,
    actorLabel: new Map(graph.actors.map((actor) => [actor.id, actor.label])),
    relationById: new Map(graph.relations.map((relation) => [relation.id, relation])),
    typeLabel: new Map(graph.relationTypes.map((type) => [type.id, type.label])),
  };
}

const indexes = new WeakMap<Graph, EvidenceSearchIndex>();

/** The index of a graph, built on first use and kept while the graph object lives. */
export function evidenceIndexFor(graph: Graph): EvidenceSearchIndex {
  let index = indexes.get(graph);
  if (!index) {
    index = buildEvidenceIndex(graph);
    indexes.set(graph, index);
  }
  return index;
}

/** The entries of a column that match, in order (all of them; each entry once). */
function matchingEntries(column: Column, query: string): Entry[] {
  const found: Entry[] = [];
  const wholeWord = query.length < WHOLE_WORD_BELOW;
  for (const chunk of column.chunks) {
    let at = matchAt(chunk.folded, query, 0, wholeWord);
    let low = 0;
    while (at >= 0) {
      // The entry holding the match: the last one starting at or before it (after the last found).
      let high = chunk.starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((chunk.starts[middle] ?? 0) <= at) low = middle;
        else high = middle - 1;
      }
      const entry = column.entries[chunk.firstEntry + low];
      if (entry) found.push(entry);
      // On to the next entry: one hit per text.
      const next = chunk.starts[low + 1];
      if (next === undefined) break;
      at = matchAt(chunk.folded, query, next, wholeWord);
    }
  }
  return found;
}

/** "Kataib Hezbollah accused Mustafa al-Kadhimi", or an actor's label. */
function ownerName(index: EvidenceSearchIndex, owner: HitOwner): string {
  if (owner.kind === 'actor') return index.actorLabel.get(owner.id) ?? owner.id;
  const relation = index.relationById.get(owner.id);
  if (!relation) return owner.id;
  const from = index.actorLabel.get(relation.from) ?? relation.from;
  const to = index.actorLabel.get(relation.to) ?? relation.to;
  return `${from} ${index.typeLabel.get(relation.type) ?? relation.type} ${to}`;
}

function sourceOwnerName(index: EvidenceSearchIndex, entry: Entry): string {
  const citations = index.citing.get(entry.sourceId ?? '')?.length ?? 0;
  return `cited by ${citations} ${citations === 1 ? 'entry' : 'entries'}; opens ${ownerName(index, entry.owner)}`;
}

/**
 * Actors by name (fuzzy, as searchActors), then the evidence texts that
 * contain the query, grouped by kind; at most `limit` hits shown per group,
 * with the count of all. The ids of everything hit are listed for the graph.
 */
export function searchGraph(graph: Graph, query: string, limit = HITS_PER_GROUP): SearchResult {
  const folded = foldText(query);
  const empty: SearchResult = {
    query,
    actors: { kind: 'actor', heading: 'Actors', hits: [], total: 0 },
    evidence: [],
    actorIds: [],
    relationIds: [],
  };
  if (folded === '') return empty;
  const actorMatches = searchActors(graph, query, Number.POSITIVE_INFINITY);
  const actorIds = new Set(actorMatches.map((match) => match.actor.id));
  const index = evidenceIndexFor(graph);
  // Owners hit, by number: cheaper than a set of ids when a common word hits thousands.
  const hit = new Uint8Array(index.slotIds.length);
  const evidence: HitGroup<EvidenceHit>[] = [];
  // One letter finds too much to be worth reading through.
  if (folded.length >= 2) {
    for (const column of index.columns) {
      const entries = matchingEntries(column, folded);
      if (entries.length === 0) continue;
      for (const entry of entries) {
        if (entry.sourceId) for (const slot of index.citingSlots.get(entry.sourceId) ?? []) hit[slot] = 1;
        else hit[entry.slot] = 1;
      }
      const heading = HIT_GROUPS.find((group) => group.kind === column.kind)?.heading ?? column.kind;
      const hits = entries.slice(0, limit).map(
        (entry): EvidenceHit => ({
          kind: column.kind,
          owner: entry.owner,
          ownerName: entry.sourceId ? sourceOwnerName(index, entry) : ownerName(index, entry.owner),
          // A source's title and publisher are short: shown whole.
          excerpt: entry.sourceId ? excerptAround(entry.text, folded, 300, 300) : excerptAround(entry.text, folded),
        }),
      );
      evidence.push({ kind: column.kind, heading, hits, total: entries.length });
    }
  }
  const relationIds: string[] = [];
  hit.forEach((isHit, slot) => {
    const id = index.slotIds[slot];
    if (isHit === 0 || id === undefined) return;
    if (slot < index.actorCount) actorIds.add(id);
    else relationIds.push(id);
  });
  return {
    query,
    actors: { kind: 'actor', heading: 'Actors', hits: actorMatches.slice(0, limit), total: actorMatches.length },
    evidence,
    actorIds: [...actorIds],
    relationIds,
  };
}
