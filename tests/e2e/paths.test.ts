// "How is Qais al-Khazali connected to Esmail Qaani?" asked as an analyst asks
// it, in real Chromium: from an actor's panel, answered with each step's
// evidence, highlighted on the canvas, constrained, exported and linked.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AgPathsPanel } from '../../src/components/ag-paths-panel.ts';
import type { SnapshotResult } from '../../src/components/events.ts';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import { cleanPathQuery, findPaths } from '../../src/model/path-query.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { parseGraph } from '../../src/model/validate.ts';
import { buttonNamed, byId, canvas, deep, openExplorer, settle, shippedText, text } from './support.ts';

const parsed = parseGraph(shippedText);
if (!parsed.ok) throw new Error('the shipped graph does not parse');
const index = indexGraph(parsed.graph);
const allShown = visibleSubgraph(parsed.graph, DEFAULT_FILTERS).relationIds;
/** The answer worked out apart from the app: the same search on the parsed file. */
const expected = findPaths(index, cleanPathQuery({ from: 'khazali', to: 'qaani' }), allShown);

const panel = (host: HTMLElement) => deep<AgPathsPanel>(host, 'ag-paths-panel');
const pathItems = (host: HTMLElement) => [...(panel(host).shadowRoot?.querySelectorAll('li.path') ?? [])];

async function until(condition: () => boolean, what: string): Promise<void> {
  await expect.poll(condition, { timeout: 10_000, interval: 30, message: `waiting for ${what}` }).toBe(true);
}

/** Picks Khazali in the graph, asks for paths from him from his panel, and names Qaani as the other end. */
async function askKhazaliToQaani(host: HTMLElement & { dispatch: (action: never) => void }) {
  host.dispatch({ type: 'select', selection: { kind: 'actor', id: 'khazali' }, centre: false } as never);
  await settle(host as never);
  await userEvent.click(buttonNamed(deep(host, 'ag-evidence-panel'), 'Paths from here'));
  await until(() => (host.shadowRoot?.querySelector('ag-paths-panel') ?? null) !== null, 'the paths panel');
  await panel(host).updateComplete;
  const to = deep<HTMLInputElement>(host, 'ag-paths-panel', '#path-to');
  expect(deep<HTMLInputElement>(host, 'ag-paths-panel', '#path-from').value).toBe('Qais al-Khazali');
  await userEvent.fill(to, 'Esmail Qaani');
  to.dispatchEvent(new Event('change', { bubbles: true }));
  await userEvent.click(buttonNamed(panel(host), 'Find paths'));
}

