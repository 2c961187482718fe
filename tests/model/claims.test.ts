// Corroboration of a relation, the claims about an actor, and the claim filters
// (src/model/corroboration.ts, claims.ts, filter.ts), on small hand-made graphs
// and on the shipped graph.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/io/csv.ts';
import { claimantOptions, claimRecords, claimsAbout, relationInWords } from '../../src/model/claims.ts';
import {
  claimantKey,
  corroborationLine,
  corroborationOf,
  gradeWords,
  isWeakGrade,
} from '../../src/model/corroboration.ts';
import { applyFilterChange, DEFAULT_FILTERS, sameFilters, visibleSubgraph } from '../../src/model/filter.ts';
import type { EvidenceItem, Graph, Source } from '../../src/model/graph.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { loadShippedGraph } from './shipped.ts';

const SHIPPED = loadShippedGraph();

const source = (id: string, publisher: string, reliability: Source['reliability']): Source => ({
  id,
  title: `${id} title`,
  publisher,
  author: null,
  published: null,
  reliability,
});
const SOURCES = new Map(
  [source('wire', 'Wire', 'B'), source('wire-2', 'WIRE ', 'C'), source('blog', 'Blog', 'F')].map((s) => [s.id, s]),
);
const item = (changes: Partial<EvidenceItem>): EvidenceItem => ({
  source: 'wire',
  quote: 'q',
  attributedTo: 'the article',
  credibility: 2,
  ...changes,
});

describe('corroboration of a relation', () => {
  it('counts sources, publishers, claimants and stances, and keeps the best supporting grade', () => {
    const result = corroborationOf(
      [
        item({ credibility: 3 }),
        item({ source: 'wire-2', credibility: 1, attributedTo: 'The  Article' }),
        item({ source: 'blog', claimant: 'kh', attributedTo: 'a statement' }),
        item({ source: 'blog', stance: 'contradicts', credibility: 1, attributedTo: 'a denial' }),
      ],
      SOURCES,
    );
    expect(result).toEqual({
      sources: 3,
      independentSources: 2,
      claimants: 2,
      supporting: 3,
      contradicting: 1,
      bestGrade: { reliability: 'B', credibility: 3 },
      strength: 'corroborated',
    });
    expect(corroborationLine(result)).toBe('3 sources (2 independent), 2 claimants, 1 contradicting');
  });

  it('one source: single when graded A-C and 1-3, weak otherwise; contradicted with no support', () => {
    expect(corroborationOf([item({ credibility: 3 })], SOURCES).strength).toBe('single');
    expect(corroborationOf([item({ credibility: 4 })], SOURCES).strength).toBe('weak');
    expect(corroborationOf([item({ source: 'blog', credibility: 1 })], SOURCES).strength).toBe('weak');
    expect(corroborationOf([item({ source: 'wire' }), item({ source: 'wire-2' })], SOURCES).strength).toBe('single');
    const contradicted = corroborationOf([item({ stance: 'contradicts' })], SOURCES);
    expect(contradicted).toMatchObject({ strength: 'contradicted', supporting: 0, bestGrade: null, sources: 0 });
    expect(corroborationLine(contradicted)).toBe('no supporting evidence, 1 contradicting');
    expect(corroborationLine(corroborationOf([item({})], SOURCES))).toBe('1 source, 1 claimant');
  });

  it('an unknown source counts as its own publisher, with no grade', () => {
    const result = corroborationOf([item({ source: 'gone' }), item({ source: 'wire' })], SOURCES);
    expect(result).toMatchObject({ independentSources: 2, bestGrade: { reliability: 'B', credibility: 2 } });
    expect(corroborationOf([item({ source: 'gone' })], SOURCES).strength).toBe('weak');
  });

  it('grades and claimant keys in words', () => {
    expect(isWeakGrade({ reliability: 'C', credibility: 3 })).toBe(false);
    expect(isWeakGrade({ reliability: 'D', credibility: 1 })).toBe(true);
    expect(isWeakGrade({ reliability: 'A', credibility: 4 })).toBe(true);
    expect(gradeWords({ reliability: 'B', credibility: 2 })).toBe('B2: usually reliable source, report probably true');
    expect(claimantKey(item({ claimant: 'kh' }))).toBe('actor:kh');
    expect(claimantKey(item({ claimant: null, attributedTo: 'Two  Officials’ sources' }))).toBe(
      'said:two officials sources',
    );
  });
});

