import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv.ts';
import { applyEdit } from '../../src/model/edit.ts';
import type { Sheet } from '../../src/model/sheet.ts';
import { applyMapping, suggestMapping } from '../../src/model/sheet-mapping.ts';
import { mergeImport } from '../../src/model/sheet-merge.ts';
import { formatSheetProblem, graphToSheets, readSheets, SHEET_COLUMNS } from '../../src/model/sheets.ts';
import { loadShippedGraph } from './shipped.ts';

const shipped = loadShippedGraph();

describe('re-importing the actors sheet into the open graph merges by id', () => {
  const actors = graphToSheets(shipped).find((sheet) => sheet.name === 'actors') as Sheet;
  const rows = actors.rows.map((row) => [...row]);
  const renamed = rows[1];
  if (renamed) renamed[1] = 'Mustafa al-Kadhimi (PM)';
  const newcomer = ['new-militia', 'New militia', 'armed-group', '', '', ''];
  const evidence: Sheet = {
    name: 'evidence',
    rows: [
      [...SHEET_COLUMNS.evidence],
      ['new-militia', shipped.sources[0]?.id ?? '', 'A new group.', 'the paper', '', '', '3', ''],
    ],
  };

  it('one renamed actor and one new one: 1 changed, 1 added, 40 unchanged, and one undoable edit', () => {
    const read = readSheets([{ name: 'actors', rows: [...rows, newcomer] }, evidence], { into: shipped });
    expect(read.problems).toEqual([]);
    const merged = mergeImport(shipped, read.items);
    if (!merged.ok) throw new Error(merged.reason);
    expect(merged.report.changed).toEqual([shipped.actors[0]?.id]);
    expect(merged.report.added).toEqual(['new-militia']);
    expect(merged.report.unchanged).toHaveLength(40);
    expect(merged.report.deleted).toEqual([]);
    expect(merged.graph.actors).toHaveLength(42);
    expect(merged.graph.actors[0]?.evidence).toEqual(shipped.actors[0]?.evidence);
    expect(merged.graph.relations).toEqual(shipped.relations);
    const undone = applyEdit(shipped, merged.operation);
    expect(undone.ok && applyEdit(undone.graph, undone.inverse)).toMatchObject({ ok: true, graph: shipped });
  });
});

describe('a messy spreadsheet: its own headers, a typo in a kind, a source nobody defined', () => {
  const messy = parseCsv(
    ['Identifier,Name,Category', 'kadhimi,Mustafa al-Kadhimi,person', 'saraya,Saraya Awliya al-Dam,armed group'].join(
      '\r\n',
    ),
  );
  const evidenceCsv = parseCsv(
    ['Owner,Source ID,Quote,Attributed to,Credibility', 'saraya,reuters-2021,"-They claimed it.",Reuters,3'].join(
      '\r\n',
    ),
  );
  const mapped = (sheet: Sheet, columns: readonly string[]) =>
    applyMapping(sheet, suggestMapping(sheet.rows[0] ?? [], columns));

  it('the headers map onto ours and the typo is pointed at, with the kind meant', () => {
    const sheets = [
      mapped({ name: 'actors', rows: messy }, SHEET_COLUMNS.actors),
      mapped({ name: 'evidence', rows: evidenceCsv }, SHEET_COLUMNS.evidence),
    ];
    const read = readSheets(sheets, { into: shipped });
    expect(read.problems.map(formatSheetProblem)).toEqual([
      'actors.csv:3:C kind: no kind "armed group" (did you mean "armed-group"?)',
      'evidence.csv:2:B source: no source "reuters-2021"; it can be created with the import',
    ]);
  });

  it('once the kind is fixed, the unknown source is missing, and created only when asked', () => {
    const fixed = messy.map((row) => row.map((cell) => (cell === 'armed group' ? 'armed-group' : cell)));
    const sheets = [
      mapped({ name: 'actors', rows: fixed }, SHEET_COLUMNS.actors),
      mapped({ name: 'evidence', rows: evidenceCsv }, SHEET_COLUMNS.evidence),
    ];
    const read = readSheets(sheets, { into: shipped });
    expect(read.errors).toBe(0);
    expect(read.missing.sources).toEqual(['reuters-2021']);
    const refused = mergeImport(shipped, read.items);
    expect(refused.ok).toBe(false);
    expect(refused.report.missing.sources).toEqual(['reuters-2021']);
    const merged = mergeImport(shipped, read.items, { create: { sources: ['reuters-2021'] } });
    if (!merged.ok) throw new Error(merged.reason);
    expect(merged.report.created.sources).toEqual(['reuters-2021']);
    expect(merged.report.added).toEqual(['saraya']);
    expect(merged.graph.sources.find((source) => source.id === 'reuters-2021')?.title).toBe('Reuters 2021');
    expect(merged.graph.actors.find((actor) => actor.id === 'saraya')?.evidence[0]?.quote).toBe('-They claimed it.');
  });
});

describe('deleting what the sheets do not list, only when asked', () => {
  it('an actor left out of the actors sheet goes, with its relations, and the report names them all', () => {
    const actors = graphToSheets(shipped).find((sheet) => sheet.name === 'actors') as Sheet;
    const gone = 'khanjar';
    const kept: Sheet = { name: 'actors', rows: actors.rows.filter((row) => row[0] !== gone) };
    const read = readSheets([kept], { into: shipped });
    expect(read.errors).toBe(0);
    const unasked = mergeImport(shipped, read.items);
    expect(unasked.ok && unasked.graph.actors).toHaveLength(shipped.actors.length);
    const asked = mergeImport(shipped, read.items, { deleteMissing: true });
    if (!asked.ok) throw new Error(asked.reason);
    const relations = shipped.relations.filter((r) => r.from === gone || r.to === gone).map((r) => r.id);
    expect(relations.length).toBeGreaterThan(0);
    expect(asked.report.deleted).toEqual([gone, ...relations]);
    expect(asked.graph.actors.map((actor) => actor.id)).not.toContain(gone);
    expect(asked.graph.relations.filter((r) => relations.includes(r.id))).toEqual([]);
  });
});
