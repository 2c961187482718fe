// Importing spreadsheets into the graph on screen: columns matched to ours,
// every problem at its cell, nothing changed by a sheet with errors, and a
// merge by id that says what it did and is undone in one step.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AgApp } from '../../src/components/ag-app.ts';
import { readSheetFiles } from '../../src/io/sheet-files.ts';
import { sheetsToGraph } from '../../src/model/sheets.ts';
import { buttonNamed, deep, openExplorer, settle, shipped, text } from './support.ts';

const csv = (rows: string[][]) =>
  `${rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;

function actorsFile(kind: string): File {
  return new File(
    [
      csv([
        ['ID', 'Name', 'Kind', 'Aliases', 'Summary'],
        ['kadhimi', 'Mustafa al-Kadhimi (prime minister)', 'person', '', ''],
        ['saraya-awliya-al-dam', 'Saraya Awliya al-Dam', kind, '', 'A militia named in later reports.'],
      ]),
    ],
    'actors.csv',
  );
}

const evidenceFile = new File(
  [
    csv([
      ['owner', 'source', 'quote', 'attributedTo', 'claimant', 'stance', 'credibility', 'note'],
      ['saraya-awliya-al-dam', 'reuters', 'a little-known group', 'Reuters', '', '', '3', ''],
    ]),
  ],
  'evidence.csv',
);

const dialogOf = (host: AgApp) => deep(host, 'ag-import-dialog');
const dialogText = (host: AgApp) => text(dialogOf(host));

afterEach(() => {
  localStorage.removeItem('ag-sheet-mappings');
});

describe('importing spreadsheets', () => {
  it('a messy sheet: columns mapped, errors by cell, nothing changed; fixed, it merges with a report', async () => {
    const host = await openExplorer();
    await userEvent.click(buttonNamed(host, 'Import sheets…'));
    const input = deep<HTMLInputElement>(dialogOf(host), '#sheet-files');
    await userEvent.upload(input, [actorsFile('armed group'), evidenceFile]);

    // The renamed headers are matched to ours, and shown for the analyst to check.
    await expect.poll(() => dialogText(host)).toContain('Columns of actors.csv, read as actors');
    const select = deep<HTMLSelectElement>(dialogOf(host), 'select[aria-label="Read the column Name as"]');
    expect(select.value).toBe('label');
    // Remembered for files laid out the same way.
    expect(Object.values(JSON.parse(localStorage.getItem('ag-sheet-mappings') ?? '{}'))).toContainEqual(
      expect.objectContaining({ Name: 'label', ID: 'id' }),
    );
    // Every problem at its cell; the unknown source is offered, not invented.
    await expect
      .poll(() => dialogText(host))
      .toContain('actors.csv:3:C kind: no kind "armed group" (did you mean "armed-group"?)');
    expect(dialogText(host)).toContain('Create the source “reuters”');
    expect(buttonNamed(dialogOf(host), 'Import').disabled).toBe(true);
    expect(host.graph?.actors).toHaveLength(shipped.actors.length);
    // Listed in the panel of file errors too, where they stay once the dialog is closed.
    const panel = text(deep(host, 'ag-problem-list'));
    expect(panel).toContain('actors.csv, evidence.csv could not be imported: 1 error');
    expect(panel).toContain('actors.csv:3:C kind: no kind "armed group" (did you mean "armed-group"?)');

    // The fixed sheet, the source created on request: the preview, then the merge.
    await userEvent.upload(input, [actorsFile('armed-group'), evidenceFile]);
    // Read again: the error is gone, the unknown source is still only offered.
    const createSource = () =>
      [...(dialogOf(host).shadowRoot?.querySelectorAll('label') ?? [])]
        .find((label) => label.textContent?.includes('Create the source “reuters”'))
        ?.querySelector('input');
    await expect
      .poll(() => !dialogText(host).includes('no kind "armed group"') && createSource() !== undefined)
      .toBe(true);
    await userEvent.click(createSource() as HTMLInputElement);
    expect(text(deep(host, 'ag-problem-list')).trim()).toBe('');
    await expect.poll(() => dialogText(host)).toContain('The import will add');
    expect(dialogText(host)).toContain('The import will add 1, change 1 and leave 0 as they are.');
    expect(dialogText(host)).toContain('Created on request: reuters');
    await userEvent.click(buttonNamed(dialogOf(host), 'Import'));
    await expect.poll(() => host.graph?.actors).toHaveLength(shipped.actors.length + 1);
    expect(host.graph?.actors.find((actor) => actor.id === 'kadhimi')?.label).toBe(
      'Mustafa al-Kadhimi (prime minister)',
    );
    expect(host.graph?.sources.map((source) => source.id)).toContain('reuters');
    expect(text(host)).toContain('Imported: 1 added, 1 changed, 0 left as they were, reuters created');
    // One edit: Ctrl+Z takes the whole import back, also outside Edit mode.
    expect(host.editing).toBe(false);
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(() => host.graph?.actors).toHaveLength(shipped.actors.length);
    expect(host.graph?.sources.map((source) => source.id)).not.toContain('reuters');
    expect(host.graph?.actors.find((actor) => actor.id === 'kadhimi')?.label).toBe('Mustafa al-Kadhimi');
  });

  it('a CSV opened as a graph file gets a message that says what the explorer accepts', async () => {
    const host = await openExplorer();
    await userEvent.upload(deep(host, 'input[type=file]'), actorsFile('person'));
    await expect
      .poll(() => text(deep(host, 'ag-problem-list')))
      .toContain('is a spreadsheet, not a graph file: Import sheets… merges spreadsheets (CSV, XLSX) into the graph');
    await settle(host);
    expect(host.graph?.actors).toHaveLength(shipped.actors.length);
  });
});

describe('quick starts', () => {
  it('an edge list names actors by name: a known one is matched, a new one added with the kind chosen', async () => {
    const host = await openExplorer();
    const evidence = shipped.relations.find((relation) => relation.id === 'qaani-met-kadhimi')?.evidence[0];
    if (!evidence) throw new Error('no evidence for Qaani meeting Kadhimi');
    const edges = new File(
      [
        csv([
          ['From', 'Type', 'To', 'Source', 'Quote'],
          ['Esmail Qaani', 'met', 'Saraya Awliya al-Dam', evidence.source, evidence.quote],
        ]),
      ],
      'edges.csv',
    );
    await userEvent.click(buttonNamed(host, 'Import sheets…'));
    await userEvent.upload(deep<HTMLInputElement>(dialogOf(host), '#sheet-files'), edges);
    await expect.poll(() => dialogText(host)).toContain('read as an edge list');
    await userEvent.selectOptions(deep(dialogOf(host), '#edge-kind'), 'armed-group');
    await expect.poll(() => dialogText(host)).toContain('The import will add 2, change 0');
    await userEvent.click(buttonNamed(dialogOf(host), 'Import'));
    await expect.poll(() => host.graph?.actors).toHaveLength(shipped.actors.length + 1);
    const added = host.graph?.actors.find((actor) => actor.label === 'Saraya Awliya al-Dam');
    expect(added?.kind).toBe('armed-group');
    const relation = host.graph?.relations.find((entry) => entry.to === added?.id);
    expect(relation).toMatchObject({ from: 'qaani', type: 'met' });
    expect(relation?.evidence[0]?.quote).toBe(evidence.quote);
  });

  it('the template workbook imports as a valid graph', async () => {
    const host = await openExplorer();
    await userEvent.click(buttonNamed(host, 'Import sheets…'));
    const offered: { name: string; href: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      offered.push({ name: this.download, href: this.href });
    };
    try {
      await userEvent.click(buttonNamed(dialogOf(host), 'Template (XLSX)'));
      await expect.poll(() => offered.length).toBe(1);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(offered[0]?.name).toBe('graph-template.xlsx');
    const blob = await (await fetch(offered[0]?.href ?? '')).blob();
    const read = await readSheetFiles([new File([blob], 'graph-template.xlsx')]);
    if (!read.ok) throw new Error(read.message);
    const result = sheetsToGraph(read.sheets, read.fileNames);
    expect(result.ok && result.problems).toEqual([]);
  });
});
