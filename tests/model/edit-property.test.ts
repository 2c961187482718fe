// Random sequences of edits of every kind, on a small graph and on the shipped
// one: each edit is undone exactly by its inverse (and redone by the inverse's
// inverse), changes nothing it was given, and leaves a graph that saves and opens
// again without errors. Fixed seeds; about a second in all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, type EditOperation, takenIds } from '../../src/model/edit.ts';
import type { Credibility, EvidenceItem, Graph, Reliability } from '../../src/model/graph.ts';
import { graphToJson } from '../../src/model/graph-json.ts';
import { relationId, slugFromLabel, uniqueId } from '../../src/model/slug.ts';
import { parseGraph } from '../../src/model/validate.ts';
import { deepFrozen, EDIT_GRAPH } from './edit-graphs.ts';
import { loadShippedGraph } from './shipped.ts';

const SEED = 20261201;

const KINDS = [
  'set-meta',
  'add-actor-kind',
  'update-actor-kind',
  'remove-actor-kind',
  'add-relation-type',
  'update-relation-type',
  'remove-relation-type',
  'add-source',
  'update-source',
  'remove-source',
  'add-actor',
  'update-actor',
  'remove-actor',
  'add-relation',
  'update-relation',
  'remove-relation',
  'add-evidence',
  'update-evidence',
  'remove-evidence',
  'set-positions',
  'batch',
] as const satisfies readonly EditOperation['op'][];

/** The random choices one edit is made from; `operationFor` turns them into an edit that fits the graph. */
interface Choice {
  kind: (typeof KINDS)[number];
  picks: number[];
  text: string;
  flag: boolean;
  x: number;
  y: number;
}

/** Labels as analysts type them: Latin with marks, Arabic script, punctuation, control characters. */
const label = fc.oneof(
  fc.constantFrom('Ali', 'Muqtada al-Ṣadr', 'مقتدى الصدر', 'Kata’ib Hezbollah', 'US State Dept.', 'Ali'),
  fc.string({ maxLength: 30 }).map((text) => `${text}x`),
);

const choice: fc.Arbitrary<Choice> = fc.record({
  kind: fc.constantFrom(...KINDS),
  picks: fc.array(fc.nat(10_000), { minLength: 6, maxLength: 6 }),
  text: label,
  flag: fc.boolean(),
  // Quarters, so that coordinates are not all whole; never -0, which a file cannot keep.
  x: fc.integer({ min: -40_000_000, max: 40_000_000 }).map((n) => n / 4),
  y: fc.integer({ min: -4_000, max: 4_000 }).map((n) => n / 4),
});

/** Picks from a list by a random number; undefined for an empty list. */
function pickFrom<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

const RELIABILITIES: Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const SHAPES = ['ellipse', 'octagon', 'star', 'round-tag'];
const FAMILIES = ['claim', 'opposition', 'violence', 'affiliation', 'procedure', 'contact', 'other'] as const;

/** An evidence item that cites a source of the graph, maybe with a claimant among its actors or null. */
function evidenceFor(graph: Graph, c: Choice, pick: number): EvidenceItem {
  const source = pickFrom(graph.sources, pick)?.id ?? 'none';
  const item: EvidenceItem = {
    source,
    quote: `${c.text} said so.`,
    attributedTo: 'a spokesman',
    credibility: ((pick % 6) + 1) as Credibility,
  };
  const claimant = pickFrom(graph.actors, pick >> 3)?.id;
  if (pick % 3 === 0 && claimant !== undefined) return { ...item, claimant };
  if (pick % 3 === 1) return { ...item, claimant: null, stance: 'contradicts', note: c.text };
  return item;
}

/**
 * An edit of the chosen kind that fits the graph: existing ids picked, new ids made
 * unique. It may still be refused (removing a kind in use, the last evidence item).
 */
