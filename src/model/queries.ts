// Questions the evidence panel asks of the graph. Pure.

import { type Corroboration, corroborationOf } from './corroboration.ts';
import type { Actor, EvidenceItem, Graph, Relation, RelationType, Source } from './graph.ts';

export type Direction = 'outgoing' | 'incoming' | 'undirected';

export interface RelationGroup {
  /** "accused", "accused by", "met" */
  heading: string;
  type: RelationType;
  direction: Direction;
  /** Each relation with the actor at its other end. */
  entries: { relation: Relation; other: Actor }[];
}

export interface GraphIndex {
  actorById: Map<string, Actor>;
  relationById: Map<string, Relation>;
  typeById: Map<string, RelationType>;
  sourceById: Map<string, Source>;
  kindLabelById: Map<string, string>;
  /** Every relation an actor takes part in (either end), in file order; a self-relation once. */
  relationsByActor: Map<string, Relation[]>;
  /** How well each relation is corroborated, over all its evidence. */
  corroborationById: Map<string, Corroboration>;
}

const NO_RELATIONS: readonly Relation[] = Object.freeze([]);

export function indexGraph(graph: Graph): GraphIndex {
  const relationsByActor = new Map<string, Relation[]>(graph.actors.map((actor) => [actor.id, []]));
  for (const relation of graph.relations) {
    relationsByActor.get(relation.from)?.push(relation);
    if (relation.to !== relation.from) relationsByActor.get(relation.to)?.push(relation);
  }
  const sourceById = new Map(graph.sources.map((s) => [s.id, s]));
  return {
    actorById: new Map(graph.actors.map((a) => [a.id, a])),
    relationById: new Map(graph.relations.map((r) => [r.id, r])),
    typeById: new Map(graph.relationTypes.map((t) => [t.id, t])),
    sourceById,
    kindLabelById: new Map(graph.actorKinds.map((k) => [k.id, k.label])),
    relationsByActor,
    corroborationById: new Map(graph.relations.map((r) => [r.id, corroborationOf(r.evidence, sourceById)])),
  };
}

/** The relations an actor takes part in, from the index (no scan of the graph). */
export function relationsOf(index: GraphIndex, actorId: string): readonly Relation[] {
  return index.relationsByActor.get(actorId) ?? NO_RELATIONS;
}

export function inverseLabel(type: RelationType): string {
  return type.inverseLabel ?? `${type.label} (by)`;
}

/** The actor's relations grouped by type and direction, in the file's type order. */
export function relationGroupsOf(graph: Graph, index: GraphIndex, actorId: string): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  for (const relation of relationsOf(index, actorId)) {
    const type = index.typeById.get(relation.type);
    if (!type) continue;
    const outgoing = relation.from === actorId;
    const direction: Direction = !type.directed ? 'undirected' : outgoing ? 'outgoing' : 'incoming';
    const other = index.actorById.get(outgoing ? relation.to : relation.from);
    if (!other) continue;
    const key = `${type.id}:${direction}`;
    let group = groups.get(key);
    if (!group) {
      const heading = direction === 'incoming' ? inverseLabel(type) : type.label;
      group = { heading, type, direction, entries: [] };
      groups.set(key, group);
    }
    group.entries.push({ relation, other });
  }
  const typeOrder = new Map(graph.relationTypes.map((t, i) => [t.id, i]));
  const directionOrder: Record<Direction, number> = { outgoing: 0, undirected: 1, incoming: 2 };
  return [...groups.values()].sort(
    (a, b) =>
      (typeOrder.get(a.type.id) ?? 0) - (typeOrder.get(b.type.id) ?? 0) ||
      directionOrder[a.direction] - directionOrder[b.direction],
  );
}

/** "Kataib Hezbollah accused Mustafa al-Kadhimi" */
export function relationSentence(index: GraphIndex, relation: Relation): string {
  const from = index.actorById.get(relation.from)?.label ?? relation.from;
  const to = index.actorById.get(relation.to)?.label ?? relation.to;
  const label = index.typeById.get(relation.type)?.label ?? relation.type;
  return `${from} ${label} ${to}`;
}

/**
 * Sources cited by the evidence of the given actors and relations, in file
 * order; with `keep`, only by the evidence items it keeps (those that pass
 * the filters: a source filtered out is not cited by what is shown).
 */
export function citedSources(
  graph: Graph,
  actorIds: ReadonlySet<string>,
  relationIds: ReadonlySet<string>,
  keep: (item: EvidenceItem) => boolean = () => true,
): Source[] {
  const cited = new Set<string>();
  const cite = (evidence: readonly EvidenceItem[]) => {
    for (const item of evidence) if (keep(item)) cited.add(item.source);
  };
  for (const actor of graph.actors) if (actorIds.has(actor.id)) cite(actor.evidence);
  for (const relation of graph.relations) if (relationIds.has(relation.id)) cite(relation.evidence);
  return graph.sources.filter((source) => cited.has(source.id));
}

/** "International South Connect, “What Led ...”, no author, no date (reliability F)" */
export function sourceCitation(source: Source): string {
  const author = source.author ?? 'no author named';
  const date = source.published ?? 'undated';
  return `${source.publisher}, “${source.title}”, ${author}, ${date} (reliability ${source.reliability})`;
}

/** Only http(s) links are ever rendered as links. */
export function safeHttpUrl(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
