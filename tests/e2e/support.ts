// What the end-to-end stories share: opening the explorer, finding things
// through shadow roots as an analyst would find them on screen, and reading
// back what the canvas shows through the graph view's test hook.
import { afterEach, expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/styles/page.css';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import type { AgApp } from '../../src/components/ag-app.ts';
import type { AgGraphView } from '../../src/components/ag-graph-view.ts';
import '../../src/main.ts';
import type { CanvasElementState, CanvasState } from '../../src/cy/graph-controller.ts';
import type { Graph } from '../../src/model/graph.ts';

export const shippedText = shippedGraphText;
export const shipped = JSON.parse(shippedGraphText) as Graph;

let app: AgApp | null = null;

/** Opens the explorer (with a URL hash, and a ?query when given) and waits for the first picture. */
export async function openExplorer(hash = '', search = ''): Promise<AgApp> {
  history.replaceState(null, '', location.pathname + (search || location.search) + hash);
  app = document.createElement('ag-app');
  document.body.append(app);
  await app.graphDrawn;
  return app;
}

const originalSearch = location.search;
afterEach(() => {
  app?.remove();
  app = null;
  history.replaceState(null, '', location.pathname + originalSearch);
});

/** Finds an element through nested shadow roots: deep(app, 'ag-filter-panel', 'input'). */
export function deep<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let current: Element | null = root;
  for (const selector of selectors) {
    current = (current?.shadowRoot ?? current)?.querySelector(selector) ?? null;
    if (!current) throw new Error(`no ${selectors.join(' > ')}`);
  }
  return current as T;
}

export const part = (host: AgApp, tag: string) => deep(host, tag);
export const graphView = (host: AgApp) => deep<AgGraphView>(host, 'ag-graph-view');
export const text = (element: Element) => (element.shadowRoot ?? element).textContent?.replace(/\s+/g, ' ') ?? '';
export const statusLine = (host: AgApp) => text(deep(host, '.status'));

export function buttonNamed(root: Element, name: string): HTMLButtonElement {
  const buttons = [...(root.shadowRoot ?? root).querySelectorAll('button')];
  const button = buttons.find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === name);
  if (!button) throw new Error(`no button "${name}"`);
  return button;
}

/** A checkbox of the filter panel, found by the label the analyst reads. */
export function filterCheckbox(host: AgApp, label: string): HTMLInputElement {
  const rows = [...(part(host, 'ag-filter-panel').shadowRoot?.querySelectorAll('label') ?? [])];
  const row = rows.find((r) => r.querySelector('span')?.textContent?.trim().startsWith(label));
  const input = row?.querySelector('input');
  if (!input) throw new Error(`no filter "${label}"`);
  return input;
}

/** Opens a graph file's text as the analyst would (checked in the parse worker). */
export function openText(host: AgApp, fileText: string, fileName: string, keepView = false): Promise<boolean> {
  return host.openBytes(new TextEncoder().encode(fileText).buffer as ArrayBuffer, fileName, { keepView });
}

/** Lit has rendered and the browser has drawn a frame. */
export async function settle(host: AgApp): Promise<void> {
  await host.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** What the canvas shows now, read from Cytoscape. */
export async function canvas(host: AgApp): Promise<CanvasState> {
  await settle(host);
  await graphView(host).updateComplete;
  return graphView(host).canvasState();
}

export function byId(elements: CanvasElementState[]): Map<string, CanvasElementState> {
  return new Map(elements.map((element) => [element.id, element]));
}

/** Ids of the actors and relations drawn (not hidden), sorted. */
export async function drawnIds(host: AgApp): Promise<{ actors: string[]; relations: string[] }> {
  const state = await canvas(host);
  const shown = (elements: CanvasElementState[]) =>
    elements
      .filter((element) => element.visible)
      .map((element) => element.id)
      .sort();
  return { actors: shown(state.nodes), relations: shown(state.edges) };
}

/** Waits (polling, not sleeping) until an actor or relation is drawn at the centre of the graph area. */
export async function expectCentred(host: AgApp, elementId: string): Promise<void> {
  const view = graphView(host);
  await expect
    .poll(
      async () => {
        const position = await view.renderedPositionOf(elementId);
        const box = view.getBoundingClientRect();
        if (!position) return null;
        return Math.max(Math.abs(position.x - box.width / 2), Math.abs(position.y - box.height / 2));
      },
      { timeout: 3000, interval: 50 },
    )
    .toBeLessThan(3);
}

export async function clickOnGraph(host: AgApp, elementId: string, double = false): Promise<void> {
  const position = await graphView(host).renderedPositionOf(elementId);
  if (!position) throw new Error(`${elementId} is not drawn`);
  const canvasHost = deep(host, 'ag-graph-view', '#cy');
  if (double) await userEvent.dblClick(canvasHost, { position });
  else await userEvent.click(canvasHost, { position });
  await settle(host);
}

/** Relations of an actor in the shipped graph. */
export function shippedRelationsOf(actorId: string) {
  return shipped.relations.filter((r) => r.from === actorId || r.to === actorId);
}