function operationFor(graph: Graph, c: Choice): EditOperation {
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0] = c.picks;
  const kinds = graph.actorKinds;
  const types = graph.relationTypes;
  const actors = graph.actors;
  const relations = graph.relations;
  const owners = [
    ...actors.map((actor) => ({ kind: 'actor' as const, id: actor.id, evidence: actor.evidence })),
    ...relations.map((relation) => ({ kind: 'relation' as const, id: relation.id, evidence: relation.evidence })),
  ];
  const fallback: EditOperation = { op: 'set-meta', title: c.text, description: c.flag ? c.text : null };
  switch (c.kind) {
    case 'set-meta':
      return fallback;
    case 'add-actor-kind': {
      const id = uniqueId(slugFromLabel(c.text, 'kind'), new Set(kinds.map((kind) => kind.id)));
      const kind = c.flag
        ? { id, label: c.text, color: '#12ab9f', shape: pickFrom(SHAPES, p1) }
        : { id, label: c.text };
      return { op: 'add-actor-kind', kind, at: p0 % (kinds.length + 1) };
    }
    case 'update-actor-kind': {
      const kind = pickFrom(kinds, p0);
      return kind ? { op: 'update-actor-kind', kind: { ...kind, label: c.text } } : fallback;
    }
    case 'remove-actor-kind': {
      const unused = kinds.filter((kind) => !actors.some((actor) => actor.kind === kind.id));
      const kind = pickFrom(c.flag && unused.length > 0 ? unused : kinds, p0);
      return kind ? { op: 'remove-actor-kind', id: kind.id } : fallback;
    }
    case 'add-relation-type': {
      const id = uniqueId(slugFromLabel(c.text, 'type'), new Set(types.map((type) => type.id)));
      const type = { id, label: c.text, definition: `${c.text}.`, directed: c.flag, family: pickFrom(FAMILIES, p1) };
      return { op: 'add-relation-type', type, at: p0 % (types.length + 1) };
    }
    case 'update-relation-type': {
      const type = pickFrom(types, p0);
      return type
        ? { op: 'update-relation-type', type: { ...type, inverseLabel: c.text, directed: c.flag } }
        : fallback;
    }
    case 'remove-relation-type': {
      const unused = types.filter((type) => !relations.some((relation) => relation.type === type.id));
      const type = pickFrom(c.flag && unused.length > 0 ? unused : types, p0);
      return type ? { op: 'remove-relation-type', id: type.id } : fallback;
    }
    case 'add-source': {
      const id = uniqueId(slugFromLabel(c.text, 'source'), new Set(graph.sources.map((source) => source.id)));
      const source = {
        id,
        title: c.text,
        publisher: 'Press',
        author: c.flag ? c.text : null,
        published: c.flag ? '2021-11-07' : null,
        reliability: pickFrom(RELIABILITIES, p1) ?? 'F',
        ...(c.flag ? { url: 'https://example.org/a', archive: `${id}.txt` } : {}),
      };
      return { op: 'add-source', source, at: p0 % (graph.sources.length + 1) };
    }
    case 'update-source': {
      const source = pickFrom(graph.sources, p0);
      return source
        ? { op: 'update-source', source: { ...source, title: c.text, reliability: pickFrom(RELIABILITIES, p1) ?? 'F' } }
        : fallback;
    }
    case 'remove-source': {
      const cited = new Set(owners.flatMap((owner) => owner.evidence.map((item) => item.source)));
      const uncited = graph.sources.filter((source) => !cited.has(source.id));
      const source = pickFrom(c.flag && uncited.length > 0 ? uncited : graph.sources, p0);
      return source ? { op: 'remove-source', id: source.id } : fallback;
    }
    case 'add-actor': {
      const kind = pickFrom(kinds, p1);
      if (kind === undefined || graph.sources.length === 0) return fallback;
      const id = uniqueId(slugFromLabel(c.text), takenIds(graph));
      const evidence = [evidenceFor(graph, c, p2)];
      const actor = {
        id,
        label: c.text,
        kind: kind.id,
        evidence,
        ...(c.flag ? { aliases: [c.text], summary: '' } : {}),
      };
      return { op: 'add-actor', actor, at: p0 % (actors.length + 1) };
    }
    case 'update-actor': {
      const actor = pickFrom(actors, p0);
      if (actor === undefined) return fallback;
      const evidence = c.flag ? [...actor.evidence, evidenceFor(graph, c, p2)] : actor.evidence;
      return { op: 'update-actor', actor: { ...actor, label: c.text, disputed: `${c.text}?`, evidence } };
    }
    case 'remove-actor': {
      const actor = pickFrom(actors, p0);
      return actor ? { op: 'remove-actor', id: actor.id } : fallback;
    }
    case 'add-relation': {
      const from = pickFrom(actors, p0);
      const to = pickFrom(actors, p1);
      const type = pickFrom(types, p2);
      if (!from || !to || !type || graph.sources.length === 0) return fallback;
      const id = relationId(from.id, type.id, to.id, takenIds(graph));
      const answered = pickFrom(relations, p3);
      const relation = {
        id,
        type: type.id,
        from: from.id,
        to: to.id,
        ...(c.flag && answered ? { answers: [answered.id], date: '2021-11/2021-12' } : {}),
        evidence: [evidenceFor(graph, c, p4)],
      };
      return { op: 'add-relation', relation, at: p3 % (relations.length + 1) };
    }
    case 'update-relation': {
      const relation = pickFrom(relations, p0);
      const type = pickFrom(types, p1);
      if (!relation || !type) return fallback;
      const others = relations.filter((other) => other.id !== relation.id);
      const answered = pickFrom(others, p2);
      const answers = c.flag && answered ? { answers: [answered.id] } : {};
      return { op: 'update-relation', relation: { ...relation, type: type.id, summary: c.text, ...answers } };
    }
    case 'remove-relation': {
      const relation = pickFrom(relations, p0);
      return relation ? { op: 'remove-relation', id: relation.id } : fallback;
    }
    case 'add-evidence': {
      const owner = pickFrom(owners, p0);
      if (!owner || graph.sources.length === 0) return fallback;
      const at = p1 % (owner.evidence.length + 1);
      return { op: 'add-evidence', owner: { kind: owner.kind, id: owner.id }, item: evidenceFor(graph, c, p2), at };
    }
    case 'update-evidence': {
      const owner = pickFrom(owners, p0);
      if (!owner) return fallback;
      const index = p1 % owner.evidence.length;
      return {
        op: 'update-evidence',
        owner: { kind: owner.kind, id: owner.id },
        index,
        item: evidenceFor(graph, c, p2),
      };
    }
    case 'remove-evidence': {
      const withSeveral = owners.filter((owner) => owner.evidence.length > 1);
      const owner = pickFrom(c.flag && withSeveral.length > 0 ? withSeveral : owners, p0);
      if (!owner) return fallback;
      return { op: 'remove-evidence', owner: { kind: owner.kind, id: owner.id }, index: p1 % owner.evidence.length };
    }
    case 'set-positions': {
      const chosen = [pickFrom(actors, p0), pickFrom(actors, p1), pickFrom(actors, p2)].slice(0, 1 + (p3 % 3));
      const positions = Object.fromEntries(
        chosen.flatMap((actor, index) =>
          actor === undefined ? [] : [[actor.id, (p4 >> index) % 3 === 0 ? null : { x: c.x, y: c.y + index }]],
        ),
      );
      return { op: 'set-positions', positions };
    }
    case 'batch': {
      // Two edits of other kinds, the second made for the graph the first leaves.
      const firstKind = pickFrom(KINDS.slice(0, -1), p0) ?? 'set-meta';
      const secondKind = pickFrom(KINDS.slice(0, -1), p1) ?? 'set-meta';
      const first = operationFor(graph, { ...c, kind: firstKind, picks: c.picks.slice(1) });
      const between = applyEdit(graph, first);
      const second = operationFor(between.ok ? between.graph : graph, { ...c, kind: secondKind });
      return { op: 'batch', label: 'Two edits', operations: [first, second] };
    }
  }
}

