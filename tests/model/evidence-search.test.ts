import { describe, expect, it } from 'vitest';
import {
  buildEvidenceIndex,
  excerptAround,
  foldText,
  foldWithMap,
  HIT_GROUPS,
  type SearchResult,
  searchGraph,
  type TextPart,
} from '../../src/model/evidence-search.ts';
import type { Actor, EvidenceItem, Graph, Relation } from '../../src/model/graph.ts';
import { loadShippedGraph } from './shipped.ts';

const shipped = loadShippedGraph();

/** An excerpt as the analyst reads it, the marked words in [brackets]. */
const shown = (parts: TextPart[]) => parts.map((part) => (part.marked ? `[${part.text}]` : part.text)).join('');
const headings = (result: SearchResult) => [
  ...(result.actors.total > 0 ? ['Actors'] : []),
  ...result.evidence.map((group) => group.heading),
];
const group = (result: SearchResult, heading: string) => result.evidence.find((g) => g.heading === heading);

const item = (quote: string, more: Partial<EvidenceItem> = {}): EvidenceItem => ({
  source: 'wire',
  quote,
  attributedTo: 'the wire',
  credibility: 2,
  ...more,
});
const actor = (id: string, label: string, more: Partial<Actor> = {}): Actor => ({
  id,
  label,
  kind: 'group',
  evidence: [],
  ...more,
});
const relation = (id: string, from: string, to: string, evidence: EvidenceItem[], summary?: string): Relation => ({
  id,
  type: 'attacked',
  from,
  to,
  evidence,
  ...(summary ? { summary } : {}),
});
function small(actors: Actor[], relations: Relation[]): Graph {
  return {
    title: 'Small',
    updated: '2024-01-01',
    actorKinds: [{ id: 'group', label: 'Group' }],
    relationTypes: [{ id: 'attacked', label: 'attacked', definition: 'Attacked.', directed: true }],
    sources: [
      {
        id: 'wire',
        title: 'Night raid on the depot',
        publisher: 'Reuters',
        author: null,
        published: null,
        reliability: 'B',
      },
      { id: 'blog', title: 'Uncited musings', publisher: 'A blog', author: null, published: null, reliability: 'E' },
    ],
    actors,
    relations,
  };
}

