// Edits to a graph, as data: every change the editor makes is one of these
// operations, applied by a pure function that also returns its inverse. Undo,
// redo and autosave are built on them, and they are plain JSON, so that the
// same log can later be sent to a shared server.

import type { Actor, ActorKind, EvidenceItem, Graph, Position, Relation, RelationType, Source } from './graph.ts';
import { GRAPH_LIMITS } from './limits.ts';
import { quoteValue, shortened } from './problems.ts';

/** The actor or relation an evidence item belongs to. */
export interface EvidenceOwner {
  kind: 'actor' | 'relation';
  id: string;
}

export type EditOperation =
  /** Title and description of the graph (description null: none). */
  | { op: 'set-meta'; title: string; description: string | null }
  /** `at`: index in the list (the end when omitted); inverses use it to put an item back where it was. */
  | { op: 'add-actor-kind'; kind: ActorKind; at?: number }
  | { op: 'update-actor-kind'; kind: ActorKind }
  | { op: 'remove-actor-kind'; id: string }
  | { op: 'add-relation-type'; type: RelationType; at?: number }
  | { op: 'update-relation-type'; type: RelationType }
  | { op: 'remove-relation-type'; id: string }
  | { op: 'add-source'; source: Source; at?: number }
  | { op: 'update-source'; source: Source }
  | { op: 'remove-source'; id: string }
  | { op: 'add-actor'; actor: Actor; at?: number }
  /** Replaces the actor with the same id, evidence included (ids never change). */
  | { op: 'update-actor'; actor: Actor }
  /**
   * Removes the actor and everything that cannot stand without it: its
   * relations, the `answers` entries naming those relations, the `claimant`
   * fields naming the actor, and its saved position.
   */
  | { op: 'remove-actor'; id: string }
  | { op: 'add-relation'; relation: Relation; at?: number }
  | { op: 'update-relation'; relation: Relation }
  /** Removes the relation and the `answers` entries that name it. */
  | { op: 'remove-relation'; id: string }
  | { op: 'add-evidence'; owner: EvidenceOwner; item: EvidenceItem; at?: number }
  | { op: 'update-evidence'; owner: EvidenceOwner; index: number; item: EvidenceItem }
  | { op: 'remove-evidence'; owner: EvidenceOwner; index: number }
  /** Saved positions of actors (the file's `layout` block); null removes an actor's position. */
  | { op: 'set-positions'; positions: Record<string, Position | null> }
  /** Several operations as one edit: undone and redone together. */
  | { op: 'batch'; label: string; operations: EditOperation[] };

/** The graph after an operation, and the operation that undoes it; or why it cannot be applied. */
export type EditResult = { ok: true; graph: Graph; inverse: EditOperation } | { ok: false; reason: string };

// ---------------------------------------------------------------------------
// Applying an operation
//
// Every function here returns new objects and shares what it does not change;
// nothing is mutated. Refusals say, in words an analyst reads, why the edit
// cannot be made. The full validator is not run here: the app validates the
// saved text, and these checks keep only the references an edit could break.

type OperationOf<Name extends EditOperation['op']> = Extract<EditOperation, { op: Name }>;
type Refusal = { ok: false; reason: string };

/** Saved coordinates lie within ± this (graph/schema.json's `coordinate`). */
const COORDINATE_LIMIT = GRAPH_LIMITS.coordinate;

const refuse = (reason: string): Refusal => ({ ok: false, reason });
const applied = (graph: Graph, inverse: EditOperation): EditResult => ({ ok: true, graph, inverse });

/** Applies `op` to `graph`, giving the new graph and the operation that undoes it, or why it cannot be applied. */
export function applyEdit(graph: Graph, op: EditOperation): EditResult {
  switch (op.op) {
    case 'set-meta':
      return setMeta(graph, op);
    case 'add-actor-kind':
      return addActorKind(graph, op);
    case 'update-actor-kind':
      return updateActorKind(graph, op);
    case 'remove-actor-kind':
      return removeActorKind(graph, op);
    case 'add-relation-type':
      return addRelationType(graph, op);
    case 'update-relation-type':
      return updateRelationType(graph, op);
    case 'remove-relation-type':
      return removeRelationType(graph, op);
    case 'add-source':
      return addSource(graph, op);
    case 'update-source':
      return updateSource(graph, op);
    case 'remove-source':
      return removeSource(graph, op);
    case 'add-actor':
      return addActor(graph, op);
    case 'update-actor':
      return updateActor(graph, op);
    case 'remove-actor':
      return removeActor(graph, op);
    case 'add-relation':
      return addRelation(graph, op);
    case 'update-relation':
      return updateRelation(graph, op);
    case 'remove-relation':
      return removeRelation(graph, op);
    case 'add-evidence':
      return addEvidence(graph, op);
    case 'update-evidence':
      return updateEvidence(graph, op);
    case 'remove-evidence':
      return removeEvidence(graph, op);
    case 'set-positions':
      return setPositions(graph, op);
    case 'batch':
      return applyBatch(graph, op);
  }
  // Unreachable by the types; an edit read from JSON (a draft, a shared log) may still be of no known kind.
  return refuse(`The explorer does not know the edit ${quoteValue((op as { op?: unknown }).op)}`);
}

