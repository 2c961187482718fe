// Edits to a graph, as data: every change the editor makes is one of these
// operations, applied by a pure function that also returns its inverse. Undo,
// redo and autosave are built on them, and they are plain JSON, so that the
// same log can later be sent to a shared server.

import type { Actor, ActorKind, EvidenceItem, Graph, Position, Relation, RelationType, Source } from './graph.ts';

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