describe('the search box finds evidence text on the shipped graph', () => {
  it('"Reuters" finds who claims it, a quote and summaries, each hit in its group after the other', () => {
    const result = searchGraph(shipped, 'Reuters');
    expect(headings(result)).toEqual(['Quotes', 'Who claims', 'Summaries']);
    const quote = group(result, 'Quotes')?.hits[0];
    expect(quote?.owner).toEqual({
      kind: 'relation',
      id: 'iran-backed-militias-suspected-of-drone-attack',
      evidenceIndex: 0,
    });
    expect(shown(quote?.excerpt ?? [])).toContain('sources who spoke to [Reuters] on Monday');
    expect(quote?.ownerName).toBe(
      'Iran-backed militias (unnamed) suspected of carrying out Drone attack on Kadhimi’s residence (7 Nov 2021)',
    );
  });

  it('"militia" lists actors first, then quotes, and marks "militias" whole when it starts with the word typed', () => {
    const result = searchGraph(shipped, 'militia');
    expect(headings(result)[0]).toBe('Actors');
    expect(result.actors.hits[0]?.actor.id).toBe('iran-backed-militias');
    const summaries = group(result, 'Summaries');
    expect(summaries?.hits.map((hit) => shown(hit.excerpt)).join(' ')).toContain('[militias]');
  });

  it('each group shows at most eight hits and counts them all', () => {
    const result = searchGraph(shipped, 'global research');
    const claims = group(result, 'Who claims');
    expect(claims?.hits).toHaveLength(8);
    expect(claims?.total).toBeGreaterThan(30);
    expect(searchGraph(shipped, 'global research', 3).evidence.every((g) => g.hits.length <= 3)).toBe(true);
  });

  it('a source found by its publisher opens the first relation citing it, at the item citing it', () => {
    const sources = group(searchGraph(shipped, 'Global Research'), 'Sources');
    const hit = sources?.hits[0];
    const first = shipped.relations.find((r) => r.evidence.some((e) => e.source === 'global-research'));
    expect(hit?.owner.kind).toBe('relation');
    expect(hit?.owner.id).toBe(first?.id);
    expect(first?.evidence[hit?.owner.evidenceIndex ?? -1]?.source).toBe('global-research');
    expect(shown(hit?.excerpt ?? [])).toBe('Who Tried to Kill Iraqi Prime Minister Al-Kadhimi? · [Global Research]');
  });

  it('"KH" finds Kataib Hezbollah first, and "PMU" the Popular Mobilization Forces, by their abbreviations', () => {
    expect(searchGraph(shipped, 'KH').actors.hits[0]?.actor.id).toBe('kataib-hezbollah');
    expect(searchGraph(shipped, 'kh').actors.hits[0]?.matchedName).toBe('KH');
    expect(searchGraph(shipped, 'PMU').actors.hits.map((m) => m.actor.id)).toEqual(['pmf']);
  });

  it('two or three letters do not match inside a word, of a name or of the evidence', () => {
    expect(searchGraph(shipped, 'ran').actors.hits.map((m) => m.actor.id)).not.toContain('iran');
    const kh = searchGraph(shipped, 'kh');
    // "kh" as a word of its own, not "Khazali" or "Sheikh".
    for (const g of kh.evidence) for (const hit of g.hits) expect(shown(hit.excerpt)).toMatch(/\[KH\]/i);
  });

  it('"Kadhemi" (misspelt) ranks Mustafa al-Kadhimi first, before the event named after him', () => {
    const result = searchGraph(shipped, 'Kadhemi');
    expect(result.actors.hits.map((m) => m.actor.id)).toEqual(['kadhimi', 'drone-attack-2021-11-07']);
    // The evidence is searched for the text typed: a misspelling finds no quote.
    expect(result.evidence).toEqual([]);
  });

  it('the ids of everything hit are listed for the graph, not only the hits shown', () => {
    const result = searchGraph(shipped, 'militia');
    const quoted = shipped.relations.filter((r) => r.evidence.some((e) => /\bmilitia/i.test(e.quote)));
    expect(quoted.length).toBeGreaterThan(8);
    expect(result.relationIds).toEqual(expect.arrayContaining(quoted.map((r) => r.id)));
    expect(result.actorIds).toEqual(expect.arrayContaining(['iran-backed-militias', 'kataib-hezbollah']));
  });

  it('nothing typed, or one letter, finds no evidence', () => {
    expect(searchGraph(shipped, '  ')).toMatchObject({ evidence: [], actorIds: [], relationIds: [] });
    expect(searchGraph(shipped, 'a').evidence).toEqual([]);
  });
});

