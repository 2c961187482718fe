// The time bar on its own, in Chromium: what an analyst sees of the shipped
// graph in time, and the window they draw, move, step and play.
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/styles/page.css';
import '../../src/components/ag-time-bar.ts';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import { generateGraph } from '../../scripts/generate-graph.ts';
import type { AgTimeBar } from '../../src/components/ag-time-bar.ts';
import type { AgEvent } from '../../src/components/events.ts';
import { DEFAULT_FILTERS, type FilterState, visibleSubgraph } from '../../src/model/filter.ts';
import type { Graph } from '../../src/model/graph.ts';
import { dayNumber } from '../../src/model/timeline.ts';
import { parseGraph } from '../../src/model/validate.ts';

const parsed = parseGraph(shippedGraphText);
if (!parsed.ok) throw new Error('the shipped graph does not parse');
const graph: Graph = parsed.graph;
const idsDated = (date: string) => graph.relations.filter((r) => r.date === date).map((r) => r.id);
const october = { ...DEFAULT_FILTERS, dateFrom: '2021-10-01', dateTo: '2021-10-31' };
const days = (span: { start: string; end: string }) => dayNumber(span.end) - dayNumber(span.start) + 1;

let bar: AgTimeBar | null = null;
afterEach(() => bar?.remove());

type Change = AgEvent<'ag-filter-change'>['detail'];

async function showBar(filters: FilterState = DEFAULT_FILTERS, width = 900, source = graph) {
  const shown = document.createElement('ag-time-bar');
  shown.style.width = `${width}px`;
  shown.graph = source;
  shown.filters = filters;
  const changes: Change[] = [];
  shown.addEventListener('ag-filter-change', (event) => changes.push(event.detail));
  document.body.append(shown);
  bar = shown;
  // The plot is drawn once its width is known (a ResizeObserver, after layout).
  await expect.poll(() => shown.shadowRoot?.querySelector('svg')).toBeTruthy();
  return { shown, changes };
}

const inBar = <T extends Element>(shown: AgTimeBar, selector: string) =>
  shown.shadowRoot?.querySelector<T>(selector) ?? null;
const allInBar = (shown: AgTimeBar, selector: string) => [...(shown.shadowRoot?.querySelectorAll(selector) ?? [])];
const textOf = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const buttonNamed = (shown: AgTimeBar, name: string) =>
  allInBar(shown, 'button').find(
    (b) => b.getAttribute('aria-label') === name || textOf(b) === name,
  ) as HTMLButtonElement;
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Zooms in (on the window) until the bars are months, wide enough to aim at: about two years of them. */
async function zoomToMonths(shown: AgTimeBar): Promise<void> {
  for (let i = 0; i < 10 && (shown.drawn.unit !== 'month' || shown.drawn.bins.length > 30); i++) shown.zoomIn();
  expect(shown.drawn.unit).toBe('month');
  await shown.updateComplete;
}

/** The bar (its hit area) of the unit starting on a day, as a user sees it. */
function barOf(shown: AgTimeBar, start: string): DOMRect {
  const rect = inBar(shown, `rect.bin[data-start="${start}"]`);
  if (!rect) throw new Error(`no bar starts on ${start}`);
  return rect.getBoundingClientRect();
}

/** A pointer event where a mouse would send it: at a point, to what is there (or to the element capturing it). */
function pointer(shown: AgTimeBar, type: string, x: number, y: number, target?: Element): void {
  const at = target ?? shown.shadowRoot?.elementFromPoint(x, y) ?? shown;
  at.dispatchEvent(
    new PointerEvent(type, {
      clientX: x,
      clientY: y,
      pointerId: 7,
      pointerType: 'mouse',
      isPrimary: true,
      button: 0,
      buttons: type === 'pointerup' ? 0 : 1,
      bubbles: true,
      composed: true,
    }),
  );
}

