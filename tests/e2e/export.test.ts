// Snapshots (PNG and SVG): real pixels at the report's size whatever the
// window, a caption of exactly what is drawn, labels that neither overlap nor
// cross the edge, and never clipped silently.
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { generateGraph } from '../../scripts/generate-graph.ts';
import type { AgApp } from '../../src/components/ag-app.ts';
import type { SnapshotResult } from '../../src/components/events.ts';
import type { LabelBox } from '../../src/model/label-declutter.ts';
import type { ExportFormat, ExportScope } from '../../src/model/snapshot-content.ts';
import { buttonNamed, deep, graphView, openExplorer, openText, settle, shipped, text } from './support.ts';

/** The window the browser tests run in (vitest.config.ts). */
const DEFAULT_WINDOW = { width: 1400, height: 900 };

afterEach(async () => {
  await page.viewport(DEFAULT_WINDOW.width, DEFAULT_WINDOW.height);
});

/** Chooses what to export, as the analyst does, and exports it. */
async function exportAs(host: AgApp, scope: ExportScope, format: ExportFormat = 'png'): Promise<SnapshotResult> {
  await userEvent.selectOptions(deep<HTMLSelectElement>(host, '#export-scope'), scope);
  const result = await host.exportSnapshot(format);
  if (!result) throw new Error('nothing exported');
  return result;
}

type Corners = readonly (readonly [number, number])[];

function cornersOf(box: LabelBox): Corners {
  return (
    box.corners ?? [
      [box.x1, box.y1],
      [box.x2, box.y1],
      [box.x2, box.y2],
      [box.x1, box.y2],
    ]
  );
}

/** Whether two label outlines overlap (convex polygons: no separating edge normal). */
function labelsOverlap(a: LabelBox, b: LabelBox): boolean {
  const polygons = [cornersOf(a), cornersOf(b)];
  for (const polygon of polygons) {
    for (const [i, [x1, y1]] of polygon.entries()) {
      const [x2, y2] = polygon[(i + 1) % polygon.length]!;
      const [nx, ny] = [y1 - y2, x2 - x1];
      const [p, q] = polygons.map((points) => points.map(([x, y]) => x * nx + y * ny));
      if (Math.max(...p!) <= Math.min(...q!) || Math.max(...q!) <= Math.min(...p!)) return false;
    }
  }
  return true;
}

/** Every label drawn lies inside the graph image and overlaps no other. */
function expectLabelsClear(result: SnapshotResult): void {
  const { labelBoxes, width, height } = result.graph;
  for (const box of labelBoxes) {
    expect(box.x1, box.id).toBeGreaterThanOrEqual(0);
    expect(box.y1, box.id).toBeGreaterThanOrEqual(0);
    expect(box.x2, box.id).toBeLessThanOrEqual(width);
    expect(box.y2, box.id).toBeLessThanOrEqual(height);
  }
  const overlapping = labelBoxes.flatMap((a, i) =>
    labelBoxes.slice(i + 1).flatMap((b) => (labelsOverlap(a, b) ? [`${a.id} / ${b.id}`] : [])),
  );
  expect(overlapping).toEqual([]);
}

/** The sources cited by the evidence of these actors and relations, in the file's order, as "[id]". */
function sourcesOf(actorIds: string[], relationIds: string[], onlySources?: string[]): string[] {
  const cited = new Set<string>();
  const items = [
    ...shipped.actors.filter((a) => actorIds.includes(a.id)).flatMap((a) => a.evidence),
    ...shipped.relations.filter((r) => relationIds.includes(r.id)).flatMap((r) => r.evidence),
  ];
  for (const item of items) if (!onlySources || onlySources.includes(item.source)) cited.add(item.source);
  return shipped.sources.filter((source) => cited.has(source.id)).map((source) => `[${source.id}]`);
}

const sourceIds = (result: SnapshotResult) =>
  result.content.sourceLines.map((line) => line.slice(0, line.indexOf(']') + 1));

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

/** Zooms the graph to a few actors and waits (polling) until the camera has stopped. */
async function zoomTo(host: AgApp, actorIds: string[]): Promise<void> {
  const view = graphView(host);
  const start = view.viewport()?.zoom;
  await view.fitTo(new Set(actorIds));
  let last = Number.NaN;
  await expect
    .poll(
      () => {
        const zoom = view.viewport()?.zoom ?? Number.NaN;
        const settled = zoom === last && zoom !== start;
        last = zoom;
        return settled;
      },
      { timeout: 5000, interval: 100 },
    )
    .toBe(true);
}

