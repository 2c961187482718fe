// Tests from the mutation analysis of evidence-search.ts: every graph is built
// inside its test, so the index (kept per graph object) is built with the mutant on.
import { describe, expect, it } from 'vitest';
import { excerptAround, foldText, foldWithMap, searchGraph, type TextPart } from '../../src/model/evidence-search.ts';
import type { Actor, EvidenceItem, Graph, Relation } from '../../src/model/graph.ts';

/** An excerpt as the analyst reads it, the marked words in [brackets]. */
const shown = (parts: TextPart[]) => parts.map((part) => (part.marked ? `[${part.text}]` : part.text)).join('');

const item = (quote: string, more: Partial<EvidenceItem> = {}): EvidenceItem => ({
  source: 'wire',
  quote,
  attributedTo: 'the wire',
  credibility: 2,
  ...more,
});
const actor = (id: string, label: string, evidence: EvidenceItem[] = []): Actor => ({
  id,
  label,
  kind: 'group',
  evidence,
});
const relation = (id: string, from: string, to: string, evidence: EvidenceItem[]): Relation => ({
  id,
  type: 'attacked',
  from,
  to,
  evidence,
});
function graphOf(actors: Actor[], relations: Relation[] = []): Graph {
  return {
    title: 'Small',
    updated: '2024-01-01',
    actorKinds: [{ id: 'group', label: 'Group' }],
    relationTypes: [{ id: 'attacked', label: 'attacked', definition: 'Attacked.', directed: true }],
    sources: [
      { id: 'wire', title: 'Night raid', publisher: 'Reuters', author: null, published: null, reliability: 'B' },
      { id: 'blog', title: 'Musings', publisher: 'A blog', author: null, published: null, reliability: 'E' },
      { id: 'zine', title: 'Uncited zine', publisher: 'Nobody', author: null, published: null, reliability: 'E' },
    ],
    actors,
    relations,
  };
}
/** Two actors and two relations between them, with the quotes given. */
function twoByTwo(quotes: { a?: string; b?: string; ab?: string; ba?: string }): Graph {
  const items = (quote: string | undefined) => (quote ? [item(quote)] : []);
  return graphOf(
    [actor('a', 'Alpha brigade', items(quotes.a)), actor('b', 'Bravo', items(quotes.b))],
    [relation('a-b', 'a', 'b', items(quotes.ab)), relation('b-a', 'b', 'a', items(quotes.ba))],
  );
}
const quoteOwners = (result: ReturnType<typeof searchGraph>) =>
  result.evidence.find((group) => group.kind === 'quote')?.hits.map((hit) => hit.owner.evidenceIndex);

describe('folding', () => {
  it('a run of punctuation and spaces in plain ASCII text is one space', () => {
    expect(foldText('Brig-Gen.  Qaani, (KH)')).toBe('brig gen qaani kh');
  });

  it('capitals fold to small letters character by character, Z included', () => {
    expect(foldWithMap('ZULU Az').folded).toBe('zulu az');
    expect(shown(excerptAround('ZULU team', 'zulu'))).toBe('[ZULU] team');
  });
});

describe('where a match may start and end', () => {
  it('an excerpt ending just after the match stops there, rather than cutting into the next word', () => {
    expect(shown(excerptAround('xxx needle more words', 'needle', 50, 9))).toBe('xxx [needle]…');
    expect(shown(excerptAround('xxx needle more words', 'needle', 50, 12))).toBe('xxx [needle] more…');
  });

  it('a match starts at the start of a word: "ran" is not found in "Iran"', () => {
    expect(shown(excerptAround('Iran ran', 'ran'))).toBe('Iran [ran]');
  });

  it('one or two letters must be a whole word, at the end of the text or before a space', () => {
    expect(shown(excerptAround('khan and KH, said kh', 'kh'))).toBe('khan and [KH], said [kh]');
  });

  it('three letters may start a longer word', () => {
    expect(shown(excerptAround('PMUF and pmu', 'pmu'))).toBe('[PMUF] and [pmu]');
  });

  it('in the index, a whole word may end where the next text begins; three letters start words there too', () => {
    const graph = graphOf([actor('a', 'A', [item('Fighters of KH'), item('Khazali spoke'), item('PMUF men')])]);
    expect(quoteOwners(searchGraph(graph, 'kh'))).toEqual([0]);
    expect(quoteOwners(searchGraph(graph, 'pmu'))).toEqual([2]);
  });
});

describe('excerpts cut around the match', () => {
  const text = 'one two three four five six needle seven eight nine ten eleven';

  it('cuts at the spaces nearest the window, each side, with an ellipsis where cut', () => {
    expect(excerptAround(text, 'needle', 12, 20)).toEqual([
      { text: '…', marked: false },
      { text: 'five six ', marked: false },
      { text: 'needle', marked: true },
      { text: ' seven eight', marked: false },
      { text: '…', marked: false },
    ]);
  });

  it('before a match with no space in reach, cuts inside the word there is', () => {
    const x20 = 'x'.repeat(20);
    expect(shown(excerptAround(`${x20}-needle tail`, 'needle', 10))).toBe(`…${'x'.repeat(9)}-[needle] tail`);
    expect(shown(excerptAround(`${x20}-needle`, 'needle', 10))).toBe(`…${'x'.repeat(9)}-[needle]`);
  });

  it('a match longer than the window after it is shown whole, with no ellipsis at the end of the text', () => {
    expect(shown(excerptAround('one two needle', 'needle', 50, 3))).toBe('one two [needle]');
  });

  it('a match starting where the excerpt ends is not marked, and one beyond it is not shown', () => {
    expect(shown(excerptAround('xxx needle-needle', 'needle', 50, 7))).toBe('xxx [needle]-…');
    const far = `needle ${'word '.repeat(30)}needle end`;
    expect(shown(excerptAround(far, 'needle', 50, 20))).toBe('[needle] word word…');
  });
});