/** Accused, denied (answering it) and an undercut suspicion, around "attack". */
function claimsGraph(): Graph {
  const actor = (id: string, label: string) => ({ id, label, kind: 'k', evidence: [item({})] });
  return {
    title: 't',
    updated: '2024-01-01',
    actorKinds: [{ id: 'k', label: 'K' }],
    relationTypes: [
      { id: 'suspected-of', label: 'suspected of', definition: 'd', directed: true, contested: true },
      { id: 'denied', label: 'denied', definition: 'd', directed: true, contested: true },
      { id: 'met', label: 'met', definition: 'd', directed: false },
    ],
    sources: [...SOURCES.values()],
    actors: [actor('kh', 'Kataib Hezbollah'), actor('attack', 'Drone attack'), actor('pm', 'Prime minister')],
    relations: [
      { id: 'pm-met-kh', type: 'met', from: 'pm', to: 'kh', evidence: [item({})] },
      {
        id: 'kh-suspected',
        type: 'suspected-of',
        from: 'kh',
        to: 'attack',
        disputed: 'Who did it.',
        evidence: [
          item({ attributedTo: 'officials' }),
          item({ source: 'blog', stance: 'contradicts', attributedTo: 'a militia source' }),
        ],
      },
      {
        id: 'kh-denied',
        type: 'denied',
        from: 'kh',
        to: 'attack',
        answers: ['kh-suspected'],
        evidence: [item({ claimant: 'kh', attributedTo: 'KH statement' })],
      },
    ],
  };
}

describe('the claims about an actor', () => {
  it('puts an answer beside what it answers, contradictions apart, disputed threads first', () => {
    const graph = claimsGraph();
    const index = indexGraph(graph);
    const all = new Set(graph.relations.map((r) => r.id));
    const claims = claimsAbout(graph, index, 'kh', all);
    expect(claims?.threads.map((thread) => thread.sentence)).toEqual([
      'Kataib Hezbollah — suspected of — Drone attack',
      'Prime minister — met — Kataib Hezbollah',
    ]);
    const [suspected] = claims?.threads ?? [];
    expect(suspected?.asserted.map((claim) => claim.item.attributedTo)).toEqual(['officials']);
    expect(suspected?.contradicting.map((claim) => claim.item.attributedTo)).toEqual(['a militia source']);
    expect(suspected?.answers.map((answer) => [answer.sentence, answer.claims[0]?.claimant?.label])).toEqual([
      ['Kataib Hezbollah — denied — Drone attack', 'Kataib Hezbollah'],
    ]);
    expect(claims?.disagreements).toEqual([
      { about: 'Kataib Hezbollah — suspected of — Drone attack', relationId: 'kh-suspected', text: 'Who did it.' },
    ]);
    expect(claims?.claimCount).toBe(4);
  });

  it('shows only visible relations; an answer whose question is hidden becomes a thread of its own', () => {
    const graph = claimsGraph();
    const index = indexGraph(graph);
    const claims = claimsAbout(graph, index, 'attack', new Set(['kh-denied']));
    expect(claims?.threads.map((thread) => [thread.sentence, thread.answers.length])).toEqual([
      ['Kataib Hezbollah — denied — Drone attack', 0],
    ]);
    expect(claimsAbout(graph, index, 'nobody', new Set())).toBeNull();
  });

  it('exports one record per claim, in the order shown, as CSV a spreadsheet cannot run', () => {
    const graph = claimsGraph();
    const index = indexGraph(graph);
    const claims = claimsAbout(graph, index, 'attack', new Set(graph.relations.map((r) => r.id)));
    if (!claims) throw new Error('no claims');
    const records = claimRecords(claims);
    expect(records.map((record) => [record.side, record.stance, record.claimant, record.reliability])).toEqual([
      ['asserted', 'supports', '', 'B'],
      ['contradicting', 'contradicts', '', 'F'],
      ['answer', 'supports', 'Kataib Hezbollah', 'B'],
    ]);
    const csv = toCsv([{ ...records[0], quote: '=HYPERLINK("x")', attributedTo: 'a, "b"' }], ['quote', 'attributedTo']);
    expect(csv).toBe('quote,attributedTo\r\n"\'=HYPERLINK(""x"")","a, ""b"""');
  });

  it('lists claimants: actors first, then attributions, by number of items', () => {
    const graph = claimsGraph();
    const options = claimantOptions(graph);
    expect(options[0]).toEqual({ key: 'actor:kh', label: 'Kataib Hezbollah', isActor: true, count: 1 });
    expect(options[1]).toMatchObject({ key: 'said:the article', count: 4 });
  });

  it('on the shipped graph, the drone attack has its denials matched to the suspicions', () => {
    const index = indexGraph(SHIPPED);
    const all = new Set(SHIPPED.relations.map((r) => r.id));
    const claims = claimsAbout(SHIPPED, index, 'drone-attack-2021-11-07', all);
    const answered = claims?.threads.filter((thread) => thread.answers.length > 0) ?? [];
    expect(answered.map((thread) => thread.relation.id).sort()).toEqual([
      'iran-backed-militias-suspected-of-drone-attack',
      'kataib-hezbollah-suspected-of-drone-attack',
    ]);
    const kh = answered.find((thread) => thread.relation.id === 'kataib-hezbollah-suspected-of-drone-attack');
    expect(kh?.answers.map((answer) => answer.relation.id).sort()).toEqual([
      'abu-ali-al-askari-denied-drone-attack',
      'kataib-hezbollah-denied-drone-attack',
    ]);
    const relation = SHIPPED.relations.find((r) => r.id === 'kataib-hezbollah-denied-drone-attack');
    if (relation)
      expect(relationInWords(index, relation)).toBe(
        'Kataib Hezbollah — denied involvement in — Drone attack on Kadhimi’s residence (7 Nov 2021)',
      );
  });
});

