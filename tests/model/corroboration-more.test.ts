// More on the corroboration of a relation (src/model/corroboration.ts): which
// supporting item gives the best grade, whatever the order of the items, and
// sources the graph does not have.
import { describe, expect, it } from 'vitest';
import { corroborationOf } from '../../src/model/corroboration.ts';
import type { EvidenceItem, Source } from '../../src/model/graph.ts';

const source = (id: string, reliability: Source['reliability']): Source => ({
  id,
  title: id,
  publisher: id,
  author: null,
  published: null,
  reliability,
});

const sources = () =>
  new Map([source('b-source', 'B'), source('c-source', 'C'), source('f-source', 'F')].map((s) => [s.id, s]));

const graded = (where: string, credibility: EvidenceItem['credibility']): EvidenceItem => ({
  source: where,
  quote: 'q',
  attributedTo: 'the article',
  credibility,
});

const best = (...items: EvidenceItem[]) => corroborationOf(items, sources()).bestGrade;

describe('the best grade', () => {
  it('is the most reliable source, whether it comes first or later', () => {
    expect(best(graded('f-source', 1), graded('b-source', 3))).toEqual({ reliability: 'B', credibility: 3 });
    expect(best(graded('b-source', 3), graded('f-source', 1))).toEqual({ reliability: 'B', credibility: 3 });
  });

  it('between sources of one reliability, the most credible report, whether it comes first or later', () => {
    expect(best(graded('b-source', 3), graded('b-source', 1))).toEqual({ reliability: 'B', credibility: 1 });
    expect(best(graded('b-source', 1), graded('b-source', 3))).toEqual({ reliability: 'B', credibility: 1 });
  });

  it('a less reliable source with a more credible report does not win', () => {
    expect(best(graded('b-source', 4), graded('c-source', 1))).toEqual({ reliability: 'B', credibility: 4 });
  });
});

describe('sources the graph does not have', () => {
  it('are each a publisher of their own', () => {
    const result = corroborationOf([graded('gone', 2), graded('missing', 2)], sources());
    expect(result).toMatchObject({ sources: 2, independentSources: 2, bestGrade: null, strength: 'corroborated' });
  });
});
