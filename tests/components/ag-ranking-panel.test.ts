// The ranking panel as an analyst uses it: sorting by a column heading (by
// mouse and keyboard), choosing an actor's row, what to size actors by, the
// colouring by community, the legend, and what it says when a measure fails.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import { generateGraph } from '../../scripts/generate-graph.ts';
import type { AgRankingPanel } from '../../src/components/ag-ranking-panel.ts';
import '../../src/components/ag-ranking-panel.ts';
import type { AgEventMap } from '../../src/components/events.ts';
import { centralityOf, centralityOfInput, communitiesOf, networkInputOf } from '../../src/model/centrality.ts';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import type { Graph } from '../../src/model/graph.ts';

const shipped = JSON.parse(shippedGraphText) as Graph;
const shippedVisible = visibleSubgraph(shipped, DEFAULT_FILTERS);
let panel: AgRankingPanel | null = null;

afterEach(() => {
  panel?.remove();
  panel = null;
});

async function mount(graph: Graph = shipped): Promise<AgRankingPanel> {
  const visible = visibleSubgraph(graph, DEFAULT_FILTERS);
  panel = document.createElement('ag-ranking-panel');
  panel.style.cssText = 'position: fixed; left: 0; top: 0; width: 330px; height: 700px;';
  panel.graph = graph;
  panel.result = centralityOf(graph, visible);
  panel.communities = communitiesOf(graph, visible);
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}

const inPanel = <T extends Element>(target: AgRankingPanel, selector: string) =>
  target.shadowRoot!.querySelector<T>(selector);
const all = <T extends Element>(target: AgRankingPanel, selector: string) => [
  ...target.shadowRoot!.querySelectorAll<T>(selector),
];
/** The actors' names, top to bottom, as shown. */
const names = (target: AgRankingPanel) => all(target, 'tbody td.name button').map((button) => button.textContent);
const heading = (target: AgRankingPanel, name: string) =>
  all<HTMLTableCellElement>(target, 'th').find((th) => th.querySelector('button')?.ariaLabel?.startsWith(name))!;
const sortedBy = (target: AgRankingPanel) =>
  all<HTMLTableCellElement>(target, 'th')
    .filter((th) => th.ariaSort !== 'none')
    .map((th) => `${th.querySelector('button')?.ariaLabel?.split(':')[0]} ${th.ariaSort}`);

function listen<K extends keyof AgEventMap>(target: AgRankingPanel, type: K): AgEventMap[K][] {
  const heard: AgEventMap[K][] = [];
  target.addEventListener(type, (event) => heard.push((event as CustomEvent<AgEventMap[K]>).detail));
  return heard;
}

describe('the ranking table', () => {
  it('opens by degree, highest first: Kadhimi leads with his 19 relations', async () => {
    const target = await mount();
    expect(sortedBy(target)).toEqual(['degree descending']);
    expect(names(target)[0]).toBe('Mustafa al-Kadhimi');
    const cells = [...(all(target, 'tbody tr')[0]?.querySelectorAll('td') ?? [])].map((td) => td.textContent?.trim());
    expect(cells.slice(1, 4)).toEqual(['19', '10', '10']);
    expect(names(target)).toHaveLength(shippedVisible.actorIds.size);
  });

  it('clicking a heading sorts by it, highest first; clicking it again turns the order round', async () => {
    const target = await mount();
    await userEvent.click(heading(target, 'betweenness').querySelector('button')!);
    expect(sortedBy(target)).toEqual(['betweenness descending']);
    expect(names(target)[0]).toBe('Iraqi parliamentary election (10 Oct 2021)');
    await userEvent.click(heading(target, 'betweenness').querySelector('button')!);
    expect(sortedBy(target)).toEqual(['betweenness ascending']);
    expect(all(target, 'tbody tr')[0]?.querySelectorAll('td')[4]?.textContent).toBe('0.00');
    await userEvent.click(heading(target, 'Actor').querySelector('button')!);
    expect(sortedBy(target)).toEqual(['Actor ascending']);
    const shown = names(target);
    expect(shown).toEqual([...shown].sort((a, b) => (a ?? '').localeCompare(b ?? '', 'en')));
  });

  it('from the keyboard: Enter on a heading sorts; the arrow keys move between actors, Enter selects', async () => {
    const target = await mount();
    const selected = listen(target, 'ag-select');
    heading(target, 'PageRank').querySelector('button')!.focus();
    await userEvent.keyboard('{Enter}');
    expect(sortedBy(target)).toEqual(['PageRank descending']);
    const first = all<HTMLButtonElement>(target, 'tbody button')[0]!;
    expect(first.tabIndex).toBe(0);
    expect(all<HTMLButtonElement>(target, 'tbody button').filter((button) => button.tabIndex === 0)).toHaveLength(1);
    first.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const third = all<HTMLButtonElement>(target, 'tbody button')[2]!;
    expect(target.shadowRoot!.activeElement).toBe(third);
    await userEvent.keyboard('{Enter}');
    const id = shipped.actors.find((actor) => actor.label === third.textContent)?.id;
    expect(selected).toEqual([{ selection: { kind: 'actor', id }, centre: true, moveFocus: false }]);
  });

  it('clicking anywhere on a row selects its actor, centred, focus kept; the selected row is marked', async () => {
    const target = await mount();
    const selected = listen(target, 'ag-select');
    const row = all<HTMLTableRowElement>(target, 'tbody tr').find((tr) => tr.dataset.actor === 'qaani')!;
    await userEvent.click(row.querySelectorAll('td')[3]!);
    expect(selected).toEqual([{ selection: { kind: 'actor', id: 'qaani' }, centre: true, moveFocus: false }]);
    target.selection = { kind: 'actor', id: 'qaani' };
    await target.updateComplete;
    const marked = all<HTMLTableRowElement>(target, 'tbody tr.selected');
    expect(marked.map((tr) => tr.dataset.actor)).toEqual(['qaani']);
    expect(marked[0]?.querySelector('button')?.getAttribute('aria-current')).toBe('true');
  });

  it('a big graph lists the top 50, all on request; a selected actor further down is shown with its rank', async () => {
    const graph = generateGraph(300, 3);
    const target = await mount(graph);
    expect(names(target)).toHaveLength(50);
    const last = centralityOf(graph, visibleSubgraph(graph, DEFAULT_FILTERS)).actors.at(-1)!.id;
    target.selection = { kind: 'actor', id: last };
    await target.updateComplete;
    const rows = all<HTMLTableRowElement>(target, 'tbody tr[data-actor]');
    expect(rows).toHaveLength(51);
    expect(rows.at(-1)?.dataset.actor).toBe(last);
    expect(rows.at(-1)?.classList.contains('selected')).toBe(true);
    expect(rows.at(-1)?.querySelector('.rank')?.textContent).toMatch(/^\d+\.$/);
    const more = all<HTMLButtonElement>(target, 'button.more')[0]!;
    expect(more.textContent).toBe('Show all 300 actors');
    await userEvent.click(more);
    expect(names(target)).toHaveLength(300);
    expect(more.textContent).toBe('Show the top 50');
  });

  it('names from the file are shown as text, never as markup', async () => {
    const hostile: Graph = {
      ...shipped,
      actors: shipped.actors.map((a) => (a.id === 'kadhimi' ? { ...a, label: '<img src=x onerror=alert(1)>' } : a)),
    };
    const target = await mount(hostile);
    expect(names(target)[0]).toBe('<img src=x onerror=alert(1)>');
    expect(inPanel(target, 'tbody img')).toBeNull();
  });
});

