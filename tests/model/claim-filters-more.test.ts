// Edges of the claim filters, the claims view's place in the reducer and the
// URL, and the validator's claim checks on malformed items: each test kills
// a mutant that the story tests let through (docs/mutation-equivalents.md).
import { describe, expect, it } from 'vitest';
import { applyFilterChange, DEFAULT_FILTERS, sameFilters, visibleSubgraph } from '../../src/model/filter.ts';
import type { EvidenceItem, Graph } from '../../src/model/graph.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { relationRows, sortRows } from '../../src/model/table.ts';
import { DEFAULT_VIEW, nextView } from '../../src/model/view.ts';
import { hashToView, viewToHash } from '../../src/model/view-hash.ts';
import { BASE, check, EVIDENCE, firstActor, firstRelation, graphText, kindsOf, lines } from './small-graphs.ts';

const item = (changes: Partial<EvidenceItem> = {}): EvidenceItem => ({
  source: 'wire',
  quote: 'q',
  attributedTo: 'the article',
  credibility: 2,
  ...changes,
});

/** Two relations: one supported by two publishers, one only contradicted. */
function twoRelations(): Graph {
  const actor = (id: string) => ({ id, label: id.toUpperCase(), kind: 'k', evidence: [item()] });
  return {
    title: 't',
    updated: '2024-01-01',
    actorKinds: [{ id: 'k', label: 'K' }],
    relationTypes: [{ id: 'met', label: 'met', definition: 'd', directed: false }],
    sources: [
      { id: 'wire', title: 'w', publisher: 'Wire', author: null, published: null, reliability: 'B' },
      { id: 'blog', title: 'b', publisher: 'Blog', author: null, published: null, reliability: 'C' },
    ],
    actors: [actor('a'), actor('b'), actor('c')],
    relations: [
      { id: 'a-met-b', type: 'met', from: 'a', to: 'b', evidence: [item(), item({ source: 'blog' })] },
      { id: 'b-met-c', type: 'met', from: 'b', to: 'c', evidence: [item({ stance: 'contradicts' })] },
    ],
  };
}

describe('the claim filters at their edges', () => {
  it('a minimum of sources is a whole number from 0 to 5; anything else means any', () => {
    const minimum = (value: number) =>
      applyFilterChange(DEFAULT_FILTERS, { kind: 'min-sources', value }).minIndependentSources;
    expect([5, 2, 0, -1, 2.5, 6].map(minimum)).toEqual([5, 2, 0, 0, 0, 0]);
  });

  it('"at least 1 source" is no filter: a relation only contradicted stays', () => {
    const graph = twoRelations();
    const one = applyFilterChange(DEFAULT_FILTERS, { kind: 'min-sources', value: 1 });
    expect([...visibleSubgraph(graph, one).relationIds]).toEqual(['a-met-b', 'b-met-c']);
    expect(viewToHash({ ...DEFAULT_VIEW, filters: one })).toBe('');
  });

  it('with "hide contradicted only", a relation none of whose evidence passes the other filters is hidden', () => {
    const graph = twoRelations();
    const filters = { ...DEFAULT_FILTERS, hideContradictedOnly: true, onlySources: ['blog'] };
    expect([...visibleSubgraph(graph, filters).relationIds]).toEqual(['a-met-b']);
  });

  it('filters that differ only in a claim filter are different filters', () => {
    expect(sameFilters({ ...DEFAULT_FILTERS, minIndependentSources: 2 }, DEFAULT_FILTERS)).toBe(false);
    expect(sameFilters({ ...DEFAULT_FILTERS, hideContradictedOnly: true }, DEFAULT_FILTERS)).toBe(false);
    expect(sameFilters({ ...DEFAULT_FILTERS, claimsBy: 'actor:a' }, DEFAULT_FILTERS)).toBe(false);
  });

  it('a link\'s "claims by" must start with actor: or said:', () => {
    expect(hashToView('#claimsBy=actor%3Aa').filters.claimsBy).toBe('actor:a');
    expect(hashToView('#claimsBy=evil%3Aactor%3Aa').filters.claimsBy).toBeNull();
  });

  it('the table sorts a relation only contradicted below one with a source, however many digits its rank has', () => {
    const graph = twoRelations();
    const rows = relationRows(graph, indexGraph(graph), new Set(['a-met-b', 'b-met-c']));
    expect(sortRows(rows, 'corroboration', true).map((row) => row.id)).toEqual(['b-met-c', 'a-met-b']);
  });
});

describe('the claims view in the reducer', () => {
  it('clearing the selection in the claims view keeps its subject', () => {
    const shown = nextView(DEFAULT_VIEW, { type: 'show-claims', actorId: 'a' });
    expect(nextView(shown, { type: 'select', selection: null, centre: false })).toMatchObject({
      selection: null,
      claimsAbout: 'a',
    });
  });

  it('selecting, in the claims view, the actor already selected makes it the subject', () => {
    const restored = {
      ...DEFAULT_VIEW,
      mode: 'claims' as const,
      claimsAbout: 'a',
      selection: { kind: 'actor' as const, id: 'b' },
    };
    expect(
      nextView(restored, { type: 'select', selection: { kind: 'actor', id: 'b' }, centre: false }).claimsAbout,
    ).toBe('b');
  });
});

describe('the claim checks on malformed items', () => {
  const report = (changes: Record<string, unknown>) => {
    const text = graphText(changes);
    return { lines: lines(check(text)), kinds: kindsOf(text) };
  };

  it('an evidence item that is not an object, or has no attribution, is left to the schema', () => {
    for (const evidence of [[null], [7], [{ ...EVIDENCE, attributedTo: undefined }]]) {
      const found = report(firstRelation({ evidence }));
      expect(found.kinds).not.toContain('internal error');
      expect(found.lines.join('\n')).not.toContain('internal error');
    }
  });

  it('a claimant of null silences the warning for an attribution naming an actor', () => {
    const evidence = [{ ...EVIDENCE, attributedTo: 'Bea, in a statement', claimant: null }];
    expect(report(firstRelation({ evidence })).lines).toEqual([]);
  });

  it('an actor without an id is named by no attribution; aliases that are not a list of text are skipped', () => {
    const evidence = [{ ...EVIDENCE, attributedTo: 'Ali and KH said so' }];
    const claimantWarnings = (actor: Record<string, unknown>) => {
      const found = report({ ...firstActor(actor), ...firstRelation({ evidence }) });
      expect(found.kinds).not.toContain('internal error');
      return found.lines.filter((line) => line.includes('claimant'));
    };
    expect(claimantWarnings({ id: undefined })).toEqual([]);
    for (const aliases of ['KH', [7, 'KH']]) expect(claimantWarnings({ aliases }).join('\n')).toContain('("ali")');
  });

  it('an answer listed twice and an actor in answers are counted under their own kinds', () => {
    const denial = (answers: unknown[]) => ({
      relations: [
        (BASE.relations as unknown[])[0],
        { id: 'bea-met-ali', type: 'met', from: 'bea', to: 'ali', evidence: [EVIDENCE], answers },
      ],
    });
    expect(report(denial(['ali-met-bea', 'ali-met-bea'])).kinds).toContain('answered twice');
    expect(report(denial(['ali'])).kinds).toContain('unknown relation');
  });
});
