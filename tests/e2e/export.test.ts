// PNG snapshots: real pixels, under the canvas limit, and never clipped silently.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { SnapshotResult } from '../../src/components/events.ts';
import { buttonNamed, deep, graphView, openExplorer, openText, settle, text } from './support.ts';

async function pixelsOf(blob: Blob): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return {
    width: bitmap.width,
    height: bitmap.height,
    data: context.getImageData(0, 0, bitmap.width, bitmap.height).data,
  };
}

/** Share of pixels that are not (near) white. */
function inkShare(data: Uint8ClampedArray): number {
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked++;
  return inked / (data.length / 4);
}

/** A one-actor-pair graph with the given title and first actor label. */
function graphWith(title: string, label: string): string {
  const item = { source: 's', quote: 'q', attributedTo: 'x', credibility: 2 };
  return JSON.stringify({
    title,
    updated: '2026-11-28',
    actorKinds: [{ id: 'person', label: 'Person' }],
    relationTypes: [{ id: 'met', label: 'met', definition: 'met', directed: false }],
    sources: [{ id: 's', title: 'S', publisher: 'P', author: null, published: null, reliability: 'C' }],
    actors: [
      { id: 'a', label, kind: 'person', evidence: [item] },
      { id: 'b', label: 'B', kind: 'person', evidence: [item] },
    ],
    relations: [{ id: 'r', type: 'met', from: 'a', to: 'b', evidence: [item] }],
  });
}

describe('exporting a PNG', () => {
  it('exports the view at 2x scale with real pixels, also with filters applied, and says it is complete', async () => {
    const host = await openExplorer('#hideKinds=event');
    const exported = new Promise<SnapshotResult>((resolve) =>
      host.addEventListener('ag-exported', (e) => resolve(e.detail), { once: true }),
    );
    await userEvent.click(buttonNamed(host, 'Export PNG'));
    const result = await exported;
    expect(result.fileName).toMatch(/^kadhimi-2021_on-screen_\d{4}-\d{2}-\d{2}\.png$/);
    expect(result.shortenings).toEqual([]);
    // The report's width at 2x, whatever the window; the graph and the caption below one another.
    expect(result.width).toBe(2400);
    expect(result.height).toBeGreaterThan(result.graph.height * 2);
    const image = await pixelsOf(result.blob);
    expect(inkShare(image.data)).toBeGreaterThan(0.005);
    expect(image.data[3]).toBe(255); // white, opaque background
    await settle(host);
    expect(text(host)).toContain(`Exported ${result.fileName} (${result.width} × ${result.height} px)`);
  });

  it('the whole-graph export fits the whole graph and stays under the canvas limit', async () => {
    const host = await openExplorer();
    await userEvent.selectOptions(deep<HTMLSelectElement>(host, '#export-scope'), 'whole');
    const result = await host.exportSnapshot();
    expect(result?.fileName).toMatch(/^kadhimi-2021_whole-graph-no-filters_/);
    expect(Math.max(result!.width, result!.height)).toBeLessThanOrEqual(8192);
  });

  it('a title too long for three lines is shortened, and the image and the notice say so', async () => {
    const host = await openExplorer();
    // The longest title a file may have (300 characters), without a space: it wraps mid-word.
    const title = 'W'.repeat(300);
    expect(await openText(host, graphWith(title, 'A'), 'long-title.json')).toBe(true);
    await host.graphDrawn;
    const result = await host.exportSnapshot();
    expect(result!.shortenings).toContain('title shortened');
    expect(result!.height).toBeLessThan(3000);
    // The graph is in the picture, not crowded out by the title.
    expect(inkShare((await pixelsOf(result!.blob)).data)).toBeGreaterThan(0.005);
    await settle(host);
    expect(text(host)).toContain('shortened to fit: title shortened');
  });

  it('a 5,000-character label without spaces neither widens its node nor runs off the image', async () => {
    const host = await openExplorer();
    expect(await openText(host, graphWith('Long label', 'X'.repeat(5000)), 'long-label.json')).toBe(false);
    // Over the label limit: refused with a located message. Just under it, it is drawn within a normal box.
    expect(await openText(host, graphWith('Long label', 'Y'.repeat(200)), 'long-label.json')).toBe(true);
    await host.graphDrawn;
    const { boxes } = await graphView(host).renderedNodeBoxes();
    const box = boxes.find((b) => b.id === 'a')!;
    expect(box.x2 - box.x1).toBeLessThan(300);
    const result = await host.exportSnapshot();
    expect(result!.width).toBeLessThanOrEqual(8192);
    expect(result!.shortenings).toEqual([]);
  });
});
