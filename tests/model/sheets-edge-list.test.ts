import { describe, expect, it } from 'vitest';
import { graphToJson } from '../../src/model/graph-json.ts';
import { newGraph } from '../../src/model/new-graph.ts';
import type { Sheet } from '../../src/model/sheet.ts';
import { mergeImport } from '../../src/model/sheet-merge.ts';
import { formatSheetProblem, SHEET_COLUMNS, SHEET_NAMES, sheetsToGraph } from '../../src/model/sheets.ts';
import {
  EDGE_LIST_COLUMNS,
  edgeListTemplate,
  edgeListToItems,
  isEdgeList,
  templateSheets,
} from '../../src/model/sheets-extra.ts';
import { parseGraph } from '../../src/model/validate.ts';
import { loadShippedGraph } from './shipped.ts';

const shipped = loadShippedGraph();
const options = { fileName: 'edges.csv', defaultKind: 'person' };

const edges: Sheet = {
  name: 'edges',
  rows: [
    ['from', 'type', 'to', 'source', 'quote', 'credibility'],
    ['Saraya Awliya al-Dam', 'threatened', 'Kadhimi', 'isc', 'The group vowed to make him pay.', '3'],
    ['Kataib Hezbollah', 'funded', 'Saraya Awliya al-Dam', 'isc', 'Money came from the brigades.', ''],
    ['Kadhimi', 'condemned', 'Kataib Hezbollah', 'reuters-2021', 'The prime minister condemned the attack.', '2'],
  ],
};