/** Every actor and relation id: a new actor or relation needs one that is not among them. */
export function takenIds(graph: Graph): Set<string> {
  return new Set([...graph.actors.map((actor) => actor.id), ...graph.relations.map((relation) => relation.id)]);
}

// ---------------------------------------------------------------------------
// Lists

const indexById = (list: readonly { id: string }[], id: string) => list.findIndex((item) => item.id === id);

function inserted<T>(list: readonly T[], item: T, at: number): T[] {
  return [...list.slice(0, at), item, ...list.slice(at)];
}

function replaced<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, existingIndex) => (existingIndex === index ? item : existing));
}

function removed<T>(list: readonly T[], index: number): T[] {
  return [...list.slice(0, index), ...list.slice(index + 1)];
}

/** Where an added item goes: `at`, or the end; undefined when `at` is not a place in the list. */
function placeFor(at: number | undefined, length: number): number | undefined {
  if (at === undefined) return length;
  return Number.isInteger(at) && at >= 0 && at <= length ? at : undefined;
}

const noPlace = (at: number | undefined, length: number, what: string) =>
  `Cannot put the ${what} at place ${String(at)}: the list has ${length} ${length === 1 ? 'item' : 'items'}`;

/** “Text”, shortened for a sentence. */
export function quoted(text: string): string {
  return `“${shortened(text, 60)}”`;
}

function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------
// Title and description

function setMeta(graph: Graph, op: OperationOf<'set-meta'>): EditResult {
  const { description: _old, ...withoutDescription } = graph;
  const next: Graph =
    op.description === null
      ? { ...withoutDescription, title: op.title }
      : { ...graph, title: op.title, description: op.description };
  return applied(next, { op: 'set-meta', title: graph.title, description: graph.description ?? null });
}

// ---------------------------------------------------------------------------
// The vocabulary and the sources: lists of items with ids of their own

function addActorKind(graph: Graph, op: OperationOf<'add-actor-kind'>): EditResult {
  const { kind } = op;
  if (indexById(graph.actorKinds, kind.id) >= 0) return refuse(`There is already an actor kind ${quoted(kind.id)}`);
  const at = placeFor(op.at, graph.actorKinds.length);
  if (at === undefined) return refuse(noPlace(op.at, graph.actorKinds.length, 'actor kind'));
  return applied(
    { ...graph, actorKinds: inserted(graph.actorKinds, kind, at) },
    { op: 'remove-actor-kind', id: kind.id },
  );
}

function updateActorKind(graph: Graph, op: OperationOf<'update-actor-kind'>): EditResult {
  const index = indexById(graph.actorKinds, op.kind.id);
  const old = graph.actorKinds[index];
  if (old === undefined) return refuse(`There is no actor kind ${quoted(op.kind.id)}`);
  return applied(
    { ...graph, actorKinds: replaced(graph.actorKinds, index, op.kind) },
    { op: 'update-actor-kind', kind: old },
  );
}

function removeActorKind(graph: Graph, op: OperationOf<'remove-actor-kind'>): EditResult {
  const index = indexById(graph.actorKinds, op.id);
  const old = graph.actorKinds[index];
  if (old === undefined) return refuse(`There is no actor kind ${quoted(op.id)}`);
  const users = graph.actors.filter((actor) => actor.kind === op.id).length;
  if (users > 0) {
    const them = users === 1 ? 'it' : 'them';
    return refuse(
      `The actor kind ${quoted(old.label)} is used by ${counted(users, 'actor')}: give ${them} another kind first`,
    );
  }
  if (graph.actorKinds.length === 1) return refuse('A graph needs at least one actor kind: add another first');
  return applied(
    { ...graph, actorKinds: removed(graph.actorKinds, index) },
    { op: 'add-actor-kind', kind: old, at: index },
  );
}