const KATAIB = 'kataib-hezbollah';
/** Kataib Hezbollah and its direct neighbours, from the shipped file. */
const kataibNeighbourhood = [
  ...new Set(shipped.relations.filter((r) => r.from === KATAIB || r.to === KATAIB).flatMap((r) => [r.from, r.to])),
].sort();
/** The relations between two actors of that neighbourhood, which a focus keeps. */
const kataibNeighbourhoodRelations = shipped.relations
  .filter((r) => kataibNeighbourhood.includes(r.from) && kataibNeighbourhood.includes(r.to))
  .map((r) => r.id);
/** "of 41 actors, 75 of" etc.: the shipped graph's totals, as a count line gives them. */
const ALL_ACTORS = shipped.actors.length;
const ALL_RELATIONS = shipped.relations.length;
/** What "only claims from Global Research" keeps, counted from the file: the relations with an item from it, their
 * ends, and the actors with an item of their own from it. */
const GLOBAL_RESEARCH = (() => {
  const fromIt = (evidence: { source: string }[]) => evidence.some((item) => item.source === 'global-research');
  const relations = shipped.relations.filter((r) => fromIt(r.evidence));
  const actors = new Set(relations.flatMap((r) => [r.from, r.to]));
  for (const actor of shipped.actors) if (fromIt(actor.evidence)) actors.add(actor.id);
  return { actors: actors.size, relations: relations.length };
})();

describe('a report does not depend on the window it was made in', () => {
  it('exported at 1440x900 and again after the window shrinks to 1024x768: same width, graph and labels', async () => {
    await page.viewport(1440, 900);
    const host = await openExplorer(`#actor=${KATAIB}`);
    const wide = await exportAs(host, 'shown');
    const wideArea = graphView(host).getBoundingClientRect();
    await page.viewport(1024, 768);
    await expect
      .poll(() => {
        const area = graphView(host).getBoundingClientRect();
        return area.width !== wideArea.width || area.height !== wideArea.height;
      })
      .toBe(true);
    const narrow = await exportAs(host, 'shown');
    expect(wide.width).toBe(2400);
    expect(narrow.width).toBe(2400);
    expect(narrow.graph.width).toBe(wide.graph.width);
    expect(narrow.graph.height).toBe(wide.graph.height);
    expect(narrow.graph.zoom).toBe(wide.graph.zoom);
    expect(narrow.graph.labelBoxes).toEqual(wide.graph.labelBoxes);
    // The same picture, pixel for pixel (compared in a loop: a matcher's diff of 40 million values is too big).
    const [a, b] = [(await pixelsOf(narrow.blob)).data, (await pixelsOf(wide.blob)).data];
    expect(a.length).toBe(b.length);
    let differing = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
    expect(differing).toBe(0);
  });

  it('laid out in a 1024x768 or a 1440x900 window, the report is 2,400 px wide, labels 10 px or more', async () => {
    for (const [width, height] of [
      [1024, 768],
      [1440, 900],
    ] as const) {
      await page.viewport(width, height);
      const host = await openExplorer();
      for (const scope of ['screen', 'shown'] as const) {
        const result = await exportAs(host, scope);
        expect(result.width, `${width}x${height} ${scope}`).toBe(2400);
        expect(result.graph.width * result.graph.scale).toBe(2304);
        // Node labels are 12 px at zoom 1; drawn labels are at least 10 px in the report (20 image px at 2x).
        expect(result.graph.zoom * 12).toBeGreaterThanOrEqual(10);
        expect(result.graph.labelBoxes.length).toBeGreaterThanOrEqual(shipped.actors.length - 4);
        // Tall enough for the graph, never taller than the bounds.
        expect(result.graph.height).toBeGreaterThanOrEqual(240);
        expect(result.graph.height).toBeLessThanOrEqual(1600);
        expectLabelsClear(result);
      }
      host.remove();
    }
  });
});