describe('an edge list of three rows read into the shipped graph', () => {
  const read = edgeListToItems(edges, shipped, options);
  const messages = read.problems.map(formatSheetProblem);

  it('is recognised as an edge list, and the exported relations sheet is not', () => {
    expect(isEdgeList(edges)).toBe(true);
    expect(isEdgeList({ name: 'relations', rows: [[...SHEET_COLUMNS.relations]] })).toBe(false);
    expect(isEdgeList({ name: 'actors', rows: [[...SHEET_COLUMNS.actors]] })).toBe(false);
  });

  it('"Kadhimi" by label or alias is the existing actor kadhimi; an unknown name becomes one new actor', () => {
    expect(read.errors).toBe(0);
    expect(read.items.actors?.map((actor) => actor.id)).toEqual(['saraya-awliya-al-dam']);
    const created = read.items.actors?.[0];
    expect(created).toMatchObject({ label: 'Saraya Awliya al-Dam', kind: 'person' });
    expect(created?.evidence).toEqual([
      {
        source: 'isc',
        quote: 'The group vowed to make him pay.',
        attributedTo: 'International South Connect',
        credibility: 3,
      },
    ]);
    const relations = read.items.relations ?? [];
    expect(relations.map((relation) => [relation.from, relation.type, relation.to])).toEqual([
      ['saraya-awliya-al-dam', 'threatened', 'kadhimi'],
      ['kataib-hezbollah', 'funded', 'saraya-awliya-al-dam'],
      ['kadhimi', 'condemned', 'kataib-hezbollah'],
    ]);
    expect(relations[0]?.id).toBe('saraya-awliya-al-dam-threatened-kadhimi');
    expect(messages).toContain(
      'edges.csv:2:A from: no actor "Saraya Awliya al-Dam" in the graph; ' +
        'it becomes a new actor "saraya-awliya-al-dam" of kind "person"',
    );
  });

  it('the unknown type and the unknown source are missing, offered for creation, each at its cell', () => {
    expect(read.missing).toEqual({ kinds: [], types: ['funded'], sources: ['reuters-2021'] });
    expect(messages).toContain('edges.csv:3:B type: no type "funded"; it can be created with the import');
    expect(messages.some((m) => m.startsWith('edges.csv:4:D source: no source "reuters-2021"'))).toBe(true);
  });

  it('an empty credibility is graded 6, said once at the first such cell', () => {
    expect(read.items.relations?.[1]?.evidence[0]?.credibility).toBe(6);
    expect(messages.filter((m) => m.includes('graded 6'))).toEqual([
      'edges.csv:3:F credibility: empty; graded 6, "truth cannot be judged", ' +
        'here and on every row that gives no credibility',
    ]);
  });

  it('merged with the missing type and source created, the graph validates', () => {
    expect(mergeImport(shipped, read.items).ok).toBe(false);
    const merged = mergeImport(shipped, read.items, { create: read.missing });
    if (!merged.ok) throw new Error(merged.reason);
    expect(merged.report.added).toEqual([
      'saraya-awliya-al-dam',
      'saraya-awliya-al-dam-threatened-kadhimi',
      'kataib-hezbollah-funded-saraya-awliya-al-dam',
      'kadhimi-condemned-kataib-hezbollah',
    ]);
    const checked = parseGraph(graphToJson(merged.graph));
    expect(checked.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(checked.ok).toBe(true);
  });
});

describe('rows about the same relation, and relations the graph has already', () => {
  const row = (to: string, quote: string, date = '') => ['Kataib Hezbollah', 'Accused', to, 'isc', quote, date];
  const header = ['from', 'type', 'to', 'source', 'quote', 'date'];

  it('two rows with the same from, type, to and date are one relation with two pieces of evidence', () => {
    const sheet = { name: 'edges', rows: [header, row('Qais al-Khazali', 'one'), row('khazali', 'two')] };
    const read = edgeListToItems(sheet, shipped, options);
    expect(read.items.relations).toHaveLength(1);
    expect(read.items.relations?.[0]?.evidence.map((item) => item.quote)).toEqual(['one', 'two']);
  });

  it('a row for a relation the graph has adds its evidence to it; a quote it has already is not added twice', () => {
    const existing = shipped.relations.find((relation) => relation.id === 'kataib-hezbollah-accused-kadhimi');
    const known = existing?.evidence[0]?.quote ?? '';
    const sheet = { name: 'edges', rows: [header, row('Kadhimi', 'new quote', '2020'), row('Kadhimi', known, '2020')] };
    const read = edgeListToItems(sheet, shipped, options);
    expect(read.items.relations?.map((relation) => relation.id)).toEqual(['kataib-hezbollah-accused-kadhimi']);
    expect(read.items.relations?.[0]?.evidence).toHaveLength((existing?.evidence.length ?? 0) + 1);
    expect(read.problems.map(formatSheetProblem)).toContain(
      'edges.csv:3:E quote: the graph has this quote for "kataib-hezbollah-accused-kadhimi" already; not added again',
    );
    const merged = mergeImport(shipped, read.items);
    expect(merged.ok && merged.report.changed).toEqual(['kataib-hezbollah-accused-kadhimi']);
  });
});

describe('edge list mistakes are pointed at their cells', () => {
  it('a missing quote column, a bad credibility, an impossible date and a typo in a type', () => {
    const noQuote = edgeListToItems({ name: 'edges', rows: [['from', 'type', 'to', 'source']] }, shipped, options);
    expect(noQuote.problems.map(formatSheetProblem)).toEqual([
      'edges.csv:1 quote: no "quote" column; an edge list needs from, type, to, source, quote',
    ]);
    const rows = [
      [...EDGE_LIST_COLUMNS],
      ['Kadhimi', 'condemned', 'Iran', 'isc', 'q', '', 'high', '', ''],
      ['Kadhimi', 'condemned', 'Iran', 'isc', 'q', '', '', '2021-02-30', ''],
      ['Kadhimi', 'condemed', 'Iran', 'isc', 'q', '', '', '', ''],
      ['Kadhimi', 'met', 'Mustafa al-Kadhimi', 'isc', 'q', '', '', '', ''],
    ];
    const read = edgeListToItems({ name: 'edges', rows }, shipped, options);
    const messages = read.problems.map(formatSheetProblem);
    expect(messages).toContain('edges.csv:2:G credibility: "high" is not a credibility; one of 1, 2, 3, 4, 5, 6');
    expect(messages).toContain('edges.csv:3:H date: "2021-02-30" is not a real day (2021-02 has 28 days)');
    expect(messages).toContain(
      'edges.csv:4:B type: no type "condemed" (did you mean "condemned"?); it can be created with the import',
    );
    expect(messages.some((m) => m.startsWith('edges.csv:5:C to:'))).toBe(true);
    expect(read.errors).toBe(3);
  });
});

describe('the templates an analyst downloads', () => {
  it('hold every sheet with its headers, and their example rows make a valid graph', () => {
    const sheets = templateSheets();
    expect(sheets.map((sheet) => sheet.name)).toEqual(SHEET_NAMES);
    for (const sheet of sheets) {
      expect(sheet.rows[0]).toEqual(SHEET_COLUMNS[sheet.name as keyof typeof SHEET_COLUMNS]);
      expect(sheet.rows.length).toBeGreaterThan(1);
    }
    const result = sheetsToGraph(sheets);
    if (!result.ok) throw new Error(result.problems.map(formatSheetProblem).join('\n'));
    expect(result.problems).toEqual([]);
    const checked = parseGraph(graphToJson(result.graph));
    expect(checked.problems).toEqual([]);
    expect(result.graph.relations.map((relation) => relation.type)).toEqual(['denied']);
  });

  it('the edge list template, read into a new graph, asks only for its source and then merges', () => {
    const template = edgeListTemplate();
    expect(template.rows).toHaveLength(2);
    expect(isEdgeList(template)).toBe(true);
    const graph = newGraph('New', null, '2021-05-10');
    const read = edgeListToItems(template, graph, options);
    expect(read.errors).toBe(0);
    expect(read.missing).toEqual({ kinds: [], types: [], sources: ['example-news-2021-05-10'] });
    const merged = mergeImport(graph, read.items, { create: read.missing });
    if (!merged.ok) throw new Error(merged.reason);
    expect(merged.graph.actors.map((actor) => actor.label)).toEqual(['Saraya al-Mithal', 'Hassan Jaber']);
    expect(parseGraph(graphToJson(merged.graph)).ok).toBe(true);
  });
});
