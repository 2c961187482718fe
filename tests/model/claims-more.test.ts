// More on the claims about an actor (src/model/claims.ts): the order of the
// threads, answers hidden or listed twice, the export's records and the
// exported picture's texts, and the claimants list. Graphs are built inside
// each test so that mutation testing reaches the code that reads them.
import { describe, expect, it } from 'vitest';
import {
  answersIndex,
  CLAIMS_GRADE_NOTE,
  claimantOptions,
  claimRecords,
  claimsAbout,
  claimsSnapshotContent,
  relationInWords,
} from '../../src/model/claims.ts';
import type { EvidenceItem, Graph, Relation, Source } from '../../src/model/graph.ts';
import { indexGraph } from '../../src/model/queries.ts';

const source = (id: string, publisher: string, reliability: Source['reliability'], url?: string): Source => ({
  id,
  title: `${id} title`,
  publisher,
  author: null,
  published: null,
  reliability,
  ...(url ? { url } : {}),
});

const item = (changes: Partial<EvidenceItem>): EvidenceItem => ({
  source: 'wire',
  quote: 'q',
  attributedTo: 'the article',
  credibility: 2,
  ...changes,
});

/**
 * Around Kataib Hezbollah, in file order: two plain meetings, a suspicion
 * that Iran's denial answers, and a meeting one item undercuts.
 */
function threadsGraph(): Graph {
  const actor = (id: string, label: string) => ({ id, label, kind: 'k', evidence: [item({})] });
  const met = (id: string, from: string, to: string, evidence = [item({})]): Relation => ({
    id,
    type: 'met',
    from,
    to,
    evidence,
  });
  return {
    title: 'The graph',
    updated: '2024-01-01',
    actorKinds: [{ id: 'k', label: 'K' }],
    relationTypes: [
      { id: 'suspected-of', label: 'suspected of', definition: 'd', directed: true, contested: true },
      { id: 'denied', label: 'denied', definition: 'd', directed: true, contested: true },
      { id: 'met', label: 'met', definition: 'd', directed: false },
    ],
    sources: [
      source('wire', 'Wire', 'B', 'https://wire.example/1'),
      source('blog', 'Blog', 'F'),
      source('unused', 'U', 'A'),
    ],
    actors: [
      actor('kh', 'Kataib Hezbollah'),
      actor('pm', 'Prime minister'),
      actor('iran', 'Iran'),
      actor('attack', 'Drone attack'),
    ],
    relations: [
      met('pm-met-kh', 'pm', 'kh'),
      met('kh-met-iran', 'kh', 'iran'),
      {
        id: 'kh-suspected',
        type: 'suspected-of',
        from: 'kh',
        to: 'attack',
        date: '2021-11-07',
        evidence: [item({ attributedTo: 'officials', credibility: 3 })],
      },
      met('iran-met-kh', 'iran', 'kh', [
        item({ source: 'blog', attributedTo: 'a blogger' }),
        item({ source: 'wire', stance: 'contradicts', attributedTo: 'a denial' }),
      ]),
      {
        id: 'iran-denied',
        type: 'denied',
        from: 'iran',
        to: 'attack',
        answers: ['kh-suspected'],
        evidence: [item({ source: 'gone', claimant: 'iran', attributedTo: 'Iran’s ministry', credibility: 6 })],
      },
    ],
  };
}

const everything = (graph: Graph) => new Set(graph.relations.map((relation) => relation.id));

describe('the order of the threads', () => {
  it('answered threads and contradicted threads come first, each group in file order', () => {
    const graph = threadsGraph();
    const claims = claimsAbout(graph, indexGraph(graph), 'kh', everything(graph));
    expect(claims?.threads.map((thread) => thread.relation.id)).toEqual([
      'kh-suspected',
      'iran-met-kh',
      'pm-met-kh',
      'kh-met-iran',
    ]);
  });

  it('a hidden answer is not shown, and its thread is no longer disputed', () => {
    const graph = threadsGraph();
    const visible = everything(graph);
    visible.delete('iran-denied');
    const claims = claimsAbout(graph, indexGraph(graph), 'kh', visible);
    expect(claims?.threads.map((thread) => [thread.relation.id, thread.answers.length])).toEqual([
      ['iran-met-kh', 0],
      ['pm-met-kh', 0],
      ['kh-met-iran', 0],
      ['kh-suspected', 0],
    ]);
    expect(claims?.claimCount).toBe(5);
  });
});