/** A drag from one point to another in a few steps, a frame apart, as a hand would. */
async function drag(shown: AgTimeBar, from: [number, number], to: [number, number], steps = 4): Promise<void> {
  const plot = inBar(shown, '.plot')!;
  pointer(shown, 'pointerdown', ...from);
  for (let step = 1; step <= steps; step++) {
    const x = from[0] + ((to[0] - from[0]) * step) / steps;
    pointer(shown, 'pointermove', x, to[1], plot);
    await frame();
  }
  pointer(shown, 'pointerup', ...to, plot);
  await shown.updateComplete;
}

const middle = (rect: DOMRect): [number, number] => [rect.left + rect.width / 2, rect.top + rect.height / 2];
const windowChanges = (changes: Change[]) =>
  changes.flatMap(({ change, live }) => (change.kind === 'date-window' ? [{ ...change, live }] : []));

describe('what the bar draws', () => {
  it('fitted, the shipped graph is bars by year from 2003 to 2021, 43 undated relations counted apart', async () => {
    const { shown } = await showBar();
    const drawn = shown.drawn;
    expect(drawn.unit).toBe('year');
    expect(drawn.domain).toEqual({ start: '2003-01-01', end: '2021-12-31' });
    expect(drawn.bins).toHaveLength(19);
    expect(drawn.undated).toBe(43);
    expect(drawn.bins.find((bin) => bin.start === '2003-01-01')?.total).toBe(1);
    expect(drawn.bins.find((bin) => bin.start === '2020-01-01')?.total).toBe(4);
    // 2021-10/2021-11 fits in the year 2021; the range from 2020 to 2021 does not fit in any one year.
    expect(drawn.bins.find((bin) => bin.start === '2021-01-01')?.total).toBe(26);
    expect(drawn.spans.map((span) => span.relationId)).toEqual(idsDated('2020-05-06/2021-11-11'));
    // What a user sees: three bars with their counts as titles, the unit named, the undated box.
    const titles = allInBar(shown, 'rect.bin title').map(textOf);
    expect(titles).toHaveLength(3);
    expect(titles[2]).toMatch(/^2021: 26 relations \(.*\d+ institutions and procedure.*\)$/);
    expect(textOf(inBar(shown, '.toolbar'))).toContain('bars: years');
    expect(textOf(inBar(shown, '.side'))).toContain('43 undated shown');
    expect(textOf(inBar(shown, '.status'))).toContain('No window: all 32 dated relations');
  });

  it('bars are stacked by family: one coloured path a family, a segment for each bar it is in', async () => {
    const { shown } = await showBar(october);
    await zoomToMonths(shown);
    const bins = shown.drawn.bins;
    for (const path of allInBar(shown, 'path.bars')) {
      const family = path.getAttribute('data-family') ?? '';
      const segments = (path.getAttribute('d') ?? '').split('M').length - 1;
      expect(segments, family).toBe(bins.filter((bin) => (bin.byFamily[family] ?? 0) > 0).length);
      expect(path.getAttribute('fill')).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(allInBar(shown, 'path.bars').length).toBeGreaterThan(3);
  });

  it('at month zoom, 2021-11 counts in the November bar and 2021-10/2021-11 is a span over both months', async () => {
    const { shown } = await showBar(october);
    await zoomToMonths(shown);
    const drawn = shown.drawn;
    const november = drawn.bins.find((bin) => bin.start === '2021-11-01');
    expect(november).toEqual({
      start: '2021-11-01',
      end: '2021-11-30',
      total: 13,
      byFamily: expect.objectContaining({ affiliation: 1, claim: 4, violence: 3 }),
    });
    const spans = drawn.spans.filter((span) => span.start === '2021-10-01' && span.end === '2021-11-30');
    expect(spans.map((span) => span.relationId).sort()).toEqual(idsDated('2021-10/2021-11').sort());
    expect(textOf(inBar(shown, '.toolbar'))).toContain('bars: months');
    const spanTitles = allInBar(shown, 'g.span title').map(textOf);
    expect(spanTitles).toContain('2 relations (opposition) dated 2021-10-01 to 2021-11-30: it could be any day of it');
    expect(textOf(inBar(shown, '.status'))).toContain('Window: October 2021 (2021-10-01 to 2021-10-31) · 14 of 32');
  });

  it('says how many of the dated relations in the window the other filters leave shown', async () => {
    const { shown } = await showBar(october);
    const line = () => textOf(inBar(shown, '.window-line'));
    expect(line()).toBe('Window: October 2021 (2021-10-01 to 2021-10-31) · 14 of 32 dated relations');
    // The app hides the type "won seats in": ten of the fourteen are no longer in the graph.
    const filters = { ...october, hiddenRelationTypes: ['won-seats-in'] };
    shown.filters = filters;
    shown.visibleRelationIds = visibleSubgraph(graph, filters).relationIds;
    await shown.updateComplete;
    expect(line()).toBe('Window: October 2021 (2021-10-01 to 2021-10-31) · 14 of 32 dated relations · 4 shown');
  });

  it('the selection is marked: a triangle over its bar, its span outlined', async () => {
    const { shown } = await showBar(october);
    await zoomToMonths(shown);
    const [monthOnly] = idsDated('2021-11');
    const [range] = idsDated('2021-10/2021-11');
    shown.markedRelationIds = [monthOnly!, range!, idsDated('2003')[0]!];
    await shown.updateComplete;
    // The 2003 relation is outside the view: not drawn, so not said to be marked.
    expect(shown.drawn.marked).toEqual([monthOnly, range]);
    const triangles = (inBar(shown, 'path.mark-points')?.getAttribute('d') ?? '').split('M').length - 1;
    expect(triangles).toBe(1);
    const outlined = allInBar(shown, 'g.span.marked');
    expect(outlined).toHaveLength(1);
    expect(textOf(outlined[0]!.querySelector('title'))).toContain('2021-10-01 to 2021-11-30');
    expect(textOf(outlined[0]!.querySelector('title'))).toContain('(marked)');
  });
});

describe('other graphs', () => {
  it('a graph with no dated relation says so, counts its undated ones, and offers no zoom or play', async () => {
    const undatedOnly = { ...graph, relations: graph.relations.map(({ date: _date, ...relation }) => relation) };
    const shown = document.createElement('ag-time-bar');
    shown.graph = undatedOnly;
    document.body.append(shown);
    bar = shown;
    await expect.poll(() => textOf(inBar(shown, '.plot'))).toBe('No relation has a date');
    expect(shown.drawn).toMatchObject({ bins: [], spans: [], undated: 75 });
    expect(buttonNamed(shown, '▶ Play').disabled).toBe(true);
    expect(buttonNamed(shown, 'Zoom in').disabled).toBe(true);
    shown.graph = null;
    await shown.updateComplete;
    expect(textOf(inBar(shown, '.plot'))).toBe('No graph');
  });

  it('an edit (a new graph object) keeps the zoom; a graph of other years is fitted', async () => {
    const { shown } = await showBar(october);
    await zoomToMonths(shown);
    const domain = shown.drawn.domain;
    shown.graph = structuredClone(graph);
    await shown.updateComplete;
    expect(shown.drawn.domain).toEqual(domain);
    const older = { ...graph, relations: graph.relations.filter((r) => r.date === '2003') };
    shown.graph = older;
    await shown.updateComplete;
    // Fitted to the one year it has, by month: its date "2003" could be any of them, so it is a span.
    expect(shown.drawn).toMatchObject({ unit: 'month', domain: { start: '2003-01-01', end: '2003-12-31' } });
    expect(shown.drawn.spans.map((span) => span.relationId)).toEqual(idsDated('2003'));
  });
});

describe('the brush', () => {
  it('dragging across October and November sends live windows (one a frame at most), then the final one', async () => {
    const { shown, changes } = await showBar(october);
    await zoomToMonths(shown);
    shown.filters = DEFAULT_FILTERS;
    await shown.updateComplete;
    expect(inBar(shown, '.window')).toBeNull();
    const from = middle(barOf(shown, '2021-10-01'));
    const to = middle(barOf(shown, '2021-11-01'));
    const plot = inBar(shown, '.plot')!;
    pointer(shown, 'pointerdown', ...from);
    // Many moves within one frame: one live change for them.
    for (let i = 1; i <= 5; i++) pointer(shown, 'pointermove', from[0] + i * 2, from[1], plot);
    await frame();
    expect(windowChanges(changes)).toEqual([{ kind: 'date-window', from: '2021-10-01', to: '2021-10-31', live: true }]);
    for (let i = 1; i <= 3; i++) {
      pointer(shown, 'pointermove', from[0] + ((to[0] - from[0]) * i) / 3, from[1], plot);
      await frame();
    }
    // While it moves, the brush and the words follow the hand, not the (unchanged) filters.
    await shown.updateComplete;
    expect(inBar(shown, '.window')).not.toBeNull();
    expect(textOf(inBar(shown, '.status'))).toContain('Window: 2021-10-01 to 2021-11-30');
    pointer(shown, 'pointerup', ...to, plot);
    const sent = windowChanges(changes);
    expect(sent.slice(0, -1).every((change) => change.live)).toBe(true);
    expect(sent.at(-1)).toEqual({ kind: 'date-window', from: '2021-10-01', to: '2021-11-30', live: false });
    expect(sent.length).toBeLessThanOrEqual(1 + 3 + 1);

    // The app sets the filters back: the brush covers the two bars, its edges say their days.
    shown.filters = { ...DEFAULT_FILTERS, dateFrom: '2021-10-01', dateTo: '2021-11-30' };
    await shown.updateComplete;
    const brush = inBar(shown, '.window')!.getBoundingClientRect();
    expect(brush.left).toBeCloseTo(barOf(shown, '2021-10-01').left, 0);
    expect(brush.right).toBeCloseTo(barOf(shown, '2021-11-01').right, 0);
    const sliders = allInBar(shown, '[role="slider"]');
    expect(sliders.map((slider) => slider.getAttribute('aria-valuetext'))).toEqual(['2021-10-01', '2021-11-30']);
  });

  it('wired like the app (the filters follow each change), a drag sends each window once', async () => {
    const { shown, changes } = await showBar(october);
    await zoomToMonths(shown);
    shown.filters = DEFAULT_FILTERS;
    await shown.updateComplete;
    shown.addEventListener('ag-filter-change', ({ detail: { change } }) => {
      if (change.kind === 'date-window') shown.filters = { ...shown.filters, dateFrom: change.from, dateTo: change.to };
    });
    const from = middle(barOf(shown, '2021-10-01'));
    const to = middle(barOf(shown, '2021-11-01'));
    const plot = inBar(shown, '.plot')!;
    pointer(shown, 'pointerdown', ...from);
    // Frame after frame within October, then into November.
    for (const dx of [4, 6, 8, 10]) {
      pointer(shown, 'pointermove', from[0] + dx, from[1], plot);
      await frame();
      await shown.updateComplete;
    }
    pointer(shown, 'pointermove', ...to, plot);
    await frame();
    pointer(shown, 'pointerup', ...to, plot);
    expect(windowChanges(changes)).toEqual([
      { kind: 'date-window', from: '2021-10-01', to: '2021-10-31', live: true },
      { kind: 'date-window', from: '2021-10-01', to: '2021-11-30', live: true },
      { kind: 'date-window', from: '2021-10-01', to: '2021-11-30', live: false },
    ]);
  });

  it('a real mouse drag across two bars draws the window over both', async () => {
    const { shown, changes } = await showBar(october);
    await zoomToMonths(shown);
    shown.filters = DEFAULT_FILTERS;
    await shown.updateComplete;
    await userEvent.dragAndDrop(
      inBar(shown, 'rect.bin[data-start="2021-10-01"]')!,
      inBar(shown, 'rect.bin[data-start="2021-11-01"]')!,
    );
    expect(windowChanges(changes).at(-1)).toEqual({
      kind: 'date-window',
      from: '2021-10-01',
      to: '2021-11-30',
      live: false,
    });
  });

  it('dragging the window moves it by whole months; dragging an edge resizes it; a click picks one bar', async () => {
    const { shown, changes } = await showBar(october);
    await zoomToMonths(shown);
    const octoberBar = barOf(shown, '2021-10-01');
    const novemberBar = barOf(shown, '2021-11-01');
    await drag(shown, [octoberBar.left + 6, octoberBar.top + 5], [novemberBar.left + 6, novemberBar.top + 5]);
    expect(windowChanges(changes).at(-1)).toEqual({
      kind: 'date-window',
      from: '2021-11-01',
      to: '2021-11-30',
      live: false,
    });

    const end = inBar(shown, '.handle.end')!.getBoundingClientRect();
    await drag(shown, middle(end), [novemberBar.right + novemberBar.width / 2, end.top + 10]);
    expect(windowChanges(changes).at(-1)).toEqual({
      kind: 'date-window',
      from: '2021-10-01',
      to: '2021-12-31',
      live: false,
    });

    const start = inBar(shown, '.handle.start')!.getBoundingClientRect();
    await drag(shown, middle(start), [octoberBar.left - octoberBar.width * 1.5, start.top + 10]);
    expect(windowChanges(changes).at(-1)).toEqual({
      kind: 'date-window',
      from: '2021-08-01',
      to: '2021-10-31',
      live: false,
    });

    // No window yet; a click on November's bar is November.
    shown.filters = DEFAULT_FILTERS;
    await shown.updateComplete;
    const count = changes.length;
    pointer(shown, 'pointerdown', ...middle(novemberBar));
    pointer(shown, 'pointerup', ...middle(novemberBar), inBar(shown, '.plot')!);
    expect(changes.slice(count)).toEqual([
      { change: { kind: 'date-window', from: '2021-11-01', to: '2021-11-30' }, live: false },
    ]);
  });

  it('the edges are sliders: an arrow moves one by a month, Shift+arrow by ten, from the keyboard alone', async () => {
    const { shown, changes } = await showBar(october);
    await zoomToMonths(shown);
    const [start, end] = allInBar(shown, '[role="slider"]') as HTMLElement[];
    expect(start!.getAttribute('aria-label')).toBe('Window start');
    expect(end!.getAttribute('aria-valuetext')).toBe('2021-10-31');
    end!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(changes.at(-1)).toEqual({
      change: { kind: 'date-window', from: '2021-10-01', to: '2021-11-30' },
      live: false,
    });
    shown.filters = { ...october, dateTo: '2021-11-30' };
    await shown.updateComplete;
    expect(end!.getAttribute('aria-valuetext')).toBe('2021-11-30');
    start!.focus();
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(changes.at(-1)).toEqual({
      change: { kind: 'date-window', from: '2020-12-01', to: '2021-11-30' },
      live: false,
    });
    // The start never passes the end.
    await userEvent.keyboard('{PageUp}{PageUp}{PageUp}');
    expect(changes.at(-1)?.change).toEqual({ kind: 'date-window', from: '2021-11-01', to: '2021-11-30' });
  });

  it('Clear removes the window', async () => {
    const { shown, changes } = await showBar(october);
    await userEvent.click(buttonNamed(shown, 'Clear'));
    expect(changes.at(-1)).toEqual({ change: { kind: 'date-window', from: null, to: null }, live: false });
    shown.filters = DEFAULT_FILTERS;
    await shown.updateComplete;
    expect(buttonNamed(shown, 'Clear').disabled).toBe(true);
  });
});

describe('the rule for vague dates', () => {
  it('is shown in words and switched in the bar; under "within" a span not wholly inside is dimmed', async () => {
    const november = { ...DEFAULT_FILTERS, dateFrom: '2021-11-01', dateTo: '2021-11-30' };
    const { shown, changes } = await showBar(november);
    await zoomToMonths(shown);
    const select = inBar<HTMLSelectElement>(shown, 'select.rule')!;
    expect(textOf(inBar(shown, '#rule-words'))).toBe(
      'A relation counts when any of the days its date can mean is in the window.',
    );
    expect(textOf(inBar(shown, '.status'))).toContain('16 of 32 dated relations');
    await userEvent.selectOptions(select, 'within');
    expect(changes.at(-1)).toEqual({ change: { kind: 'date-match', value: 'within' } });
    shown.filters = { ...november, dateMatch: 'within' };
    await shown.updateComplete;
    expect(textOf(inBar(shown, '#rule-words'))).toBe(
      'A relation counts when all of the days its date can mean are in the window.',
    );
    expect(textOf(inBar(shown, '.status'))).toContain('13 of 32 dated relations');
    const range = allInBar(shown, 'g.span').find((g) => textOf(g).includes('2021-10-01 to 2021-11-30'));
    expect(range?.getAttribute('opacity')).toBe('0.3');
  });
});

describe('play', () => {
  it('from October 2021 at month zoom, steps the window to November 2021 and stops at the last dated day', async () => {
    const { shown, changes } = await showBar(october);
    await zoomToMonths(shown);
    await userEvent.selectOptions(inBar<HTMLSelectElement>(shown, 'select[aria-label="Seconds per step"]')!, '0.5');
    await userEvent.click(buttonNamed(shown, '▶ Play'));
    expect(buttonNamed(shown, '❚❚ Pause').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => windowChanges(changes).length).toBe(1);
    expect(windowChanges(changes)).toEqual([
      { kind: 'date-window', from: '2021-11-01', to: '2021-11-30', live: false },
    ]);
    await expect.poll(() => buttonNamed(shown, '▶ Play')?.getAttribute('aria-pressed')).toBe('false');
  });

  it('keeps the window width, sends live steps and then a final one', async () => {
    const { shown, changes } = await showBar({ ...DEFAULT_FILTERS, dateFrom: '2021-08-01', dateTo: '2021-09-30' });
    await zoomToMonths(shown);
    await userEvent.selectOptions(inBar<HTMLSelectElement>(shown, 'select[aria-label="Seconds per step"]')!, '0.5');
    shown.play();
    await expect.poll(() => windowChanges(changes).at(-1)?.live).toBe(false);
    expect(windowChanges(changes)).toEqual([
      { kind: 'date-window', from: '2021-09-01', to: '2021-10-31', live: true },
      { kind: 'date-window', from: '2021-10-01', to: '2021-11-30', live: false },
    ]);
  });

  it('without a window, starts as the first bar shown; Pause keeps the window reached as a final step', async () => {
    const { shown, changes } = await showBar();
    await userEvent.selectOptions(inBar<HTMLSelectElement>(shown, 'select[aria-label="Seconds per step"]')!, '2');
    shown.play();
    expect(windowChanges(changes)).toEqual([{ kind: 'date-window', from: '2003-01-01', to: '2003-12-31', live: true }]);
    await shown.updateComplete;
    await userEvent.click(buttonNamed(shown, '❚❚ Pause'));
    expect(windowChanges(changes).at(-1)).toEqual({
      kind: 'date-window',
      from: '2003-01-01',
      to: '2003-12-31',
      live: false,
    });
    const count = changes.length;
    // Removed while playing: it stops, and sends nothing more.
    shown.play();
    shown.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes.length).toBe(count + 1);
  });
});

