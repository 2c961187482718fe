// "Who matters" in the explorer, in real Chromium: the ranking of the actors
// shown, actors sized by a measure and filled by community on the canvas,
// recomputed when a filter changes, and named in an export's caption.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AgRankingPanel } from '../../src/components/ag-ranking-panel.ts';
import type { SnapshotResult } from '../../src/components/events.ts';
import { centralityOf } from '../../src/model/centrality.ts';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import { COMMUNITY_COLOURS } from '../../src/model/palette.ts';
import { parseGraph } from '../../src/model/validate.ts';
import { byId, canvas, deep, filterCheckbox, openExplorer, settle, shippedText, text } from './support.ts';

const parsed = parseGraph(shippedText);
if (!parsed.ok) throw new Error('the shipped graph does not parse');
const graph = parsed.graph;
/** The measures worked out apart from the app, on everything shown. */
const expected = centralityOf(graph, visibleSubgraph(graph, DEFAULT_FILTERS));
const byBetweenness = [...expected.actors].sort((a, b) => b.betweenness - a.betweenness);

const ranking = (host: HTMLElement) => deep<AgRankingPanel>(host, 'ag-ranking-panel');
const rows = (host: HTMLElement) => [...(ranking(host).shadowRoot?.querySelectorAll('tbody tr') ?? [])];

async function openRanking(host: HTMLElement): Promise<void> {
  await userEvent.click(deep(host, '#tab-ranking'));
  await expect.poll(() => rows(host).length, { timeout: 10_000 }).toBeGreaterThan(0);
}

describe('who matters', () => {
  it('ranks the actors shown, sizes them by betweenness and fills them by community on the canvas', async () => {
    const host = await openExplorer();
    await openRanking(host);
    expect(rows(host)).toHaveLength(expected.actors.length);

    const select = deep<HTMLSelectElement>(host, 'ag-ranking-panel', 'select');
    await userEvent.selectOptions(select, 'betweenness');
    const top = byBetweenness[0];
    const zero = byBetweenness.at(-1);
    if (!top || !zero) throw new Error('no actors');
    await expect
      .poll(async () => byId((await canvas(host)).nodes).get(top.id)?.size ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(60);
    const nodes = byId((await canvas(host)).nodes);
    // The actor most between others is drawn largest; one between none, smallest.
    const sizes = [...nodes.values()].map((node) => node.size);
    expect(nodes.get(top.id)?.size).toBe(Math.max(...sizes));
    expect(nodes.get(zero.id)?.size).toBe(Math.min(...sizes));
    expect(text(ranking(host))).toContain('Size: betweenness');

    await userEvent.click(deep(host, 'ag-ranking-panel', 'input[type=checkbox]'));
    await expect
      .poll(async () => new Set((await canvas(host)).nodes.map((node) => node.fill)).size, { timeout: 10_000 })
      .toBeGreaterThan(2);
    const fills = new Set((await canvas(host)).nodes.map((node) => node.fill.toLowerCase()));
    const palette = new Set(COMMUNITY_COLOURS.map((colour) => colour.toLowerCase()));
    expect([...fills].filter((fill) => palette.has(fill)).length).toBeGreaterThanOrEqual(2);

    // The export says what size and fill mean.
    let exported: SnapshotResult | null = null;
    host.addEventListener('ag-exported', (event) => {
      exported = (event as CustomEvent<SnapshotResult>).detail;
    });
    await host.exportSnapshot('png');
    await expect.poll(() => exported !== null).toBe(true);
    const notes = (exported as unknown as SnapshotResult).content.notes.join('\n');
    expect(notes).toContain('Actor size: betweenness');
    expect(notes).toContain('found by the Louvain method');
  });

  it('is computed again over what a filter leaves', async () => {
    const host = await openExplorer();
    await openRanking(host);
    const before = rows(host).length;
    await userEvent.click(deep(host, '#tab-filters'));
    await settle(host);
    await userEvent.click(filterCheckbox(host, 'Person'));
    await userEvent.click(deep(host, '#tab-ranking'));
    const people = graph.actors.filter((actor) => actor.kind === 'person').length;
    expect(people).toBeGreaterThan(0);
    await expect.poll(() => rows(host).length, { timeout: 10_000 }).toBeLessThan(before);
    const listed = rows(host).map((row) => text(row));
    for (const actor of graph.actors.filter((a) => a.kind === 'person')) {
      expect(listed.some((line) => line.includes(actor.label))).toBe(false);
    }
  });
});