describe('labels in a report', () => {
  it('with Kataib Hezbollah selected, its relations get labels where they fit, none overlapping or cut', async () => {
    await page.viewport(1024, 768);
    const host = await openExplorer(`#actor=${KATAIB}`);
    const touching = shipped.relations.filter((r) => r.from === KATAIB || r.to === KATAIB).map((r) => r.id);
    for (const scope of ['shown', 'screen', 'whole'] as const) {
      const result = await exportAs(host, scope);
      const labelled = result.graph.labelBoxes.map((box) => box.id);
      expect(labelled).toContain(KATAIB);
      // Its neighbours are named first (an unnamed actor cannot be identified), then its relations labelled.
      const neighbours = kataibNeighbourhood.filter((id) => result.graph.actorIds.includes(id));
      expect(labelled.filter((id) => neighbours.includes(id)).sort()).toEqual(neighbours);
      // Relation labels sit at the middle of their line; in the dense middle of the shipped graph only a
      // few fit beside the names (the caption counts the others, checked below).
      expect(labelled.filter((id) => touching.includes(id)).length, scope).toBeGreaterThanOrEqual(2);
      expectLabelsClear(result);
      const hidden = touching.length - labelled.filter((id) => touching.includes(id)).length;
      if (hidden > 0) expect(result.content.notes.join(' ')).toMatch(new RegExp(`edge: .*${hidden} relation`));
    }
  });

  it('zoomed in, "on screen" exports what is on screen, fitted, with whole labels at the screen’s edge', async () => {
    const host = await openExplorer(`#actor=${KATAIB}`);
    await zoomTo(host, [KATAIB, 'iran', 'quds-force', 'kadhimi']);
    const result = await exportAs(host, 'screen');
    expect(result.graph.actorIds.length).toBeLessThan(shipped.actors.length);
    expect(result.graph.actorIds).toContain(KATAIB);
    expect(result.content.countLine).toMatch(
      new RegExp(
        `^showing ${result.graph.actorIds.length} of ${ALL_ACTORS} actors, ` +
          `${result.graph.relationIds.length} of ${ALL_RELATIONS} `,
      ),
    );
    expect(result.content.countLine).toContain('(the part on screen of the whole graph)');
    expectLabelsClear(result);
    // Every actor drawn keeps its label unless another, more important one is in the way: most are drawn.
    const labelledActors = result.graph.labelBoxes.filter((box) => result.graph.actorIds.includes(box.id));
    expect(labelledActors.length).toBeGreaterThanOrEqual(result.graph.actorIds.length - 2);
  });
});