describe('zoom', () => {
  it('the wheel zooms around the pointer; the buttons zoom; Fit shows every dated relation again', async () => {
    const { shown } = await showBar();
    const year2021 = barOf(shown, '2021-01-01');
    const plot = inBar(shown, '.plot')!;
    plot.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY: -900,
        clientX: year2021.left + year2021.width / 2,
        clientY: year2021.top + 5,
        bubbles: true,
        cancelable: true,
      }),
    );
    await shown.updateComplete;
    const zoomed = shown.drawn;
    expect(zoomed.unit).not.toBe('year');
    expect(zoomed.domain.start <= '2021-07-01' && '2021-07-01' <= zoomed.domain.end).toBe(true);
    await userEvent.click(buttonNamed(shown, 'Zoom out'));
    expect(days(shown.drawn.domain)).toBeGreaterThan(days(zoomed.domain) * 1.5);
    await userEvent.click(buttonNamed(shown, 'Zoom in'));
    expect(days(shown.drawn.domain)).toBeLessThan(days(zoomed.domain) * 1.5);
    await userEvent.click(buttonNamed(shown, 'Fit'));
    expect(shown.drawn.domain).toEqual({ start: '2003-01-01', end: '2021-12-31' });
    for (let i = 0; i < 12; i++) shown.zoomIn();
    expect(shown.drawn.unit).toBe('day');
    expect(shown.drawn.bins.length).toBeGreaterThanOrEqual(14);
  });
});