describe('answers', () => {
  it('are indexed by the relation they answer, in file order', () => {
    const graph = threadsGraph();
    const denial = graph.relations[4] as Relation;
    expect([...answersIndex(graph)]).toEqual([['kh-suspected', [denial]]]);
  });

  it('a relation that lists the same answered id twice answers it once', () => {
    const graph = threadsGraph();
    const denial = graph.relations[4] as Relation;
    denial.answers = ['kh-suspected', 'kh-suspected'];
    expect(answersIndex(graph).get('kh-suspected')).toEqual([denial]);
    const claims = claimsAbout(graph, indexGraph(graph), 'kh', everything(graph));
    expect(claims?.threads[0]?.answers.map((answer) => answer.sentence)).toEqual(['Iran — denied — Drone attack']);
    expect(claims?.claimCount).toBe(6);
  });
});

describe('disagreements', () => {
  it('a disputed actor comes first, without a relation', () => {
    const graph = threadsGraph();
    const kh = graph.actors[0];
    if (kh) kh.disputed = 'Whether it still exists.';
    const kataibRelation = graph.relations[2];
    if (kataibRelation) kataibRelation.disputed = 'Who did it.';
    const claims = claimsAbout(graph, indexGraph(graph), 'kh', everything(graph));
    expect(claims?.disagreements).toEqual([
      { about: 'Kataib Hezbollah', relationId: null, text: 'Whether it still exists.' },
      { about: 'Kataib Hezbollah — suspected of — Drone attack', relationId: 'kh-suspected', text: 'Who did it.' },
    ]);
  });
});

describe('a relation in words', () => {
  it('falls back to the ids of ends and type the graph does not have', () => {
    const graph = threadsGraph();
    const relation: Relation = { id: 'x', type: 'funded', from: 'ghost', to: 'kh', evidence: [] };
    expect(relationInWords(indexGraph(graph), relation)).toBe('ghost — funded — Kataib Hezbollah');
    expect(relationInWords(indexGraph(graph), { ...relation, from: 'kh', to: 'nobody' })).toBe(
      'Kataib Hezbollah — funded — nobody',
    );
  });
});

describe('the claims export', () => {
  it('one record per claim, with the source, its link and the date, or blanks where there are none', () => {
    const graph = threadsGraph();
    const claims = claimsAbout(graph, indexGraph(graph), 'attack', everything(graph));
    if (!claims) throw new Error('no claims');
    expect(claimRecords(claims)).toEqual([
      {
        thread: 'Kataib Hezbollah — suspected of — Drone attack',
        side: 'asserted',
        relation: 'Kataib Hezbollah — suspected of — Drone attack',
        stance: 'supports',
        claimant: '',
        attributedTo: 'officials',
        quote: 'q',
        source: 'wire title',
        publisher: 'Wire',
        url: 'https://wire.example/1',
        reliability: 'B',
        credibility: '3',
        date: '2021-11-07',
        relationId: 'kh-suspected',
      },
      {
        thread: 'Kataib Hezbollah — suspected of — Drone attack',
        side: 'answer',
        relation: 'Iran — denied — Drone attack',
        stance: 'supports',
        claimant: 'Iran',
        attributedTo: 'Iran’s ministry',
        quote: 'q',
        source: 'gone',
        publisher: '',
        url: '',
        reliability: '',
        credibility: '6',
        date: '',
        relationId: 'iran-denied',
      },
    ]);
  });

  it('a source without a link gives an empty link', () => {
    const graph = threadsGraph();
    const claims = claimsAbout(graph, indexGraph(graph), 'iran', new Set(['iran-met-kh']));
    if (!claims) throw new Error('no claims');
    expect(claimRecords(claims).map((record) => [record.side, record.publisher, record.url])).toEqual([
      ['asserted', 'Blog', ''],
      ['contradicting', 'Wire', 'https://wire.example/1'],
    ]);
  });
});