describe('labels of a big graph in a report', () => {
  it('fitted at a zoom where labels would be unreadable, names the busiest actors at 10 px or more', async () => {
    const host = await openExplorer();
    const big = generateGraph(400, 7);
    expect(await openText(host, JSON.stringify(big), 'big.json')).toBe(true);
    await host.graphDrawn;
    const result = await exportAs(host, 'shown');
    // At scale, a 12 px label would be drawn under 10 px here.
    expect(result.graph.zoom * 12).toBeLessThan(10);
    const actorLabels = result.graph.labelBoxes.filter((box) => result.graph.actorIds.includes(box.id));
    expect(actorLabels.length).toBeGreaterThanOrEqual(20);
    // One line of a label is at least 10 px high, plus its background.
    for (const box of actorLabels) expect(box.y2 - box.y1, box.id).toBeGreaterThanOrEqual(10);
    // The busiest actor is named.
    const degree = new Map<string, number>();
    for (const r of big.relations) for (const end of [r.from, r.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const busiest = [...degree].sort((a, b) => b[1] - a[1])[0]![0];
    expect(actorLabels.map((box) => box.id)).toContain(busiest);
    expectLabelsClear(result);
    expect(result.content.notes.join(' ')).toMatch(/Labels left out .*: \d+ of 400 actors/);
  });
});

describe('a report’s caption says exactly what it draws', () => {
  it('with only Global Research ticked: its counts, its one source, for everything shown and on screen', async () => {
    const host = await openExplorer('#sources=global-research');
    const shown = await exportAs(host, 'shown');
    const { actors, relations } = GLOBAL_RESEARCH;
    // Global Research is one of the two sources: it leaves some actors and relations out.
    expect(actors).toBeLessThan(ALL_ACTORS);
    expect(relations).toBeLessThan(ALL_RELATIONS);
    expect(shown.graph.actorIds).toHaveLength(actors);
    expect(shown.graph.relationIds).toHaveLength(relations);
    expect(shown.content.countLine).toMatch(
      new RegExp(
        `^showing ${actors} of ${ALL_ACTORS} actors, ${relations} of ${ALL_RELATIONS} relations ` +
          '\\(everything the filters keep\\) · exported ',
      ),
    );
    expect(shown.content.filterLines).toEqual(['Filter: Only claims from: Global Research']);
    expect(sourceIds(shown)).toEqual(['[global-research]']);
    expect(shown.fileName).toMatch(/^kadhimi-2021_everything-shown_\d{4}-\d{2}-\d{2}\.png$/);

    await zoomTo(host, ['kadhimi', 'iran', 'iraq']);
    const screen = await exportAs(host, 'screen');
    expect(screen.graph.actorIds.length).toBeLessThan(actors);
    expect(screen.content.countLine).toContain(
      `showing ${screen.graph.actorIds.length} of ${ALL_ACTORS} actors, ` +
        `${screen.graph.relationIds.length} of ${ALL_RELATIONS} relations ` +
        `(the part on screen of the ${actors} actors and ${relations} relations the filters keep)`,
    );
    expect(sourceIds(screen)).toEqual(sourcesOf(screen.graph.actorIds, screen.graph.relationIds, ['global-research']));
    expect(sourceIds(screen)).toEqual(['[global-research]']);
    expect(screen.fileName).toMatch(/^kadhimi-2021_on-screen_/);
  });

  it('the whole graph, no filters, ignores the filters and focus, and says so', async () => {
    const host = await openExplorer(`#sources=global-research&focus=${KATAIB}:1&actor=${KATAIB}`);
    const whole = await exportAs(host, 'whole');
    expect(whole.graph.actorIds).toHaveLength(ALL_ACTORS);
    expect(whole.graph.relationIds).toHaveLength(ALL_RELATIONS);
    expect(whole.content.countLine).toMatch(
      new RegExp(
        `^showing ${ALL_ACTORS} of ${ALL_ACTORS} actors, ${ALL_RELATIONS} of ${ALL_RELATIONS} relations ` +
          '\\(the whole graph, no filters\\)',
      ),
    );
    expect(whole.content.filterLines).toEqual([
      'No filters: the whole graph (the filters and focus in force on screen are not applied)',
    ]);
    expect(sourceIds(whole)).toEqual(['[isc]', '[global-research]']);
    expect(whole.content.legendKinds).toHaveLength(shipped.actorKinds.length);
    expect(whole.fileName).toMatch(/^kadhimi-2021_whole-graph-no-filters_/);
  });

  it('under a focus on Kataib Hezbollah: only its neighbourhood and the relations between its actors', async () => {
    const host = await openExplorer(`#focus=${KATAIB}:1&actor=${KATAIB}`);
    for (const scope of ['shown', 'screen'] as const) {
      const result = await exportAs(host, scope);
      expect([...result.graph.actorIds].sort()).toEqual(kataibNeighbourhood);
      expect([...result.graph.relationIds].sort()).toEqual([...kataibNeighbourhoodRelations].sort());
      expect(result.content.countLine).toMatch(
        new RegExp(
          `^showing ${kataibNeighbourhood.length} of ${ALL_ACTORS} actors, ` +
            `${kataibNeighbourhoodRelations.length} of ${ALL_RELATIONS} relations \\(`,
        ),
      );
      expect(result.content.filterLines).toEqual(['Filter: Focus: direct neighbourhood of Kataib Hezbollah']);
      expect(sourceIds(result)).toEqual(sourcesOf(result.graph.actorIds, result.graph.relationIds));
      const drawnTypes = new Set(
        shipped.relations.filter((r) => result.graph.relationIds.includes(r.id)).map((r) => r.type),
      );
      expect(result.content.legendTypes.map((t) => t.id)).toEqual(
        shipped.relationTypes.filter((t) => drawnTypes.has(t.id)).map((t) => t.id),
      );
      expectLabelsClear(result);
    }
  });

  it('from the table, "On screen" cannot be chosen and everything shown is exported', async () => {
    const host = await openExplorer('#view=table&hideKinds=event');
    await settle(host);
    const select = deep<HTMLSelectElement>(host, '#export-scope');
    expect(select.querySelector<HTMLOptionElement>('option[value=screen]')?.disabled).toBe(true);
    expect(select.value).toBe('shown');
    const result = await host.exportSnapshot();
    expect(result?.scope).toBe('shown');
    expect(result?.fileName).toMatch(/_everything-shown_/);
    expect(result?.content.countLine).toMatch(/\(everything the filters keep\)/);
  });
});

describe('exporting an SVG', () => {
  /** The exported SVG, parsed as an SVG viewer would. */
  async function parsedSvg(result: SnapshotResult): Promise<{ source: string; svg: Document }> {
    const source = await result.blob.text();
    return { source, svg: new DOMParser().parseFromString(source, 'image/svg+xml') };
  }

  const textsOf = (svg: Document) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');

  it('is a vector copy of the snapshot: title, counts, filters, graph, legend, sources, reading note', async () => {
    const host = await openExplorer(`#sources=global-research&actor=${KATAIB}`);
    await userEvent.click(buttonNamed(host, 'Export SVG'));
    await settle(host);
    await expect
      .poll(() => text(host))
      .toMatch(/Exported kadhimi-2021_on-screen_\d{4}-\d{2}-\d{2}\.svg \(1200 × \d+ px\)/);
    const result = await exportAs(host, 'shown', 'svg');
    expect(result.fileName).toMatch(/^kadhimi-2021_everything-shown_\d{4}-\d{2}-\d{2}\.svg$/);
    expect(result.blob.type).toBe('image/svg+xml');
    const { source, svg } = await parsedSvg(result);
    expect(svg.querySelector('parsererror')).toBeNull();
    const root = svg.documentElement;
    expect(root.localName).toBe('svg');
    expect(root.getAttribute('width')).toBe('1200');
    const texts = textsOf(svg);
    expect(texts).toContain(shipped.title);
    expect(texts).toContain(result.content.countLine);
    expect(texts).toContain('Filter: Only claims from: Global Research');
    expect(texts).toContain('Legend');
    for (const type of result.content.legendTypes) expect(texts).toContain(type.label);
    for (const kind of result.content.legendKinds) expect(texts).toContain(kind.label);
    expect(texts).toContain('Sources cited');
    expect(texts.some((t) => t.includes('Who Tried to Kill Iraqi Prime Minister'))).toBe(true);
    expect(texts.some((t) => t.includes('What Led To Assassination Attempt'))).toBe(false);
    expect(texts.some((t) => t.startsWith('Grades: source reliability'))).toBe(true);
    // The graph: one shape per actor, one line per relation, the labels chosen by the export.
    const graph = svg.querySelector('svg > g[transform]')!;
    expect(graph.querySelectorAll('path')).toHaveLength(result.graph.relationIds.length);
    const labels = [...graph.querySelectorAll('tspan')].map((t) => t.textContent);
    expect(labels.join(' ')).toContain('Kataib Hezbollah');
    expect(labels.length).toBeGreaterThanOrEqual(result.graph.labelBoxes.length);
    // Stands alone: no reference to anything outside the file.
    expect(svg.querySelectorAll('image, use, script, foreignObject, a, style')).toHaveLength(0);
    expect(source).not.toMatch(/href|url\(|@import/);
  });

  it('writes hostile text from a graph file as text, never as markup', async () => {
    const host = await openExplorer();
    const hostile = '<script>alert(1)</script> & "Q" \u0001';
    const file = JSON.parse(graphWith('<b>Title</b>', hostile)) as { sources: { title: string }[] };
    file.sources[0]!.title = '</text><script>alert(2)</script>';
    expect(await openText(host, JSON.stringify(file), 'hostile.json')).toBe(true);
    await host.graphDrawn;
    const result = await exportAs(host, 'shown', 'svg');
    const { source, svg } = await parsedSvg(result);
    expect(svg.querySelector('parsererror')).toBeNull();
    expect(svg.querySelectorAll('script, b')).toHaveLength(0);
    // A long word on the canvas gets invisible break opportunities (U+200B): read past them.
    const plain = (value: string) => value.replaceAll('\u200b', '');
    expect(source).not.toContain('<script>');
    expect(plain(source)).toContain('&lt;script&gt;alert(1)');
    expect(source).toContain('&lt;b&gt;Title&lt;/b&gt;');
    const texts = [...svg.querySelectorAll('text, tspan')].map((t) => plain(t.textContent ?? ''));
    expect(texts).toContain('<b>Title</b>');
    // The label as drawn, wrapped over lines; the control character is replaced, not dropped silently.
    const labelLines = [...svg.querySelectorAll('svg > g[transform] tspan')].map((t) => plain(t.textContent ?? ''));
    expect(labelLines.join('').replace(/\s/g, '')).toContain('<script>alert(1)</script>&"Q"\ufffd');
    expect(texts.some((t) => t.includes('“</text><script>alert(2)</script>”'))).toBe(true);
  });
});