describe('accessibility', () => {
  it('has no serious axe violations, with a window, marks and a focused edge', async () => {
    const { shown } = await showBar({ ...october, dateTo: '2021-11-30' });
    await zoomToMonths(shown);
    shown.markedRelationIds = idsDated('2021-11-07');
    await shown.updateComplete;
    inBar<HTMLElement>(shown, '.handle.end')!.focus();
    const result = await axe.run(shown, { resultTypes: ['violations'] });
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
    expect(serious).toEqual([]);
  });
});

describe('layout', () => {
  const big = generateGraph(5_000, 1);
  it.each([
    [600, 'shipped'],
    [900, 'shipped'],
    [1400, 'shipped'],
    [600, '5,000-actor'],
    [1400, '5,000-actor'],
  ] as const)('at %i px wide, the %s graph: 110 to 130 px tall and nothing is cut off', async (width, which) => {
    const { shown } = await showBar({ ...october, dateTo: '2021-11-30' }, width, which === 'shipped' ? graph : big);
    for (const zoom of ['fit', 'months', 'days']) {
      if (zoom === 'months') await zoomToMonths(shown);
      if (zoom === 'days') for (let i = 0; i < 3; i++) shown.zoomIn();
      await shown.updateComplete;
      const host = shown.getBoundingClientRect();
      expect(host.height).toBeGreaterThanOrEqual(110);
      expect(host.height).toBeLessThanOrEqual(130);
      for (const element of allInBar(shown, '.toolbar > :not(.visually-hidden), .side, .status > *')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0) continue;
        expect(box.right, `${zoom}: ${element.className}`).toBeLessThanOrEqual(host.right);
        expect(element.scrollWidth, `${zoom}: ${textOf(element)}`).toBeLessThanOrEqual(element.clientWidth + 1);
      }
      const side = inBar(shown, '.side')!;
      expect(side.scrollHeight, `${zoom}: ${textOf(side)}`).toBeLessThanOrEqual(side.clientHeight + 1);
      for (const label of allInBar(shown, 'text.axis-label')) {
        expect(label.getBoundingClientRect().right).toBeLessThanOrEqual(
          inBar(shown, '.plot')!.getBoundingClientRect().right + 1,
        );
      }
    }
  });
});

