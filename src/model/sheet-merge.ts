// Merge by id: sheets imported into an open graph. A row with a known id
// replaces that item (its evidence too when evidence rows name it, else the
// item keeps its evidence), a new id adds an item, and nothing is removed
// unless asked. Kinds, types and sources that rows name but neither the graph
// nor the sheets define are reported as missing, and created (with a plain
// label made from the id) only when the analyst asks for them.
//
// The merge is one batch of the editor's operations, so one import is one
// undoable edit, and the editor's checks apply to it.

import { applyEdit, type EditOperation } from './edit.ts';
import type { Actor, ActorKind, Graph, Relation, RelationType, Source } from './graph.ts';
import type { ImportedItems } from './sheets.ts';

export interface MergeOptions {
  /** Remove actors and relations of the graph that the imported actors or relations sheet does not list. */
  deleteMissing?: boolean;
  /** Missing kinds, types and sources to create. */
  create?: { kinds?: readonly string[]; types?: readonly string[]; sources?: readonly string[] };
}

export interface MergeReport {
  /** Ids of items added, changed, left as they were, and removed (kinds, types, sources, actors, relations). */
  added: string[];
  changed: string[];
  unchanged: string[];
  deleted: string[];
  /** Named by rows, defined nowhere, and not created. */
  missing: { kinds: string[]; types: string[]; sources: string[] };
  /** Created because the analyst asked. */
  created: { kinds: string[]; types: string[]; sources: string[] };
}

export type MergeResult =
  | { ok: true; graph: Graph; operation: EditOperation; report: MergeReport }
  /** Nothing applied: why (a missing kind, type or source not created, or an edit the editor refuses). */
  | { ok: false; reason: string; report: MergeReport };

