// Small things an analyst notices: the tooltip goes with the pointer, a new
// selection is read from its heading, an empty result says so, the view
// follows the filters, the focus bar covers nothing, and Back restores the zoom.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  buttonNamed,
  canvas,
  deep,
  filterCheckbox,
  graphView,
  openExplorer,
  part,
  settle,
  shipped,
  text,
} from './support.ts';

const tooltip = (host: HTMLElement) => graphView(host as never).shadowRoot?.querySelector('[role=tooltip]') ?? null;

describe('the tooltip', () => {
  it('goes away when the pointer leaves the graph, and when a filter hides what it describes', async () => {
    const host = await openExplorer();
    const cy = deep(host, 'ag-graph-view', '#cy');
    const over = async (id: string) => {
      await userEvent.hover(deep(host, 'h1'));
      await userEvent.hover(cy, { position: (await graphView(host).renderedPositionOf(id))! });
      await expect.poll(() => tooltip(host)).toBeTruthy();
    };
    await over('khazali');
    await userEvent.hover(deep(host, 'h1'));
    await expect.poll(() => tooltip(host)).toBeNull();

    await over('khazali');
    // Hidden by a filter while the pointer is on it (the keyboard changes the filter).
    filterCheckbox(host, 'Person').click();
    await expect.poll(() => tooltip(host)).toBeNull();
  });
});

describe('the evidence panel', () => {
  it('shows a newly selected actor from its heading, not from where the last one was scrolled', async () => {
    const host = await openExplorer('#actor=kadhimi');
    const panel = part(host, 'ag-evidence-panel');
    panel.scrollTop = 2000;
    expect(panel.scrollTop).toBeGreaterThan(500);
    const link = [...(panel.shadowRoot?.querySelectorAll('button.link') ?? [])].find((b) => b.textContent === 'Iran');
    (link as HTMLButtonElement).click();
    await settle(host);
    expect(text(panel.shadowRoot!.querySelector('h2')!)).toBe('Iran');
    expect(panel.scrollTop).toBe(0);
  });
});

describe('filters and the view', () => {
  it('filters that keep nothing say so, with a way back', async () => {
    const host = await openExplorer();
    for (const kind of shipped.actorKinds) filterCheckbox(host, kind.label).click();
    await settle(host);
    const empty = deep(host, '.empty');
    expect(text(empty)).toContain('No actor matches these filters.');
    await userEvent.click(buttonNamed(empty, 'Reset filters'));
    await settle(host);
    expect(host.shadowRoot?.querySelector('.empty')).toBeNull();
    expect((await canvas(host)).nodes.filter((n) => n.visible)).toHaveLength(shipped.actors.length);
  });

  it('after a filter change the view is fitted to what is left, unless the analyst turns that off', async () => {
    const host = await openExplorer();
    const area = graphView(host).getBoundingClientRect();
    const spread = async () => {
      const { boxes } = await graphView(host).renderedNodeBoxes();
      return Math.max(...boxes.map((b) => b.x2)) - Math.min(...boxes.map((b) => b.x1));
    };
    // Only the three events are left: fitted, they spread over most of the width.
    await userEvent.click(buttonNamed(part(host, 'ag-filter-panel'), 'none'));
    for (const kind of shipped.actorKinds.filter((k) => k.id !== 'event')) filterCheckbox(host, kind.label).click();
    await expect.poll(spread).toBeGreaterThan(area.width * 0.5);
    await userEvent.click(buttonNamed(part(host, 'ag-filter-panel'), 'Reset filters'));
    await expect.poll(async () => (await canvas(host)).zoom).toBeLessThan(1.5);

    await userEvent.click(filterCheckbox(host, 'fit the view after each change'));
    expect(location.hash).toContain('fit=manual');
    const zoom = (await canvas(host)).zoom;
    for (const kind of shipped.actorKinds.filter((k) => k.id !== 'event')) filterCheckbox(host, kind.label).click();
    await settle(host);
    expect((await canvas(host)).zoom).toBe(zoom);
  });
});

describe('the focus bar', () => {
  it('sits above the graph on one line, covering none of it', async () => {
    const host = await openExplorer('#actor=kataib-hezbollah&focus=kataib-hezbollah%3A1');
    const bar = deep(host, '.focus-bar').getBoundingClientRect();
    const graph = graphView(host).getBoundingClientRect();
    expect(bar.bottom).toBeLessThanOrEqual(graph.top + 0.5);
    expect(bar.height).toBeLessThan(40);
    expect(text(deep(host, '.focus-bar'))).toContain('Focus: direct links of Kataib Hezbollah (8 actors');
  });
});

describe('the browser history', () => {
  it('Back restores the zoom and pan the analyst left, with the selection', async () => {
    const host = await openExplorer();
    await userEvent.click(filterCheckbox(host, 'fit the view after each change'));
    const cy = deep(host, 'ag-graph-view', '#cy');
    // Zoom in with the wheel, somewhere off centre.
    await userEvent.hover(cy, { position: { x: 200, y: 150 } });
    await expect.poll(() => graphView(host).viewport()).not.toBeNull();
    const before = graphView(host).viewport()!;
    cy.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, clientX: 300, clientY: 250, bubbles: true }));
    await expect.poll(() => graphView(host).viewport()?.zoom).toBeGreaterThan(before.zoom);
    const zoomed = graphView(host).viewport()!;
    // A change of view that moves the camera: selecting and centring an actor through search.
    const input = deep<HTMLInputElement>(host, 'ag-search-box', 'input');
    await userEvent.click(input);
    await userEvent.keyboard('Saddam{Enter}');
    await expect.poll(() => graphView(host).viewport()?.pan.x).not.toBe(zoomed.pan.x);
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await expect.poll(() => graphView(host).viewport()).toEqual(zoomed);
  });
});