describe('a 5,000-actor graph', () => {
  it('keeps the DOM to a few hundred elements, and a filter change only moves the brush', async () => {
    const big = generateGraph(5_000, 1);
    const { shown } = await showBar(DEFAULT_FILTERS, 1400, big);
    for (const zoom of [0, 3, 6, 9]) {
      for (let i = 0; i < zoom; i++) shown.zoomIn();
      await shown.updateComplete;
      expect(shown.shadowRoot!.querySelectorAll('*').length).toBeLessThan(500);
      shown.fit();
    }
    await shown.updateComplete;
    const barsBefore = allInBar(shown, 'path.bars');
    const shapesBefore = barsBefore.map((path) => path.getAttribute('d'));
    // Windows of a month inside the dated relations' years: the view need not move to show them.
    const year = Number(shown.drawn.domain.start.slice(0, 4)) + 1;
    const started = performance.now();
    for (let month = 1; month <= 12; month++) {
      const dateFrom = `${year}-${String(month).padStart(2, '0')}-01`;
      shown.filters = { ...DEFAULT_FILTERS, dateFrom, dateTo: `${year}-${String(month).padStart(2, '0')}-28` };
      await shown.updateComplete;
      expect(inBar(shown, '.window')).not.toBeNull();
    }
    const perChange = (performance.now() - started) / 12;
    // The bars' paths are the same nodes with the same shapes: the histogram was not redrawn.
    expect(allInBar(shown, 'path.bars')).toEqual(barsBefore);
    expect(barsBefore.map((path) => path.getAttribute('d'))).toEqual(shapesBefore);
    expect(perChange).toBeLessThan(25);
  });
});