describe('groups, order and limits on a small graph', () => {
  const graph = small(
    [
      actor('a', 'Alpha brigade', { summary: 'A drone unit.', evidence: [item('Alpha flew a drone.')] }),
      actor('b', 'Bravo'),
    ],
    [
      relation(
        'a-b',
        'a',
        'b',
        [item('No drone seen.', { note: 'The drone claim is unconfirmed.' }), item('Drones, two.')],
        'Alpha attacked Bravo by drone.',
      ),
    ],
  );

  it('hits come in the order of HIT_GROUPS; in a group, actors’ texts come before relations’', () => {
    const result = searchGraph(graph, 'drone');
    expect(headings(result)).toEqual(['Quotes', 'Summaries', 'Notes']);
    expect(HIT_GROUPS.map((g) => g.heading)).toEqual([
      'Actors',
      'Quotes',
      'Who claims',
      'Summaries',
      'Notes',
      'Sources',
    ]);
    expect(group(result, 'Quotes')?.hits.map((hit) => [hit.owner.id, hit.owner.evidenceIndex])).toEqual([
      ['a', 0],
      ['a-b', 0],
      ['a-b', 1],
    ]);
    expect(group(result, 'Summaries')?.hits.map((hit) => hit.owner)).toEqual([
      { kind: 'actor', id: 'a', evidenceIndex: null },
      { kind: 'relation', id: 'a-b', evidenceIndex: null },
    ]);
    expect(group(result, 'Quotes')?.hits[1]?.ownerName).toBe('Alpha brigade attacked Bravo');
  });

  it('a text with the word twice is one hit; a source nobody cites is not listed', () => {
    const twice = small([actor('a', 'A', { evidence: [item('drone, drone and drone')] })], []);
    expect(searchGraph(twice, 'drone').evidence[0]?.total).toBe(1);
    expect(searchGraph(graph, 'musings').evidence).toEqual([]);
    expect(group(searchGraph(graph, 'reuters'), 'Sources')?.hits[0]?.owner).toEqual({
      kind: 'relation',
      id: 'a-b',
      evidenceIndex: 0,
    });
  });

  it('the limit counts each group on its own', () => {
    const many = small(
      [actor('a', 'A', { evidence: Array.from({ length: 20 }, (_, i) => item(`Report ${i} of a drone.`)) })],
      [],
    );
    const quotes = searchGraph(many, 'drone').evidence[0];
    expect(quotes?.hits.map((hit) => hit.owner.evidenceIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(quotes?.total).toBe(20);
  });

  it('the index holds one entry per text written: quotes, who claims, summaries, notes, sources cited', () => {
    const index = buildEvidenceIndex(graph);
    expect(index.columns.map((column) => [column.kind, column.entries.length])).toEqual([
      ['quote', 3],
      ['attributedTo', 3],
      ['summary', 2],
      ['note', 1],
      ['source', 1],
    ]);
  });
});

describe('excerpts and the words marked in them', () => {
  it('marks every match in the excerpt, to the end of the word it starts', () => {
    expect(shown(excerptAround('Militias and a militia-man; no Militant.', foldText('militia')))).toBe(
      '[Militias] and a [militia]-man; no Militant.',
    );
  });

  it('ignores case, accents and apostrophes, and marks the original letters', () => {
    expect(shown(excerptAround('Asa’ib Ahl al-Haq and ASAIB', foldText('asaib')))).toBe(
      '[Asa’ib] Ahl al-Haq and [ASAIB]',
    );
    expect(shown(excerptAround('Le Café Noir', foldText('cafe')))).toBe('Le [Café] Noir');
  });

  it('a phrase typed is marked across the words it spans', () => {
    expect(shown(excerptAround('the drone  attack, then', foldText('drone att')))).toBe('the [drone  attack], then');
  });

  it('cuts a long text around the match at spaces, with an ellipsis each side', () => {
    const long = `${'word '.repeat(100)}the needle is here ${'after '.repeat(100)}`;
    const parts = excerptAround(long, 'needle');
    const text = shown(parts);
    expect(text.startsWith('…word')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toContain('the [needle] is here');
    expect(text.length).toBeLessThan(170);
    // No word cut in two.
    expect(text).not.toMatch(/…(?!word)\w/);
  });

  it('a 10,000-character quote gives a short excerpt', () => {
    const quote = `${'x'.repeat(6000)} drone ${'y'.repeat(4000)}`;
    const graph = small([actor('a', 'A', { evidence: [item(quote)] })], []);
    const hit = searchGraph(graph, 'drone').evidence[0]?.hits[0];
    expect(shown(hit?.excerpt ?? []).length).toBeLessThan(200);
    expect(shown(hit?.excerpt ?? [])).toContain('[drone]');
  });

  it('hostile text stays text: the parts are the characters written, never markup', () => {
    const hostile = '<img src=x onerror="alert(1)"> drone <script>alert(2)</script>';
    const graph = small([actor('a', 'A', { evidence: [item(hostile)] })], []);
    const hit = searchGraph(graph, 'drone').evidence[0]?.hits[0];
    expect(hit?.excerpt.map((part) => part.text).join('')).toBe(hostile);
    expect(hit?.excerpt.find((part) => part.marked)?.text).toBe('drone');
    // Markup is no word to find: "img" and "script" are found as the words they are, not elements.
    expect(searchGraph(graph, 'onerror').evidence[0]?.hits[0]?.excerpt.some((p) => p.text === 'onerror')).toBe(true);
  });

  it('folding a character at a time gives the same text as folding the whole, with a map back', () => {
    for (const text of ['ΟΔΟΣ Σοφίας', 'Asa’ib  Ahl—al-Haq!', 'İstanbul Ǆemal', '🙂 drone 🙂x', '  ', "it's"]) {
      expect(foldWithMap(text).folded).toBe(foldText(text));
    }
    const { folded, starts, ends } = foldWithMap('Café-Noir');
    expect(folded).toBe('cafe noir');
    expect([starts[3], ends[3]]).toEqual([3, 4]);
    expect(starts[5]).toBe(5);
  });
});
