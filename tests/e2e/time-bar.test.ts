// The time bar in the explorer, in real Chromium: a window drawn with the
// brush filters the canvas live and is one step of Back; November 2021 keeps
// the relations dated only by month; play walks October into November; the
// window is in the link and in an export's caption.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AgTimeBar } from '../../src/components/ag-time-bar.ts';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import { parseGraph } from '../../src/model/validate.ts';
import { byId, canvas, deep, drawnIds, openExplorer, settle, shipped, shippedText } from './support.ts';

const parsed = parseGraph(shippedText);
if (!parsed.ok) throw new Error('the shipped graph does not parse');
const november = visibleSubgraph(parsed.graph, {
  ...DEFAULT_FILTERS,
  dateFrom: '2021-11-01',
  dateTo: '2021-11-30',
  includeUndated: false,
});
const monthOnly = shipped.relations.filter((relation) => relation.date === '2021-11').map((relation) => relation.id);

const bar = (host: HTMLElement) => deep<AgTimeBar>(host, 'ag-time-bar');
const inBar = <T extends Element>(host: HTMLElement, selector: string) =>
  bar(host).shadowRoot?.querySelector<T>(selector) ?? null;
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

function pointer(type: string, x: number, y: number, target: Element): void {
  target.dispatchEvent(
    new PointerEvent(type, {
      clientX: x,
      clientY: y,
      pointerId: 3,
      pointerType: 'mouse',
      isPrimary: true,
      button: 0,
      buttons: type === 'pointerup' ? 0 : 1,
      bubbles: true,
      composed: true,
    }),
  );
}