describe('the exported picture of the claims', () => {
  it('says what the view shows: threads with dates and grades, both sides, disagreements and sources cited', () => {
    const graph = threadsGraph();
    const suspicion = graph.relations[2];
    if (suspicion) suspicion.disputed = 'Who did it.';
    const visible = new Set(['kh-suspected', 'iran-denied', 'iran-met-kh']);
    const claims = claimsAbout(graph, indexGraph(graph), 'kh', visible);
    if (!claims) throw new Error('no claims');
    const filters = ['Claims made by: anyone'];
    const content = claimsSnapshotContent(graph, claims, filters, '2024-05-06');
    expect(content).toEqual({
      title: 'Claims about Kataib Hezbollah',
      subtitle: 'The graph · exported 2024-05-06',
      countLine: '4 claims in 2 relations shown',
      filterLines: ['Claims made by: anyone'],
      threads: [
        {
          sentence: 'Kataib Hezbollah — suspected of — Drone attack (2021-11-07)',
          corroboration: '1 source, 1 claimant · best grade B3',
          asserted: [
            {
              quote: 'q',
              who: 'Claim made by: officials',
              source: 'Wire · source B: usually reliable · report 3: possibly true',
              contradicts: false,
            },
          ],
          against: [
            { answeredBy: 'Iran — denied — Drone attack' },
            {
              quote: 'q',
              who: 'Claim made by: Iran (Iran’s ministry)',
              source: 'gone · source not in the graph · report 6: truth cannot be judged',
              contradicts: false,
            },
          ],
        },
        {
          sentence: 'Iran — met — Kataib Hezbollah',
          corroboration: '1 source, 1 claimant, 1 contradicting · best grade F2',
          asserted: [
            {
              quote: 'q',
              who: 'Claim made by: a blogger',
              source: 'Blog · source F: reliability cannot be judged · report 2: probably true',
              contradicts: false,
            },
          ],
          against: [
            {
              quote: 'q',
              who: 'Claim made by: a denial',
              source: 'Wire · source B: usually reliable · report 2: probably true',
              contradicts: true,
            },
          ],
        },
      ],
      disagreements: [{ about: 'Kataib Hezbollah — suspected of — Drone attack', text: 'Who did it.' }],
      sources: [
        'Wire, “wire title”, no author named, undated (reliability B)',
        'Blog, “blog title”, no author named, undated (reliability F)',
      ],
      gradeNote: CLAIMS_GRADE_NOTE,
    });
    filters.push('later');
    expect(content.filterLines).toEqual(['Claims made by: anyone']);
  });

  it('a thread with no supporting evidence has no best grade', () => {
    const graph = threadsGraph();
    const meeting = graph.relations[0];
    if (meeting) meeting.evidence = [item({ stance: 'contradicts' })];
    const claims = claimsAbout(graph, indexGraph(graph), 'pm', everything(graph));
    if (!claims) throw new Error('no claims');
    const [thread] = claimsSnapshotContent(graph, claims, [], 'today').threads;
    expect(thread?.corroboration).toBe('no supporting evidence, 1 contradicting');
    expect(thread?.sentence).toBe('Prime minister — met — Kataib Hezbollah');
  });
});

describe('the claimants list', () => {
  it('orders attributions by number of items, then by name', () => {
    const graph = threadsGraph();
    graph.actors = graph.actors.map((actor) => ({ ...actor, evidence: [] }));
    graph.relations = [
      {
        id: 'r',
        type: 'met',
        from: 'kh',
        to: 'pm',
        evidence: [
          item({ attributedTo: 'Alpha' }),
          item({ attributedTo: 'Zulu' }),
          item({ attributedTo: 'zulu' }),
          item({ attributedTo: 'Mike' }),
          item({ attributedTo: 'Zulu' }),
          item({ attributedTo: 'Mike' }),
        ],
      },
    ];
    expect(claimantOptions(graph).map((option) => [option.label, option.count])).toEqual([
      ['Zulu', 3],
      ['Mike', 2],
      ['Alpha', 1],
    ]);
  });
});
