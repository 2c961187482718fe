// The editor's forms: what a draft becomes in the file, which problems land on
// which field, what a removal takes with it, and what is selected after an edit.
import { describe, expect, it } from 'vitest';
import shippedText from '../../graph/kadhimi-2021.json?raw';
import {
  actorDraftOf,
  actorFromDraft,
  aliasesOf,
  archiveNameFor,
  EMPTY_EVIDENCE,
  editedItemPath,
  evidenceDraftOf,
  evidenceFromDraft,
  messagesFor,
  missingInEvidence,
  NO_CLAIMANT_ACTOR,
  newActorId,
  newRelationId,
  problemsByField,
  relationDraftOf,
  relationFromDraft,
  removalOf,
  selectionAfterEdit,
  sourceDraftOf,
  sourceFromDraft,
} from '../../src/model/edit-forms.ts';
import type { Graph } from '../../src/model/graph.ts';
import { parseGraph } from '../../src/model/validate.ts';

const parsed = parseGraph(shippedText);
if (!parsed.ok) throw new Error('the shipped graph does not parse');
const shipped: Graph = parsed.graph;
const problem = (path: string, message: string) => ({ severity: 'error' as const, line: 1, column: 1, path, message });

describe('drafts and the items they make', () => {
  it('every actor, relation and evidence item of the shipped graph survives a trip through its form unchanged', () => {
    for (const actor of shipped.actors) {
      expect(actorFromDraft(actor.id, actorDraftOf(actor), actor.evidence, actor)).toEqual(actor);
      for (const item of actor.evidence) expect(evidenceFromDraft(evidenceDraftOf(item))).toEqual(item);
    }
    for (const relation of shipped.relations) {
      expect(relationFromDraft(relation.id, relationDraftOf(relation), relation.evidence)).toEqual(relation);
      for (const item of relation.evidence) expect(evidenceFromDraft(evidenceDraftOf(item))).toEqual(item);
    }
    for (const source of shipped.sources) {
      expect(sourceFromDraft(source.id, sourceDraftOf(source), source.archive)).toEqual(source);
    }
  });

  it('empty optional fields are left out of the file, and "no actor makes it" writes claimant null', () => {
    const item = evidenceFromDraft({
      ...EMPTY_EVIDENCE,
      source: 'isc',
      quote: '  as typed  ',
      attributedTo: ' the paper ',
      claimant: NO_CLAIMANT_ACTOR,
    });
    expect(item).toEqual({
      source: 'isc',
      quote: '  as typed  ',
      attributedTo: 'the paper',
      claimant: null,
      credibility: 3,
    });
    const actor = actorFromDraft(
      'ali',
      { label: ' Ali ', kind: 'person', aliases: ' | ', summary: ' ', disputed: '' },
      [],
    );
    expect(actor).toEqual({ id: 'ali', label: 'Ali', kind: 'person', evidence: [] });
  });

  it('other names are split at "|" and trimmed', () => {
    expect(aliasesOf('Abu Fadak | al-Muhammadawi|  ')).toEqual(['Abu Fadak', 'al-Muhammadawi']);
  });

  it('a quote, a source and who makes the claim are asked for in words before anything is tried', () => {
    expect(missingInEvidence(EMPTY_EVIDENCE, 'evidence[0].')).toEqual({
      'evidence[0].source': ['Choose the source the quote comes from.'],
      'evidence[0].quote': ['A quote is needed: the words of the source.'],
      'evidence[0].attributedTo': ['Say who makes the claim, in the words of the source.'],
    });
  });

  it('new ids are slugs of the label, never one an actor or relation already has', () => {
    expect(newActorId(shipped, 'Mustafa al-Kadhimi')).toBe('mustafa-al-kadhimi');
    expect(newActorId(shipped, 'Kadhimi')).toBe('kadhimi-2');
    const existing = shipped.relations[0];
    if (!existing) throw new Error('no relation');
    expect(newRelationId(shipped, existing.from, existing.type, existing.to)).not.toBe(existing.id);
  });
});