describe('the time bar in the explorer', () => {
  it('a click on the November 2021 bar filters the canvas to it, keeping relations dated only by month', async () => {
    const host = await openExplorer('#from=2021-10-01&to=2021-10-31&undated=no');
    const time = bar(host);
    // The zoom centres on the window: months, around October 2021.
    for (let i = 0; i < 10 && (time.drawn.unit !== 'month' || time.drawn.bins.length > 30); i++) time.zoomIn();
    await time.updateComplete;
    expect(time.drawn.unit).toBe('month');
    const novemberBar = inBar<SVGRectElement>(host, 'rect.bin[data-start="2021-11-01"]')?.getBoundingClientRect();
    if (!novemberBar) throw new Error('no November bar');
    await userEvent.click(deep(host, 'ag-time-bar'), {
      position: {
        x: novemberBar.left + novemberBar.width / 2 - time.getBoundingClientRect().left,
        y: novemberBar.top + novemberBar.height / 2 - time.getBoundingClientRect().top,
      },
    });
    await expect.poll(() => location.hash).toContain('from=2021-11-01&to=2021-11-30');
    const drawn = await drawnIds(host);
    expect(drawn.relations).toEqual([...november.relationIds].sort());
    expect(monthOnly.length).toBeGreaterThan(0);
    for (const id of monthOnly) expect(drawn.relations).toContain(id);
  });

  it('a brush gesture filters live and is one step of Back', async () => {
    const host = await openExplorer('#from=2021-10-01&to=2021-10-31');
    const time = bar(host);
    for (let i = 0; i < 10 && (time.drawn.unit !== 'month' || time.drawn.bins.length > 30); i++) time.zoomIn();
    await time.updateComplete;
    await userEvent.click(inBar<HTMLButtonElement>(host, 'button.clear') as HTMLButtonElement);
    await expect.poll(() => location.hash.includes('from=')).toBe(false);
    const hashBefore = location.hash;
    // From October to November, a frame between moves: more than one window on the way.
    const box = (start: string) =>
      inBar<SVGRectElement>(host, `rect.bin[data-start="${start}"]`)?.getBoundingClientRect() ?? null;
    const october = box('2021-10-01');
    const november = box('2021-11-01');
    const plot = inBar<HTMLElement>(host, '.plot');
    if (!october || !november || !plot) throw new Error('no bars');
    const y = october.bottom - 2;
    const start = october.left + october.width / 2;
    const end = november.left + november.width / 2;
    pointer('pointerdown', start, y, bar(host).shadowRoot?.elementFromPoint(start, y) ?? plot);
    const seen: string[] = [];
    for (let step = 1; step <= 6; step++) {
      pointer('pointermove', start + ((end - start) * step) / 6, y, plot);
      await frame();
      await settle(host);
      seen.push(location.hash);
    }
    pointer('pointerup', end, y, plot);
    await settle(host);
    // Live: windows in between were in the URL and on the canvas before the release.
    expect(new Set(seen.filter((hash) => hash.includes('from=2021-10-01'))).size).toBeGreaterThan(1);
    expect(location.hash).toContain('from=2021-10-01&to=2021-11-30');
    // One Back undoes the whole gesture.
    history.back();
    await expect.poll(() => location.hash).toBe(hashBefore);
  });

  it('play walks a one-month window from October into November 2021, then stops', async () => {
    const host = await openExplorer('#from=2021-10-01&to=2021-10-31');
    const time = bar(host);
    for (let i = 0; i < 10 && (time.drawn.unit !== 'month' || time.drawn.bins.length > 30); i++) time.zoomIn();
    await time.updateComplete;
    const speed = inBar<HTMLSelectElement>(host, 'select[aria-label="Seconds per step"]');
    if (!speed) throw new Error('no speed');
    await userEvent.selectOptions(speed, '0.5');
    const octoberEdges = byId((await canvas(host)).edges);
    await userEvent.click(inBar<HTMLButtonElement>(host, 'button.play') as HTMLButtonElement);
    await expect.poll(() => location.hash, { timeout: 5_000 }).toContain('from=2021-11-01');
    expect(location.hash).toContain('to=2021-11-30');
    // The canvas follows: a relation of 7 November is drawn now, none was in October's window.
    await expect
      .poll(async () => byId((await canvas(host)).edges).get('qaani-met-kadhimi')?.visible, { timeout: 5_000 })
      .toBe(true);
    expect(octoberEdges.get('qaani-met-kadhimi')?.visible).toBe(false);
    // The dated relations end in November 2021: play stops there.
    await expect.poll(() => inBar(host, 'button.play')?.getAttribute('aria-pressed'), { timeout: 5_000 }).toBe('false');
    expect(location.hash).toContain('from=2021-11-01');
  });

  it('marks the selection on the bar, and names the window and its rule in an export', async () => {
    const host = await openExplorer('#actor=qaani&from=2021-11-01&to=2021-11-30&dates=within');
    const time = bar(host);
    const qaani = shipped.relations.filter((r) => r.from === 'qaani' || r.to === 'qaani').map((r) => r.id);
    expect([...time.drawn.marked].sort()).toEqual(
      qaani.filter((id) => shipped.relations.find((r) => r.id === id)?.date !== undefined).sort(),
    );
    const rule = inBar<HTMLSelectElement>(host, 'select.rule');
    expect(rule?.value).toBe('within');
    const result = await host.exportSnapshot('png');
    expect(result?.content.filterLines.join('\n')).toContain(
      'Dates: relations dated wholly within 2021-11-01 to 2021-11-30',
    );
  });

  it('the Time button hides the bar and gives its height to the graph; the window stays in force', async () => {
    const host = await openExplorer('#from=2021-11-01&to=2021-11-30');
    const heightWith = deep(host, 'ag-graph-view').getBoundingClientRect().height;
    const toggle = [...(host.shadowRoot?.querySelectorAll('header button') ?? [])].find(
      (button) => button.textContent?.trim() === 'Time',
    ) as HTMLButtonElement;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(toggle);
    await settle(host);
    expect(host.shadowRoot?.querySelector('ag-time-bar')).toBeNull();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(deep(host, 'ag-graph-view').getBoundingClientRect().height).toBeGreaterThan(heightWith + 80);
    expect(location.hash).toContain('from=2021-11-01');
    await userEvent.click(toggle);
    await settle(host);
    expect(bar(host)).not.toBeNull();
  });
});
