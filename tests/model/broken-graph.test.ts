// The validator refuses a graph whose relations name actors, types or sources
// it does not declare, but the model functions are pure and may be handed one
// (a draft in a test, a script): they name what is missing by its id rather
// than break the panel or the table. Each test builds its own index: code run
// while the file loads is not re-run for each mutant by Stryker.
import { describe, expect, it } from 'vitest';
import type { EvidenceItem, Graph } from '../../src/model/graph.ts';
import { indexGraph, relationGroupsOf, relationSentence, relationsOf } from '../../src/model/queries.ts';
import { relationRows } from '../../src/model/table.ts';

const claim = (source: string): EvidenceItem => ({ source, quote: 'q', attributedTo: 'x', credibility: 2 });
const draft: Graph = {
  title: 'draft',
  updated: '2026-01-01',
  actorKinds: [{ id: 'person', label: 'Person' }],
  relationTypes: [
    { id: 'met', label: 'met', definition: 'met in person', directed: false },
    { id: 'funded', label: 'funded', definition: 'gave money to', directed: true },
  ],
  sources: [{ id: 'paper', title: 'T', publisher: 'The Paper', author: null, published: null, reliability: 'B' }],
  actors: [
    { id: 'ann', label: 'Ann', kind: 'person', evidence: [claim('paper')] },
    { id: 'bob', label: 'Bob', kind: 'person', evidence: [claim('paper')] },
  ],
  relations: [
    { id: 'ann-met-bob', type: 'met', from: 'ann', to: 'bob', evidence: [claim('paper')] },
    { id: 'ann-funded-ghost', type: 'funded', from: 'ann', to: 'ghost', evidence: [claim('paper'), claim('blog')] },
    { id: 'ghost-funded-ann', type: 'funded', from: 'ghost', to: 'ann', evidence: [claim('paper')] },
    { id: 'ann-hid-bob', type: 'hid', from: 'ann', to: 'bob', evidence: [claim('blog')] },
  ],
};

describe('a graph with references to what it does not declare', () => {
  it('is indexed under the actors it has', () => {
    const index = indexGraph(draft);
    expect(relationsOf(index, 'ann').map((r) => r.id)).toEqual([
      'ann-met-bob',
      'ann-funded-ghost',
      'ghost-funded-ann',
      'ann-hid-bob',
    ]);
    expect(relationsOf(index, 'ghost')).toEqual([]);
  });

  it('the evidence panel leaves out relations of an unknown type or to an unknown actor', () => {
    const groups = relationGroupsOf(draft, indexGraph(draft), 'ann');
    expect(groups.map((g) => [g.heading, g.entries.map((e) => e.relation.id)])).toEqual([['met', ['ann-met-bob']]]);
  });

  it('a relation is said with the ids of what is missing', () => {
    const index = indexGraph(draft);
    const said = draft.relations.map((relation) => relationSentence(index, relation));
    expect(said).toEqual(['Ann met Bob', 'Ann funded ghost', 'ghost funded Ann', 'Ann hid Bob']);
  });

  it('the table shows the ids of what is missing', () => {
    const rows = relationRows(draft, indexGraph(draft), new Set(draft.relations.map((r) => r.id)));
    expect(rows.map((row) => [row.from, row.type, row.to, row.sources])).toEqual([
      ['Ann', 'met', 'Bob', 'The Paper (B)'],
      ['Ann', 'funded', 'ghost', 'The Paper (B); blog'],
      ['ghost', 'funded', 'Ann', 'The Paper (B)'],
      ['Ann', 'hid', 'Bob', 'blog'],
    ]);
  });
});