function addRelationType(graph: Graph, op: OperationOf<'add-relation-type'>): EditResult {
  const { type } = op;
  if (indexById(graph.relationTypes, type.id) >= 0) {
    return refuse(`There is already a relation type ${quoted(type.id)}`);
  }
  const at = placeFor(op.at, graph.relationTypes.length);
  if (at === undefined) return refuse(noPlace(op.at, graph.relationTypes.length, 'relation type'));
  return applied(
    { ...graph, relationTypes: inserted(graph.relationTypes, type, at) },
    { op: 'remove-relation-type', id: type.id },
  );
}

function updateRelationType(graph: Graph, op: OperationOf<'update-relation-type'>): EditResult {
  const index = indexById(graph.relationTypes, op.type.id);
  const old = graph.relationTypes[index];
  if (old === undefined) return refuse(`There is no relation type ${quoted(op.type.id)}`);
  return applied(
    { ...graph, relationTypes: replaced(graph.relationTypes, index, op.type) },
    { op: 'update-relation-type', type: old },
  );
}

function removeRelationType(graph: Graph, op: OperationOf<'remove-relation-type'>): EditResult {
  const index = indexById(graph.relationTypes, op.id);
  const old = graph.relationTypes[index];
  if (old === undefined) return refuse(`There is no relation type ${quoted(op.id)}`);
  const users = graph.relations.filter((relation) => relation.type === op.id).length;
  if (users > 0) {
    const them = users === 1 ? 'it' : 'them';
    return refuse(
      `The relation type ${quoted(old.label)} is used by ${counted(users, 'relation')}: ` +
        `give ${them} another type first`,
    );
  }
  if (graph.relationTypes.length === 1) return refuse('A graph needs at least one relation type: add another first');
  return applied(
    { ...graph, relationTypes: removed(graph.relationTypes, index) },
    { op: 'add-relation-type', type: old, at: index },
  );
}

function addSource(graph: Graph, op: OperationOf<'add-source'>): EditResult {
  const { source } = op;
  if (indexById(graph.sources, source.id) >= 0) return refuse(`There is already a source ${quoted(source.id)}`);
  const at = placeFor(op.at, graph.sources.length);
  if (at === undefined) return refuse(noPlace(op.at, graph.sources.length, 'source'));
  return applied({ ...graph, sources: inserted(graph.sources, source, at) }, { op: 'remove-source', id: source.id });
}

function updateSource(graph: Graph, op: OperationOf<'update-source'>): EditResult {
  const index = indexById(graph.sources, op.source.id);
  const old = graph.sources[index];
  if (old === undefined) return refuse(`There is no source ${quoted(op.source.id)}`);
  return applied(
    { ...graph, sources: replaced(graph.sources, index, op.source) },
    { op: 'update-source', source: old },
  );
}

function removeSource(graph: Graph, op: OperationOf<'remove-source'>): EditResult {
  const index = indexById(graph.sources, op.id);
  const old = graph.sources[index];
  if (old === undefined) return refuse(`There is no source ${quoted(op.id)}`);
  let citations = 0;
  for (const owner of [...graph.actors, ...graph.relations]) {
    for (const item of owner.evidence) if (item.source === op.id) citations++;
  }
  if (citations > 0) {
    const them = citations === 1 ? 'it' : 'them';
    return refuse(
      `The source ${quoted(old.title)} is cited by ${counted(citations, 'evidence item')}: ` +
        `remove ${them} or cite another source first`,
    );
  }
  return applied({ ...graph, sources: removed(graph.sources, index) }, { op: 'add-source', source: old, at: index });
}

// ---------------------------------------------------------------------------
// Actors and relations: one set of ids, and evidence that cites sources

/** Why the evidence item cannot be in the graph, or undefined. `alsoActor`: an actor being added. */
function evidenceProblem(graph: Graph, item: EvidenceItem, alsoActor?: string): string | undefined {
  if (indexById(graph.sources, item.source) < 0) return `There is no source ${quoted(item.source)} to cite`;
  const claimant = item.claimant;
  if (typeof claimant === 'string' && claimant !== alsoActor && indexById(graph.actors, claimant) < 0) {
    return `The claimant ${quoted(claimant)} is not an actor of the graph`;
  }
  return undefined;
}