describe('problems on the fields they concern', () => {
  it('an actor added last gets the problems of its index, by field, and the rest are kept apart', () => {
    const graph = { ...shipped, actors: [...shipped.actors, { id: 'new', label: '', kind: 'x', evidence: [] }] };
    const path = editedItemPath(graph, { op: 'add-actor', actor: { id: 'new', label: '', kind: 'x', evidence: [] } });
    expect(path).toBe(`actors[${shipped.actors.length}]`);
    const { byField, elsewhere } = problemsByField(
      [
        problem(`${path}.kind`, 'no kind "x"'),
        problem(`${path}.evidence[0].quote`, 'empty'),
        problem('actors[1].label', 'other'),
        problem(`${path}0.kind`, 'a longer index is another actor'),
      ],
      path,
    );
    expect(byField).toEqual({ kind: ['no kind "x"'], 'evidence[0].quote': ['empty'] });
    expect(elsewhere.map((p) => p.message)).toEqual(['other', 'a longer index is another actor']);
    expect(messagesFor(byField, 'evidence[0]')).toEqual(['empty']);
    expect(messagesFor(byField, 'evidence')).toEqual(['empty']);
  });

  it('evidence added to a relation is found at the end of its list', () => {
    const relation = shipped.relations[2];
    if (!relation) throw new Error('no relation');
    const owner = { kind: 'relation' as const, id: relation.id };
    const item = relation.evidence[0];
    if (!item) throw new Error('no evidence');
    expect(editedItemPath(shipped, { op: 'add-evidence', owner, item })).toBe(
      `relations[2].evidence[${relation.evidence.length - 1}]`,
    );
    expect(editedItemPath(shipped, { op: 'update-evidence', owner, index: 0, item })).toBe('relations[2].evidence[0]');
  });
});

describe('what a removal takes with it', () => {
  it('an actor goes with its relations, their evidence, and its mentions as claimant', () => {
    const removal = removalOf(shipped, { kind: 'actor', id: 'kataib-hezbollah' });
    const relations = shipped.relations.filter((r) => r.from === 'kataib-hezbollah' || r.to === 'kataib-hezbollah');
    expect(removal.relations.map((r) => r.id)).toEqual(relations.map((r) => r.id));
    const actor = shipped.actors.find((a) => a.id === 'kataib-hezbollah');
    const evidence = (actor?.evidence.length ?? 0) + relations.reduce((sum, r) => sum + r.evidence.length, 0);
    expect(removal.evidenceItems).toBe(evidence);
    expect(removal.relations.length).toBeGreaterThan(2);
  });
});

describe('after an edit', () => {
  it('the actor or relation created is selected, or the item evidence was added to', () => {
    const actor = { id: 'ali', label: 'Ali', kind: 'person', evidence: [] };
    expect(selectionAfterEdit({ op: 'add-actor', actor })).toEqual({ kind: 'actor', id: 'ali' });
    const relation = { id: 'r', type: 't', from: 'a', to: 'b', evidence: [] };
    expect(
      selectionAfterEdit({
        op: 'batch',
        label: 'x',
        operations: [
          { op: 'add-relation-type', type: { id: 't', label: 't', definition: 'd', directed: true } },
          { op: 'add-relation', relation },
        ],
      }),
    ).toEqual({ kind: 'relation', id: 'r' });
    expect(selectionAfterEdit({ op: 'remove-actor', id: 'ali' })).toBeNull();
  });

  it('an attached text gets a plain file name, unique among the sources', () => {
    expect(archiveNameFor(shipped, 'new', '../etc/passwd')).toBe('-etc-passwd');
    expect(archiveNameFor(shipped, 'new', '.hidden.txt')).toBe('hidden.txt');
    const taken = shipped.sources.find((source) => source.archive)?.archive;
    if (!taken) throw new Error('no archive in the shipped graph');
    expect(archiveNameFor(shipped, 'new', taken)).not.toBe(taken);
    expect(archiveNameFor(shipped, 'new', '')).toBe('new.txt');
  });
});
