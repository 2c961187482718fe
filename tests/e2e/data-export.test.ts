// Exporting the graph's data for other tools: chosen in the dialog, of what is
// shown or of everything, and read back as those tools would read it.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { readSheetFiles } from '../../src/io/sheet-files.ts';
import { graphToJson } from '../../src/model/graph-json.ts';
import { sheetsToGraph } from '../../src/model/sheets.ts';
import { buttonNamed, deep, filterCheckbox, openExplorer, settle, shipped, shippedText } from './support.ts';

/** The files the explorer offers for download while `run` runs: name and content. */
async function downloads(run: () => Promise<void>): Promise<{ name: string; blob: Blob }[]> {
  const offered: { name: string; href: string }[] = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) offered.push({ name: this.download, href: this.href });
    else click.call(this);
  };
  try {
    await run();
    await expect.poll(() => offered.length).toBeGreaterThan(0);
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  return Promise.all(offered.map(async ({ name, href }) => ({ name, blob: await (await fetch(href)).blob() })));
}

describe('exporting the data', () => {
  it('GEXF of what is shown, chosen in the dialog: only the actors shown, and the file says so', async () => {
    const host = await openExplorer();
    await userEvent.click(filterCheckbox(host, 'Person'));
    await settle(host);
    const people = shipped.actors.filter((actor) => actor.kind === 'person').length;
    const [file] = await downloads(async () => {
      await userEvent.click(buttonNamed(host, 'Export data…'));
      const dialog = deep(host, 'ag-data-export-dialog');
      const gexf = [...(dialog.shadowRoot?.querySelectorAll<HTMLInputElement>('input[name=format]') ?? [])].find(
        (input) => input.value === 'gexf',
      );
      if (!gexf) throw new Error('no GEXF choice');
      await userEvent.click(gexf);
      await userEvent.click(buttonNamed(dialog, 'Export'));
    });
    expect(file?.name).toMatch(/^kadhimi-2021_what-is-shown_\d{4}-\d{2}-\d{2}\.gexf$/);
    const xml = new DOMParser().parseFromString(await (file?.blob.text() ?? ''), 'application/xml');
    expect(xml.querySelector('parsererror')).toBeNull();
    expect(xml.getElementsByTagName('node')).toHaveLength(shipped.actors.length - people);
    expect(xml.getElementsByTagName('description')[0]?.textContent).toContain('what is shown');
  });

  it('the XLSX workbook of everything reads back as the shipped graph, byte for byte', async () => {
    const host = await openExplorer();
    const made = await host.exportData('xlsx', true);
    if (!made) throw new Error('nothing was exported');
    expect(made.fileName).toMatch(/^kadhimi-2021_everything_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const read = await readSheetFiles([new File([made.blob], made.fileName)]);
    if (!read.ok) throw new Error(read.message);
    const result = sheetsToGraph(read.sheets, read.fileNames);
    expect(result.ok && graphToJson(result.graph)).toBe(shippedText);
  });

  it('the STIX bundle holds an object for every actor and a relationship for every relation', async () => {
    const host = await openExplorer();
    const made = await host.exportData('stix', true);
    const bundle = JSON.parse(made?.text ?? '{}') as { type: string; objects: { type: string }[] };
    expect(bundle.type).toBe('bundle');
    const relationships = bundle.objects.filter((object) => object.type === 'relationship');
    expect(relationships).toHaveLength(shipped.relations.length);
  });
});