describe('paths between two actors', () => {
  it('lists the paths with their evidence and highlights them, the rest dimmed', async () => {
    const host = await openExplorer();
    // Lines are drawn faded for weak evidence: a highlighted relation keeps its own opacity, the rest fade further.
    const before = byId((await canvas(host)).edges);
    await askKhazaliToQaani(host as never);
    await until(() => pathItems(host).length === expected?.paths.length, 'the paths listed');
    expect(expected?.paths.length).toBe(5);
    const first = pathItems(host)[0];
    if (!first || !expected?.paths[0]) throw new Error('no first path');
    expect(text(first)).toContain('Qais al-Khazali → Mustafa al-Kadhimi → Esmail Qaani');
    // Every step shows its strongest quote, verbatim, and the weakest link is marked once per path.
    for (const step of expected.paths[0].steps)
      expect(text(first)).toContain(step.strongest.quote.replace(/\s+/g, ' '));
    for (const item of pathItems(host)) expect(item.querySelectorAll('li.weakest')).toHaveLength(1);
    expect(location.hash).toContain('pathFrom=khazali');
    expect(location.hash).toContain('pathTo=qaani');

    // All paths highlighted: their actors at full opacity, an actor on none of them dimmed.
    const onPaths = new Set(expected.paths.flatMap((path) => path.actorIds));
    let nodes = byId((await canvas(host)).nodes);
    for (const id of onPaths) expect(nodes.get(id)?.opacity).toBe(1);
    const offPath = [...nodes.values()].find((node) => node.visible && !onPaths.has(node.id));
    expect(offPath?.opacity).toBeLessThan(0.5);

    // Picking the first path leaves only its three actors and its steps' relations lit.
    await userEvent.click(first.querySelector('button.pick') as HTMLElement);
    await until(() => location.hash.includes('path=1'), 'the first path picked');
    nodes = byId((await canvas(host)).nodes);
    const lit = [...nodes.values()].filter((node) => node.visible && node.opacity === 1).map((node) => node.id);
    expect(lit.sort()).toEqual(['kadhimi', 'khazali', 'qaani']);
    const edges = byId((await canvas(host)).edges);
    for (const step of expected.paths[0].steps) {
      expect(edges.get(step.relationId)?.opacity).toBe(before.get(step.relationId)?.opacity);
    }
    const pathRelations = new Set(
      expected.paths[0].steps.flatMap((step) => [step.relationId, ...step.otherRelationIds]),
    );
    const offRelation = [...edges.values()].find((edge) => edge.visible && !pathRelations.has(edge.id));
    expect(offRelation?.opacity).toBeLessThan((before.get(offRelation?.id ?? '')?.opacity ?? 0) / 2);
    expect(text(deep(host, '.paths-bar'))).toContain('path 1 of 5 highlighted');

    // Clearing brings every actor back.
    await userEvent.click(buttonNamed(deep(host, '.paths-bar'), 'Clear paths'));
    await until(() => !location.hash.includes('pathFrom'), 'the paths cleared');
    nodes = byId((await canvas(host)).nodes);
    expect([...nodes.values()].every((node) => !node.visible || node.opacity === 1)).toBe(true);
  });

  it('says honestly that no path has every step graded C or better', async () => {
    const host = await openExplorer();
    await askKhazaliToQaani(host as never);
    await until(() => pathItems(host).length === 5, 'the paths listed');
    deep<HTMLDetailsElement>(host, 'ag-paths-panel', 'details').open = true;
    const reliability = deep<HTMLSelectElement>(host, 'ag-paths-panel', '#path-reliability');
    await userEvent.selectOptions(reliability, 'C');
    await userEvent.click(buttonNamed(panel(host), 'Find paths'));
    await until(() => text(panel(host)).includes('No path from'), 'the answer');
    expect(text(panel(host))).toContain(
      'No path from Qais al-Khazali to Esmail Qaani: no path with every step graded C',
    );
    expect(pathItems(host)).toHaveLength(0);
    // With nothing to highlight, nothing is dimmed.
    const nodes = (await canvas(host)).nodes;
    expect(nodes.every((node) => !node.visible || node.opacity === 1)).toBe(true);
  });

  it('exports the steps as CSV and the highlighted path as a PNG described in its caption', async () => {
    const host = await openExplorer(`#pathFrom=khazali&pathTo=qaani&path=1`);
    await until(() => pathItems(host).length === 5, 'the paths from the link');
    const csv = host.exportPathsCsv();
    const rows = csv?.trim().split('\r\n') ?? [];
    expect(rows[0]).toBe(
      'path,step,from,relation,to,weakestLink,quote,attributedTo,claimant,source,reliability,credibility,' +
        'date,relationId,otherRelationIds',
    );
    const steps = expected?.paths.reduce((sum, path) => sum + path.steps.length, 0) ?? 0;
    expect(csv?.match(/^\d+,\d+,/gm)?.length).toBe(steps);
    let exported: SnapshotResult | null = null;
    host.addEventListener('ag-exported', (event) => {
      exported = (event as CustomEvent<SnapshotResult>).detail;
    });
    await userEvent.click(buttonNamed(panel(host), 'Export PNG'));
    await until(() => exported !== null, 'the PNG');
    const result = exported as unknown as SnapshotResult;
    expect(result.graph.actorIds.sort()).toEqual(['kadhimi', 'khazali', 'qaani']);
    expect(result.content.notes[0]).toMatch(
      /^Path 1 of 5: Qais al-Khazali — .* — Esmail Qaani \(2 steps; weakest link/,
    );
    expect(result.content.countLine).toContain('the paths highlighted keep');
  });

  it('lists the common neighbours of the two actors and of a third', async () => {
    const host = await openExplorer(`#pathFrom=khazali&pathTo=qaani`);
    await until(() => pathItems(host).length === 5, 'the paths from the link');
    const common = () => [...(panel(host).shadowRoot?.querySelectorAll('ul.common li') ?? [])].map(text);
    expect(common().some((line) => line.includes('Mustafa al-Kadhimi'))).toBe(true);
    const input = deep<HTMLInputElement>(host, 'ag-paths-panel', '#path-common');
    await userEvent.fill(input, 'Iran');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await panel(host).updateComplete;
    expect(text(panel(host))).toContain('every one of: Qais al-Khazali, Esmail Qaani, Iran');
  });
});

describe('the side column', () => {
  it('is a tab list: arrow keys move between the filters and the paths, and the graph keeps the rest', async () => {
    const host = await openExplorer();
    const tab = (name: string) => deep<HTMLButtonElement>(host, `#tab-${name}`);
    const widthBefore = deep(host, 'ag-graph-view').getBoundingClientRect().width;
    tab('filters').focus();
    await userEvent.keyboard('{ArrowRight}');
    await settle(host);
    expect(tab('paths').getAttribute('aria-selected')).toBe('true');
    expect(host.shadowRoot?.activeElement).toBe(tab('paths'));
    expect(host.shadowRoot?.querySelector('ag-filter-panel')).toBeNull();
    expect(text(panel(host))).toContain('How are they connected?');
    // The paths need more room than the filters: the side column widens, the graph gives it up.
    expect(deep(host, 'ag-graph-view').getBoundingClientRect().width).toBeLessThan(widthBefore);
    await userEvent.keyboard('{ArrowLeft}');
    await settle(host);
    expect(tab('filters').getAttribute('aria-selected')).toBe('true');
    expect(host.shadowRoot?.querySelector('ag-filter-panel')).not.toBeNull();
  });
});