/** The small graph with a kind, a type and a source that nothing uses yet, so that removing one can succeed. */
const SMALL: Graph = {
  ...EDIT_GRAPH,
  actorKinds: [...EDIT_GRAPH.actorKinds, { id: 'state', label: 'State' }],
  relationTypes: [
    ...EDIT_GRAPH.relationTypes,
    { id: 'backs', label: 'backs', definition: 'Supports.', directed: true },
  ],
  sources: [
    ...EDIT_GRAPH.sources,
    { id: 'tv', title: 'A TV report', publisher: 'TV', author: null, published: null, reliability: 'F' },
  ],
};

/** The errors a graph's saved text opens with (warnings are fine: an actor in no relation). */
function errorsOnOpening(graph: Graph): string[] {
  const result = parseGraph(graphToJson(graph));
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  return errors.map((problem) => `${problem.path}: ${problem.message}`);
}

/** Applies the edits one after the other, checking each; returns which kinds were applied and refused. */
function runEdits(start: Graph, choices: Choice[], checkOpening: 'each' | 'last'): Map<string, number> {
  const applied = new Map<string, number>();
  let graph = deepFrozen(start);
  for (const c of choices) {
    const op = deepFrozen(operationFor(graph, c));
    const result = applyEdit(graph, op);
    if (!result.ok) {
      expect(result.reason).toMatch(/^[A-Z“]/);
      continue;
    }
    applied.set(op.op, (applied.get(op.op) ?? 0) + 1);
    const undone = applyEdit(result.graph, result.inverse);
    expect(undone.ok && undone.graph).toStrictEqual(graph);
    if (!undone.ok) continue;
    const redone = applyEdit(undone.graph, undone.inverse);
    expect(redone.ok && redone.graph).toStrictEqual(result.graph);
    // Plain JSON: an edit and its inverse survive being saved and read back (autosave, a shared log).
    expect(JSON.parse(JSON.stringify(result.inverse))).toStrictEqual(result.inverse);
    graph = deepFrozen(result.graph);
    if (checkOpening === 'each') expect(errorsOnOpening(graph)).toEqual([]);
  }
  if (checkOpening === 'last') expect(errorsOnOpening(graph)).toEqual([]);
  return applied;
}

describe('random edits', () => {
  it('on a small graph: each undone and redone exactly, and the file opens without errors after each', () => {
    const applied = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(choice, { minLength: 1, maxLength: 10 }), (choices) => {
        for (const [kind, count] of runEdits(SMALL, choices, 'each')) {
          applied.set(kind, (applied.get(kind) ?? 0) + count);
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
    // Every kind of edit was made, not only refused, and often enough to mean something.
    expect(KINDS.filter((kind) => (applied.get(kind) ?? 0) < 10)).toEqual([]);
  });

  it('on the shipped graph: each undone and redone exactly, and the file opens without errors at the end', () => {
    const shipped = loadShippedGraph();
    fc.assert(
      fc.property(fc.array(choice, { minLength: 1, maxLength: 6 }), (choices) => {
        runEdits(shipped, choices, 'last');
      }),
      { seed: SEED, numRuns: 12 },
    );
  });
});
