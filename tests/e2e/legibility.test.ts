// Legible at the window sizes analysts have: the labels drawn are at least
// 10 px on screen and never overlap; when not all fit, the most connected
// actors and the selection keep theirs. Panels give their width to the graph.
import { afterAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { AgApp } from '../../src/components/ag-app.ts';
import type { DrawnLabel } from '../../src/cy/graph-controller.ts';
import { buttonNamed, canvas, deep, graphView, openExplorer, part, settle, shipped } from './support.ts';

const overlap = (a: DrawnLabel, b: DrawnLabel) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function overlappingPairs(labels: DrawnLabel[]): string[] {
  const pairs: string[] = [];
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) if (overlap(a, b)) pairs.push(`${a.id} × ${b.id}`);
  }
  return pairs;
}

/** The labels once they have settled after the last zoom or change (polled, not slept). */
async function settledLabels(host: AgApp): Promise<DrawnLabel[]> {
  let last = '';
  let labels: DrawnLabel[] = [];
  await expect
    .poll(async () => {
      labels = await graphView(host).drawnLabels();
      const key = JSON.stringify(labels.map((l) => [l.id, Math.round(l.px)]));
      const same = key === last;
      last = key;
      return same && labels.length > 0;
    })
    .toBe(true);
  return labels;
}

const degree = new Map<string, number>();
for (const relation of shipped.relations) {
  degree.set(relation.from, (degree.get(relation.from) ?? 0) + 1);
  degree.set(relation.to, (degree.get(relation.to) ?? 0) + 1);
}
const mostConnected = [...degree.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';

afterAll(async () => {
  await page.viewport(1400, 900);
});

describe.each([
  [1024, 768],
  [1280, 720],
  [1440, 900],
])('at %i x %i', (width, height) => {
  it('the first picture draws labels of at least 10 px, none overlapping, the most connected actor named', async () => {
    await page.viewport(width, height);
    const host = await openExplorer();
    const labels = await settledLabels(host);
    const nodeIds = new Set(shipped.actors.map((a) => a.id));
    const nodeLabels = labels.filter((l) => nodeIds.has(l.id));
    expect(Math.min(...labels.map((l) => l.px))).toBeGreaterThanOrEqual(10);
    expect(overlappingPairs(labels)).toEqual([]);
    expect(nodeLabels.map((l) => l.id)).toContain(mostConnected);
    // Most actors keep their name: hiding is for the few that would collide.
    expect(nodeLabels.length).toBeGreaterThanOrEqual(shipped.actors.length * 0.6);
    // The graph takes more than half the window, with both panels open.
    expect(graphView(host).getBoundingClientRect().width).toBeGreaterThanOrEqual(width * 0.5);
  });

  it('a selection keeps its label and its relations are named without overlaps', async () => {
    await page.viewport(width, height);
    const host = await openExplorer('#actor=kataib-hezbollah');
    const labels = await settledLabels(host);
    const ids = labels.map((l) => l.id);
    expect(ids).toContain('kataib-hezbollah');
    const his = shipped.relations.filter((r) => r.from === 'kataib-hezbollah' || r.to === 'kataib-hezbollah');
    expect(his.filter((r) => ids.includes(r.id)).length).toBeGreaterThan(0);
    expect(overlappingPairs(labels)).toEqual([]);
    expect(Math.min(...labels.map((l) => l.px))).toBeGreaterThanOrEqual(10);
  });
});

describe('a shared focus link', () => {
  it('opens at 1024 x 768 framed on the neighbourhood, every kept actor in view and named larger', async () => {
    await page.viewport(1024, 768);
    const whole = await openExplorer();
    const wholeZoom = (await canvas(whole)).zoom;
    whole.remove();
    const host = await openExplorer('#focus=muqtada-al-sadr:1');
    const area = graphView(host).getBoundingClientRect();
    const kept = new Set(['muqtada-al-sadr']);
    for (const r of shipped.relations) {
      if (r.from === 'muqtada-al-sadr') kept.add(r.to);
      if (r.to === 'muqtada-al-sadr') kept.add(r.from);
    }
    await expect.poll(async () => (await canvas(host)).zoom).toBeGreaterThan(wholeZoom * 1.2);
    for (const id of kept) {
      const position = await graphView(host).renderedPositionOf(id);
      expect(
        position && position.x > 0 && position.x < area.width && position.y > 0 && position.y < area.height,
        id,
      ).toBe(true);
    }
  });
});

describe('panels', () => {
  it('closing the filters gives their width to the graph, and opening them gives it back', async () => {
    await page.viewport(1440, 900);
    const host = await openExplorer();
    const before = graphView(host).getBoundingClientRect().width;
    await userEvent.click(buttonNamed(host, 'Filters'));
    await settle(host);
    expect(deep(host, 'ag-filter-panel').checkVisibility()).toBe(false);
    await expect.poll(() => graphView(host).getBoundingClientRect().width).toBeGreaterThan(before + 200);
    await userEvent.click(buttonNamed(host, 'Evidence'));
    await settle(host);
    expect(part(host, 'ag-evidence-panel').checkVisibility()).toBe(false);
    await expect.poll(() => graphView(host).getBoundingClientRect().width).toBeGreaterThan(1400);
    await userEvent.click(buttonNamed(host, 'Filters'));
    await userEvent.click(buttonNamed(host, 'Evidence'));
    await expect.poll(() => graphView(host).getBoundingClientRect().width).toBeCloseTo(before, 0);
  });

  it('on a narrow window the evidence opens over the graph for a selection, and closes with it', async () => {
    await page.viewport(1024, 768);
    const host = await openExplorer();
    const evidence = part(host, 'ag-evidence-panel');
    expect(evidence.checkVisibility()).toBe(false);
    const width = graphView(host).getBoundingClientRect().width;
    host.dispatch({ type: 'select', selection: { kind: 'actor', id: 'iraq' }, centre: false });
    await settle(host);
    expect(evidence.checkVisibility()).toBe(true);
    expect(getComputedStyle(evidence).position).toBe('absolute');
    // The graph keeps its size under the panel, and the selected actor is not under it.
    expect(graphView(host).getBoundingClientRect().width).toBe(width);
    const panelLeft = evidence.getBoundingClientRect().left - graphView(host).getBoundingClientRect().left;
    await expect
      .poll(async () => (await graphView(host).renderedPositionOf('iraq'))?.x ?? Number.POSITIVE_INFINITY)
      .toBeLessThan(panelLeft);
    const state = await canvas(host);
    expect(state.nodes.find((n) => n.id === 'iraq')?.selected).toBe(true);
    await userEvent.keyboard('{Escape}');
    await settle(host);
    expect(evidence.checkVisibility()).toBe(false);
  });
});