describe('sizing and colouring', () => {
  it('choosing a measure to size actors by asks for it; "nothing" asks for none', async () => {
    const target = await mount();
    const asked = listen(target, 'ag-size-by');
    const select = inPanel<HTMLSelectElement>(target, '#size-by')!;
    await userEvent.selectOptions(select, 'betweenness');
    await userEvent.selectOptions(select, '');
    expect(asked).toEqual([{ measure: 'betweenness' }, { measure: null }]);
  });

  it('the legend names the measure and its smallest and largest values, between two circles', async () => {
    const target = await mount();
    target.sizeBy = 'betweenness';
    await target.updateComplete;
    const legend = inPanel<HTMLElement>(target, '.legend')!;
    expect(legend.textContent?.replace(/\s+/g, ' ').trim()).toBe('Size: betweenness, smallest 0.00 → largest 0.56');
    const diameters = all<SVGCircleElement>(target, '.legend circle').map((circle) => 2 * circle.r.baseVal.value);
    expect(diameters[0]).toBeLessThan(diameters[1]!);
  });

  it('the community checkbox says how many there are and asks to colour by them; the key shows sizes', async () => {
    const target = await mount();
    const asked = listen(target, 'ag-colour-by-community');
    const found = communitiesOf(shipped, shippedVisible);
    const label = inPanel<HTMLLabelElement>(target, 'label.check')!;
    expect(label.textContent?.replace(/\s+/g, ' ')).toContain(`(${found.count} communities, modularity`);
    await userEvent.click(label.querySelector('input')!);
    expect(asked).toEqual([{ on: true }]);
    target.colourByCommunity = true;
    await target.updateComplete;
    const key = all<HTMLLIElement>(target, '.communities li').map((li) => li.textContent?.trim());
    expect(key[0]).toBe(String(found.sizes[0]));
  });

  it('a measure that could not be computed is said so, shown as –, and cannot be chosen for sizing', async () => {
    const target = await mount();
    target.result = centralityOfInput(networkInputOf(shipped, shippedVisible), { maxIterations: 2 });
    target.computing = true;
    await target.updateComplete;
    const notes = all<HTMLElement>(target, '.note.unavailable').map((p) => p.textContent?.replace(/\s+/g, ' ').trim());
    expect(notes).toEqual([
      'Eigenvector not computed: its values had not settled after 2 rounds.',
      'PageRank not computed: its values had not settled after 2 rounds.',
    ]);
    const option = inPanel<HTMLOptionElement>(target, '#size-by option[value="eigenvector"]')!;
    expect(option.disabled).toBe(true);
    expect(all(target, 'tbody tr')[0]?.querySelectorAll('td')[5]?.textContent).toBe('–');
    expect(inPanel(target, '.scope')?.textContent).toContain('Computing…');
  });
});