function evidenceListProblem(graph: Graph, evidence: readonly EvidenceItem[], noun: string, alsoActor?: string) {
  if (evidence.length === 0) return `${noun === 'actor' ? 'An' : 'A'} ${noun} needs at least one evidence item`;
  for (const item of evidence) {
    const problem = evidenceProblem(graph, item, alsoActor);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function idTakenProblem(graph: Graph, id: string): string | undefined {
  if (indexById(graph.actors, id) >= 0) return `There is already an actor with the id ${quoted(id)}`;
  if (indexById(graph.relations, id) >= 0) {
    return `There is already a relation with the id ${quoted(id)} (actors and relations share one set of ids)`;
  }
  return undefined;
}

function actorProblem(graph: Graph, actor: Actor): string | undefined {
  if (indexById(graph.actorKinds, actor.kind) < 0) return `There is no actor kind ${quoted(actor.kind)}`;
  return evidenceListProblem(graph, actor.evidence, 'actor', actor.id);
}

function relationProblem(graph: Graph, relation: Relation): string | undefined {
  if (relation.evidence.length === 0) return 'A relation needs at least one evidence item';
  if (indexById(graph.relationTypes, relation.type) < 0) return `There is no relation type ${quoted(relation.type)}`;
  if (indexById(graph.actors, relation.from) < 0) return `There is no actor ${quoted(relation.from)} to link from`;
  if (indexById(graph.actors, relation.to) < 0) return `There is no actor ${quoted(relation.to)} to link to`;
  for (const answered of relation.answers ?? []) {
    if (answered === relation.id) return 'A relation cannot answer itself';
    if (indexById(graph.relations, answered) < 0) {
      return `There is no relation ${quoted(answered)} for this one to answer`;
    }
  }
  return evidenceListProblem(graph, relation.evidence, 'relation');
}

function addActor(graph: Graph, op: OperationOf<'add-actor'>): EditResult {
  const { actor } = op;
  const problem = idTakenProblem(graph, actor.id) ?? actorProblem(graph, actor);
  if (problem !== undefined) return refuse(problem);
  const at = placeFor(op.at, graph.actors.length);
  if (at === undefined) return refuse(noPlace(op.at, graph.actors.length, 'actor'));
  return applied({ ...graph, actors: inserted(graph.actors, actor, at) }, { op: 'remove-actor', id: actor.id });
}

function updateActor(graph: Graph, op: OperationOf<'update-actor'>): EditResult {
  const index = indexById(graph.actors, op.actor.id);
  const old = graph.actors[index];
  if (old === undefined) return refuse(`There is no actor ${quoted(op.actor.id)}`);
  const problem = actorProblem(graph, op.actor);
  if (problem !== undefined) return refuse(problem);
  return applied({ ...graph, actors: replaced(graph.actors, index, op.actor) }, { op: 'update-actor', actor: old });
}

function addRelation(graph: Graph, op: OperationOf<'add-relation'>): EditResult {
  const { relation } = op;
  const problem = idTakenProblem(graph, relation.id) ?? relationProblem(graph, relation);
  if (problem !== undefined) return refuse(problem);
  const at = placeFor(op.at, graph.relations.length);
  if (at === undefined) return refuse(noPlace(op.at, graph.relations.length, 'relation'));
  return applied(
    { ...graph, relations: inserted(graph.relations, relation, at) },
    { op: 'remove-relation', id: relation.id },
  );
}

function updateRelation(graph: Graph, op: OperationOf<'update-relation'>): EditResult {
  const index = indexById(graph.relations, op.relation.id);
  const old = graph.relations[index];
  if (old === undefined) return refuse(`There is no relation ${quoted(op.relation.id)}`);
  const problem = relationProblem(graph, op.relation);
  if (problem !== undefined) return refuse(problem);
  return applied(
    { ...graph, relations: replaced(graph.relations, index, op.relation) },
    { op: 'update-relation', relation: old },
  );
}

/** The relation without the `answers` entries naming `gone`; without the key when none is left. */
function withoutAnswers(relation: Relation, gone: ReadonlySet<string>): Relation {
  const { answers, ...rest } = relation;
  const kept = (answers ?? []).filter((answered) => !gone.has(answered));
  return kept.length === 0 ? rest : { ...rest, answers: kept };
}

/** The evidence without the `claimant` fields naming `actorId` (the key removed); the same list when none does. */
function withoutClaimant(evidence: EvidenceItem[], actorId: string): EvidenceItem[] {
  if (!evidence.some((item) => item.claimant === actorId)) return evidence;
  return evidence.map((item) => {
    if (item.claimant !== actorId) return item;
    const { claimant: _claimant, ...rest } = item;
    return rest;
  });
}

const names = (relation: Relation, gone: ReadonlySet<string>) =>
  (relation.answers ?? []).some((answered) => gone.has(answered));

/**
 * Removes the relation; when other relations answer it, first takes it out of
 * their `answers`, all as one batch.
 */
function removeRelation(graph: Graph, op: OperationOf<'remove-relation'>): EditResult {
  const index = indexById(graph.relations, op.id);
  const old = graph.relations[index];
  if (old === undefined) return refuse(`There is no relation ${quoted(op.id)}`);
  const gone = new Set([op.id]);
  const answering = graph.relations.filter((relation) => names(relation, gone));
  if (answering.length === 0) {
    return applied(
      { ...graph, relations: removed(graph.relations, index) },
      { op: 'add-relation', relation: old, at: index },
    );
  }
  const operations: EditOperation[] = [
    ...answering.map(
      (relation): EditOperation => ({ op: 'update-relation', relation: withoutAnswers(relation, gone) }),
    ),
    op,
  ];
  return applyBatch(graph, { op: 'batch', label: describeEdit(op, graph), operations });
}

/**
 * Removes the actor. When anything refers to it, that goes first, in one batch:
 * the `answers` entries naming its relations, the `claimant` fields naming it in
 * other actors' and relations' evidence, its relations, its saved position.
 */
function removeActor(graph: Graph, op: OperationOf<'remove-actor'>): EditResult {
  const index = indexById(graph.actors, op.id);
  const old = graph.actors[index];
  if (old === undefined) return refuse(`There is no actor ${quoted(op.id)}`);
  const id = op.id;
  const goneRelations = graph.relations.filter((relation) => relation.from === id || relation.to === id);
  const gone = new Set(goneRelations.map((relation) => relation.id));
  const updates: EditOperation[] = [];
  for (const actor of graph.actors) {
    if (actor.id === id) continue;
    const evidence = withoutClaimant(actor.evidence, id);
    if (evidence !== actor.evidence) updates.push({ op: 'update-actor', actor: { ...actor, evidence } });
  }
  for (const relation of graph.relations) {
    // A relation that goes keeps its claimants; its answers go too, so that removing it takes nothing else.
    const evidence = gone.has(relation.id) ? relation.evidence : withoutClaimant(relation.evidence, id);
    if (evidence === relation.evidence && !names(relation, gone)) continue;
    updates.push({ op: 'update-relation', relation: { ...withoutAnswers(relation, gone), evidence } });
  }
  const hasPosition = graph.layout !== undefined && Object.hasOwn(graph.layout.positions, id);
  if (updates.length === 0 && gone.size === 0 && !hasPosition) {
    return applied({ ...graph, actors: removed(graph.actors, index) }, { op: 'add-actor', actor: old, at: index });
  }
  const operations: EditOperation[] = [
    ...updates,
    ...goneRelations.map((relation): EditOperation => ({ op: 'remove-relation', id: relation.id })),
    ...(hasPosition ? [{ op: 'set-positions', positions: { [id]: null } } as const] : []),
    op,
  ];
  return applyBatch(graph, { op: 'batch', label: describeEdit(op, graph), operations });
}

// ---------------------------------------------------------------------------
// Evidence

function ownerIn(graph: Graph, owner: EvidenceOwner): { index: number; item: Actor | Relation } | string {
  const list: readonly (Actor | Relation)[] = owner.kind === 'actor' ? graph.actors : graph.relations;
  const index = indexById(list, owner.id);
  const item = list[index];
  if (item === undefined) return `There is no ${owner.kind} ${quoted(owner.id)}`;
  return { index, item };
}

/** The graph with the owner's evidence replaced. */
function withEvidence(graph: Graph, owner: EvidenceOwner, index: number, evidence: EvidenceItem[]): Graph {
  if (owner.kind === 'actor') {
    const actor = graph.actors[index] as Actor;
    return { ...graph, actors: replaced(graph.actors, index, { ...actor, evidence }) };
  }
  const relation = graph.relations[index] as Relation;
  return { ...graph, relations: replaced(graph.relations, index, { ...relation, evidence }) };
}

function ownerName(owner: EvidenceOwner, item: Actor | Relation): string {
  return owner.kind === 'actor' && 'label' in item ? `the actor ${quoted(item.label)}` : `the relation ${item.id}`;
}

function noItem(owner: EvidenceOwner, item: Actor | Relation, index: number): string {
  const count = item.evidence.length;
  return `${capitalised(ownerName(owner, item))} has no evidence item ${String(index + 1)} (it has ${count})`;
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const isIndexIn = (index: number, list: readonly unknown[]) =>
  Number.isInteger(index) && index >= 0 && index < list.length;

function addEvidence(graph: Graph, op: OperationOf<'add-evidence'>): EditResult {
  const found = ownerIn(graph, op.owner);
  if (typeof found === 'string') return refuse(found);
  const problem = evidenceProblem(graph, op.item);
  if (problem !== undefined) return refuse(problem);
  const evidence = found.item.evidence;
  const at = placeFor(op.at, evidence.length);
  if (at === undefined) return refuse(noPlace(op.at, evidence.length, 'evidence item'));
  return applied(withEvidence(graph, op.owner, found.index, inserted(evidence, op.item, at)), {
    op: 'remove-evidence',
    owner: op.owner,
    index: at,
  });
}

function updateEvidence(graph: Graph, op: OperationOf<'update-evidence'>): EditResult {
  const found = ownerIn(graph, op.owner);
  if (typeof found === 'string') return refuse(found);
  const evidence = found.item.evidence;
  const old = evidence[op.index];
  if (old === undefined || !isIndexIn(op.index, evidence)) return refuse(noItem(op.owner, found.item, op.index));
  const problem = evidenceProblem(graph, op.item);
  if (problem !== undefined) return refuse(problem);
  return applied(withEvidence(graph, op.owner, found.index, replaced(evidence, op.index, op.item)), {
    op: 'update-evidence',
    owner: op.owner,
    index: op.index,
    item: old,
  });
}

function removeEvidence(graph: Graph, op: OperationOf<'remove-evidence'>): EditResult {
  const found = ownerIn(graph, op.owner);
  if (typeof found === 'string') return refuse(found);
  const evidence = found.item.evidence;
  const old = evidence[op.index];
  if (old === undefined || !isIndexIn(op.index, evidence)) return refuse(noItem(op.owner, found.item, op.index));
  if (evidence.length === 1) {
    const article = op.owner.kind === 'actor' ? 'an' : 'a';
    return refuse(
      `This is the last evidence item of ${ownerName(op.owner, found.item)}: ` +
        `${article} ${op.owner.kind} needs at least one, so add another first`,
    );
  }
  return applied(withEvidence(graph, op.owner, found.index, removed(evidence, op.index)), {
    op: 'add-evidence',
    owner: op.owner,
    item: old,
    at: op.index,
  });
}

// ---------------------------------------------------------------------------
// Saved positions

const isCoordinate = (value: number) => Number.isFinite(value) && Math.abs(value) <= COORDINATE_LIMIT;

function setPositions(graph: Graph, op: OperationOf<'set-positions'>): EditResult {
  const before = graph.layout?.positions ?? {};
  const changes = Object.entries(op.positions);
  for (const [id, position] of changes) {
    if (position === null) continue;
    if (indexById(graph.actors, id) < 0) return refuse(`There is no actor ${quoted(id)} to place`);
    if (!isCoordinate(position.x) || !isCoordinate(position.y)) {
      return refuse(`A position needs numbers between -10,000,000 and 10,000,000, not ${position.x}, ${position.y}`);
    }
  }
  const inverse = Object.fromEntries(
    changes.map(([id]) => [id, Object.hasOwn(before, id) ? (before[id] as Position) : null]),
  );
  const changed = new Map(changes);
  // Entries, not assignments, so that the order of the others is kept and no id can reach a prototype.
  const kept = Object.entries(before)
    .filter(([id]) => changed.get(id) !== null)
    .map(([id, position]): [string, Position] => [id, changed.get(id) ?? position]);
  const added = changes.filter(
    (entry): entry is [string, Position] => entry[1] !== null && !Object.hasOwn(before, entry[0]),
  );
  const positions = Object.fromEntries([...kept, ...added]);
  const { layout, ...withoutLayout } = graph;
  // The last position gone takes the layout block with it: a file without one stays without one.
  const next: Graph = kept.length + added.length === 0 ? withoutLayout : { ...graph, layout: { ...layout, positions } };
  return applied(next, { op: 'set-positions', positions: inverse });
}

// ---------------------------------------------------------------------------
// Several operations as one

function applyBatch(graph: Graph, op: OperationOf<'batch'>): EditResult {
  let current = graph;
  const inverses: EditOperation[] = [];
  for (const step of op.operations) {
    const result = applyEdit(current, step);
    if (!result.ok) return result;
    current = result.graph;
    inverses.push(result.inverse);
  }
  return applied(current, { op: 'batch', label: op.label, operations: inverses.reverse() });
}

// ---------------------------------------------------------------------------
// Words for the undo button

/**
 * What the operation does, for the undo and redo buttons: "Add actor “Ali”",
 * "Remove relation ali-met-bea", "Move 3 actors". `graph` is the graph before the
 * operation, where removals find the label of what they remove.
 */
export function describeEdit(op: EditOperation, graph: Graph): string {
  const labelOf = (list: readonly { id: string; label: string }[], id: string) =>
    quoted(list.find((item) => item.id === id)?.label ?? id);
  switch (op.op) {
    case 'set-meta': {
      const titleChanged = op.title !== graph.title;
      const descriptionChanged = (op.description ?? undefined) !== graph.description;
      if (titleChanged && !descriptionChanged) return `Rename the graph ${quoted(op.title)}`;
      if (descriptionChanged && !titleChanged) return 'Edit the graph’s description';
      return 'Edit the graph’s title and description';
    }
    case 'add-actor-kind':
      return `Add actor kind ${quoted(op.kind.label)}`;
    case 'update-actor-kind':
      return `Edit actor kind ${quoted(op.kind.label)}`;
    case 'remove-actor-kind':
      return `Remove actor kind ${labelOf(graph.actorKinds, op.id)}`;
    case 'add-relation-type':
      return `Add relation type ${quoted(op.type.label)}`;
    case 'update-relation-type':
      return `Edit relation type ${quoted(op.type.label)}`;
    case 'remove-relation-type':
      return `Remove relation type ${labelOf(graph.relationTypes, op.id)}`;
    case 'add-source':
      return `Add source ${quoted(op.source.title)}`;
    case 'update-source':
      return `Edit source ${quoted(op.source.title)}`;
    case 'remove-source':
      return `Remove source ${quoted(graph.sources.find((source) => source.id === op.id)?.title ?? op.id)}`;
    case 'add-actor':
      return `Add actor ${quoted(op.actor.label)}`;
    case 'update-actor':
      return `Edit actor ${quoted(op.actor.label)}`;
    case 'remove-actor':
      return `Remove actor ${labelOf(graph.actors, op.id)}`;
    case 'add-relation':
      return `Add relation ${op.relation.id}`;
    case 'update-relation':
      return `Edit relation ${op.relation.id}`;
    case 'remove-relation':
      return `Remove relation ${op.id}`;
    case 'add-evidence':
      return `Add evidence to ${evidenceOwnerWords(op.owner, graph)}`;
    case 'update-evidence':
      return `Edit evidence of ${evidenceOwnerWords(op.owner, graph)}`;
    case 'remove-evidence':
      return `Remove evidence from ${evidenceOwnerWords(op.owner, graph)}`;
    case 'set-positions':
      return positionWords(op.positions, graph);
    case 'batch':
      return op.label;
  }
  return 'Edit';
}

function evidenceOwnerWords(owner: EvidenceOwner, graph: Graph): string {
  if (owner.kind === 'relation') return owner.id;
  return quoted(graph.actors.find((actor) => actor.id === owner.id)?.label ?? owner.id);
}

function positionWords(positions: Record<string, Position | null>, graph: Graph): string {
  const entries = Object.entries(positions);
  const [first] = entries;
  const name = first ? quoted(graph.actors.find((actor) => actor.id === first[0])?.label ?? first[0]) : '';
  if (entries.length > 0 && entries.every(([, position]) => position === null)) {
    return entries.length === 1 ? `Forget the position of ${name}` : `Forget the positions of ${entries.length} actors`;
  }
  return entries.length === 1 ? `Move ${name}` : `Move ${counted(entries.length, 'actor')}`;
}