describe('the claim filters', () => {
  it('"at least N independent sources" counts publishers of the evidence shown', () => {
    const graph = claimsGraph();
    graph.relations[0]?.evidence.push(item({ source: 'blog' }));
    const two = applyFilterChange(DEFAULT_FILTERS, { kind: 'min-sources', value: 2 });
    expect([...visibleSubgraph(graph, two).relationIds]).toEqual(['pm-met-kh']);
    const twoFromWireOnly = applyFilterChange(two, {
      kind: 'source',
      id: 'blog',
      included: false,
      sourceIds: ['wire', 'wire-2', 'blog'],
    });
    expect([...visibleSubgraph(graph, twoFromWireOnly).relationIds]).toEqual([]);
    expect(applyFilterChange(DEFAULT_FILTERS, { kind: 'min-sources', value: 99 }).minIndependentSources).toBe(0);
    expect(sameFilters({ ...DEFAULT_FILTERS, minIndependentSources: 1 }, DEFAULT_FILTERS)).toBe(true);
  });

  it('"hide contradicted only" hides a relation whose evidence shown only undercuts it', () => {
    const graph = claimsGraph();
    const hide = applyFilterChange(DEFAULT_FILTERS, { kind: 'hide-contradicted-only', value: true });
    expect(visibleSubgraph(graph, hide).relationIds.has('kh-suspected')).toBe(true);
    // Only the blog's evidence: on the suspicion, that is the militia source who undercuts it.
    const onlyBlog = { ...hide, onlySources: ['blog'] };
    expect(visibleSubgraph(graph, onlyBlog).relationIds.has('kh-suspected')).toBe(false);
    const shown = applyFilterChange(onlyBlog, { kind: 'hide-contradicted-only', value: false });
    expect([...visibleSubgraph(graph, shown).relationIds]).toEqual(['kh-suspected']);
  });

  it('"claims made by" keeps relations and actors with evidence from that claimant', () => {
    const graph = claimsGraph();
    const byKh = applyFilterChange(DEFAULT_FILTERS, { kind: 'claims-by', value: 'actor:kh' });
    const visible = visibleSubgraph(graph, byKh);
    expect([...visible.relationIds]).toEqual(['kh-denied']);
    expect([...visible.actorIds].sort()).toEqual(['attack', 'kh']);
    const byOfficials = applyFilterChange(DEFAULT_FILTERS, { kind: 'claims-by', value: 'said:officials' });
    expect([...visibleSubgraph(graph, byOfficials).relationIds]).toEqual(['kh-suspected']);
    expect(applyFilterChange(byKh, { kind: 'claims-by', value: '' }).claimsBy).toBeNull();
  });
});