/** "armed-group" -> "Armed group". */
export function labelFromId(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A type the analyst asked to create: directed, to be defined. */
function createdType(id: string): RelationType {
  return {
    id,
    label: id.replace(/-/g, ' '),
    definition: 'Created by a spreadsheet import; to be defined.',
    directed: true,
  };
}

function createdSource(id: string): Source {
  return { id, title: labelFromId(id), publisher: labelFromId(id), author: null, published: null, reliability: 'F' };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The items as they go into the graph, and the operations, in an order the editor accepts. */
export function mergeImport(base: Graph, incoming: ImportedItems | Graph, options: MergeOptions = {}): MergeResult {
  const items: ImportedItems = incoming;
  const report: MergeReport = {
    added: [],
    changed: [],
    unchanged: [],
    deleted: [],
    missing: { kinds: [], types: [], sources: [] },
    created: { kinds: [], types: [], sources: [] },
  };
  const operations: EditOperation[] = [];

  // What rows name and nothing defines.
  const defined = {
    kinds: new Set([...base.actorKinds, ...(items.actorKinds ?? [])].map((kind) => kind.id)),
    types: new Set([...base.relationTypes, ...(items.relationTypes ?? [])].map((type) => type.id)),
    sources: new Set([...base.sources, ...(items.sources ?? [])].map((source) => source.id)),
  };
  const named = {
    kinds: (items.actors ?? []).map((actor) => actor.kind),
    types: (items.relations ?? []).map((relation) => relation.type),
    sources: [...(items.actors ?? []), ...(items.relations ?? [])].flatMap((item) =>
      item.evidence.map((evidence) => evidence.source),
    ),
  };
  const created = { kinds: [] as ActorKind[], types: [] as RelationType[], sources: [] as Source[] };
  for (const what of ['kinds', 'types', 'sources'] as const) {
    for (const id of new Set(named[what])) {
      if (defined[what].has(id)) continue;
      if (!options.create?.[what]?.includes(id)) {
        report.missing[what].push(id);
        continue;
      }
      report.created[what].push(id);
      if (what === 'kinds') created.kinds.push({ id, label: labelFromId(id) });
      if (what === 'types') created.types.push(createdType(id));
      if (what === 'sources') created.sources.push(createdSource(id));
    }
  }

  /** Adds or updates each item of a list, recording it in the report. */
  const mergeList = <T extends { id: string }>(
    existing: readonly T[],
    imported: readonly T[] | undefined,
    add: (item: T) => EditOperation,
    update: (item: T) => EditOperation,
    complete: (item: T, before: T | undefined) => T = (item) => item,
  ) => {
    const byId = new Map(existing.map((item) => [item.id, item]));
    for (const raw of imported ?? []) {
      const before = byId.get(raw.id);
      const item = complete(raw, before);
      if (!before) {
        operations.push(add(item));
        report.added.push(item.id);
      } else if (same(before, item)) report.unchanged.push(item.id);
      else {
        operations.push(update(item));
        report.changed.push(item.id);
      }
    }
  };
  const keepEvidence = <T extends Actor | Relation>(item: T, before: T | undefined): T =>
    item.evidence.length === 0 && before ? { ...item, evidence: before.evidence } : item;

  for (const kind of created.kinds) operations.push({ op: 'add-actor-kind', kind });
  for (const type of created.types) operations.push({ op: 'add-relation-type', type });
  for (const source of created.sources) operations.push({ op: 'add-source', source });
  mergeList(
    base.actorKinds,
    items.actorKinds,
    (kind) => ({ op: 'add-actor-kind', kind }),
    (kind) => ({ op: 'update-actor-kind', kind }),
  );
  mergeList(
    base.relationTypes,
    items.relationTypes,
    (type) => ({ op: 'add-relation-type', type }),
    (type) => ({ op: 'update-relation-type', type }),
  );
  mergeList(
    base.sources,
    items.sources,
    (source) => ({ op: 'add-source', source }),
    (source) => ({ op: 'update-source', source }),
  );
  mergeList(
    base.actors,
    items.actors,
    (actor) => ({ op: 'add-actor', actor }),
    (actor) => ({ op: 'update-actor', actor }),
    keepEvidence,
  );
  // New relations go in without their answers, which may name relations added after them; then get them.
  const answersLater: Relation[] = [];
  mergeList(
    base.relations,
    items.relations,
    (relation) => {
      if (relation.answers === undefined) return { op: 'add-relation', relation };
      answersLater.push(relation);
      const { answers: _later, ...withoutAnswers } = relation;
      return { op: 'add-relation', relation: withoutAnswers };
    },
    (relation) => ({ op: 'update-relation', relation }),
    keepEvidence,
  );
  for (const relation of answersLater) operations.push({ op: 'update-relation', relation });

  if (options.deleteMissing) {
    if (items.relations) {
      const listed = new Set(items.relations.map((relation) => relation.id));
      for (const relation of base.relations) {
        if (listed.has(relation.id)) continue;
        operations.push({ op: 'remove-relation', id: relation.id });
        report.deleted.push(relation.id);
      }
    }
    if (items.actors) {
      const listed = new Set(items.actors.map((actor) => actor.id));
      for (const actor of base.actors) {
        if (listed.has(actor.id)) continue;
        operations.push({ op: 'remove-actor', id: actor.id });
        report.deleted.push(actor.id);
        // Its relations go with it: the report names them too.
        for (const relation of base.relations) {
          const touches = relation.from === actor.id || relation.to === actor.id;
          if (touches && !report.deleted.includes(relation.id)) report.deleted.push(relation.id);
        }
      }
    }
  }
  if (items.positions && Object.keys(items.positions).length > 0) {
    operations.push({ op: 'set-positions', positions: items.positions });
  }

  const missing = [...report.missing.kinds, ...report.missing.types, ...report.missing.sources];
  if (missing.length > 0) {
    const reason = `The sheets name ${missing.map((id) => `“${id}”`).join(', ')}, which the graph does not define`;
    return { ok: false, reason: `${reason}; create them or correct the sheets`, report };
  }
  const operation: EditOperation = { op: 'batch', label: 'Import spreadsheet', operations };
  const result = applyEdit(base, operation);
  if (!result.ok) return { ok: false, reason: result.reason, report };
  return { ok: true, graph: result.graph, operation, report };
}