describe('a text without a match, or nothing typed', () => {
  it('is shown whole when short enough, with nothing marked', () => {
    expect(excerptAround('No drone here.', 'zulu')).toEqual([{ text: 'No drone here.', marked: false }]);
    const exactly140 = `${'word '.repeat(27)}words`;
    expect(excerptAround(exactly140, 'zulu')).toEqual([{ text: exactly140, marked: false }]);
  });

  it('is cut after 140 characters, at the end of a word, when longer', () => {
    expect(excerptAround('word '.repeat(40), 'zulu')).toEqual([
      { text: `${'word '.repeat(28).trimEnd()}…`, marked: false },
    ]);
  });

  it('nothing typed marks nothing, even in a text with no letters (an actor label beside an alias hit)', () => {
    expect(excerptAround('Kataib Hezbollah', '', 16, 16)).toEqual([{ text: 'Kataib Hezbollah', marked: false }]);
    expect(excerptAround('!!!', '')).toEqual([{ text: '!!!', marked: false }]);
  });
});

describe('the ids of what is hit, for the graph', () => {
  it('a quote of the second relation marks that relation only, and one of the first relation that one', () => {
    expect(searchGraph(twoByTwo({ ba: 'A drone.' }), 'drone')).toMatchObject({
      actorIds: [],
      relationIds: ['b-a'],
    });
    expect(searchGraph(twoByTwo({ ab: 'A drone.' }), 'drone')).toMatchObject({
      actorIds: [],
      relationIds: ['a-b'],
    });
    expect(searchGraph(twoByTwo({ b: 'A drone.' }), 'drone')).toMatchObject({ actorIds: ['b'], relationIds: [] });
  });

  it('an actor found by name only is listed by its id', () => {
    const result = searchGraph(twoByTwo({ a: 'A drone.' }), 'bravo');
    expect(result).toMatchObject({ actorIds: ['b'], relationIds: [], evidence: [] });
    expect(result.actors).toMatchObject({ kind: 'actor', heading: 'Actors', total: 1 });
  });

  it('the actors group shows at most the limit, and counts them all', () => {
    const graph = graphOf(Array.from({ length: 10 }, (_, i) => actor(`u${i}`, `Unit ${i}`)));
    const result = searchGraph(graph, 'unit');
    expect(result.actors.hits).toHaveLength(8);
    expect(result.actors.total).toBe(10);
    expect(result.actorIds).toHaveLength(10);
  });

  it('nothing typed gives an empty result, the actors group included', () => {
    expect(searchGraph(twoByTwo({ a: 'A drone.' }), ' , ')).toEqual({
      query: ' , ',
      actors: { kind: 'actor', heading: 'Actors', hits: [], total: 0 },
      evidence: [],
      actorIds: [],
      relationIds: [],
    });
  });
});

describe('sources', () => {
  function cited(): Graph {
    return graphOf(
      [actor('a', 'Alpha brigade', [item('Blogged.', { source: 'blog' })]), actor('b', 'Bravo')],
      [
        relation('a-b', 'a', 'b', [item('One.'), item('Two.')]),
        relation('b-a', 'b', 'a', [item('Three.', { source: 'blog' }), item('Four.')]),
      ],
    );
  }

  it('a source hit counts the actors and relations citing it, and marks them all', () => {
    const result = searchGraph(cited(), 'reuters');
    const hit = result.evidence.find((group) => group.kind === 'source')?.hits[0];
    expect(hit?.ownerName).toBe('cited by 2 entries; opens Alpha brigade attacked Bravo');
    expect(hit?.owner).toEqual({ kind: 'relation', id: 'a-b', evidenceIndex: 0 });
    expect(result.relationIds).toEqual(['a-b', 'b-a']);
  });

  it('a source cited once says so, and names the actor it opens by label', () => {
    const graph = graphOf(
      [actor('a', 'Alpha brigade', [item('Blogged.', { source: 'blog' })])],
      [relation('a-a', 'a', 'a', [item('One.')])],
    );
    const result = searchGraph(graph, 'musings');
    expect(result.evidence.map((group) => group.hits.map((hit) => hit.ownerName))).toEqual([
      ['cited by 1 entry; opens Alpha brigade'],
    ]);
    expect(result).toMatchObject({ actorIds: ['a'], relationIds: [] });
  });

  it('a source nobody cites is not found', () => {
    expect(searchGraph(cited(), 'zine').evidence).toEqual([]);
  });
});

describe('a graph with more text than one chunk of the index', () => {
  it('finds each quote in either chunk, by the right item, a word start at a chunk edge included', () => {
    const graph = graphOf([
      actor('a', 'A', [
        item('x'.repeat(3_999_990)),
        item(`needle ${'y'.repeat(20)}`),
        item(`${'z'.repeat(100)} needle`),
        item('w'.repeat(100)),
      ]),
    ]);
    const quotes = searchGraph(graph, 'needle').evidence[0];
    expect(quotes?.hits.map((hit) => hit.owner.evidenceIndex)).toEqual([1, 2]);
    expect(quotes?.total).toBe(2);
  });
});
