// End-to-end stories of an analyst reading the shipped graph in real
// Chromium: real clicks on the Cytoscape canvas, real keyboard input, and
// assertions on what the canvas shows (read back from Cytoscape).
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  buttonNamed,
  byId,
  canvas,
  clickOnGraph,
  deep,
  drawnIds,
  expectCentred,
  filterCheckbox,
  graphView,
  openExplorer,
  part,
  settle,
  shipped,
  shippedRelationsOf,
  statusLine,
  text,
} from './support.ts';

describe('the explorer on the shipped graph', () => {
  it('draws every actor and relation inside the graph area', async () => {
    const host = await openExplorer();
    const total = `${shipped.actors.length} of ${shipped.actors.length} actors`;
    expect(statusLine(host)).toContain(`showing ${total}, ${shipped.relations.length} of ${shipped.relations.length}`);
    const drawn = await drawnIds(host);
    expect(drawn.actors).toEqual(shipped.actors.map((a) => a.id).sort());
    expect(drawn.relations).toEqual(shipped.relations.map((r) => r.id).sort());
    const box = graphView(host).getBoundingClientRect();
    for (const actor of shipped.actors) {
      const position = await graphView(host).renderedPositionOf(actor.id);
      expect(position, actor.id).not.toBeNull();
      expect(position!.x, actor.id).toBeGreaterThan(0);
      expect(position!.x, actor.id).toBeLessThan(box.width);
      expect(position!.y, actor.id).toBeGreaterThan(0);
      expect(position!.y, actor.id).toBeLessThan(box.height);
    }
  });

  it('clicking Qaani in the graph shows the quote about meeting Kadhimi, with its source and grade', async () => {
    const host = await openExplorer();
    await clickOnGraph(host, 'qaani');
    const panel = text(part(host, 'ag-evidence-panel'));
    expect(panel).toContain('Esmail Qaani');
    expect(panel).toContain('flew to Baghdad on Sunday afternoon and met Kadhimi');
    expect(panel).toContain('Who Tried to Kill Iraqi Prime Minister Al-Kadhimi?');
    expect(panel).toMatch(/Source D: not usually reliable · report \d: /);
    expect(location.hash).toBe('#actor=qaani');
    // On the canvas: Qaani is drawn selected, and only his relations carry their labels (those that
    // do not overlap another label: legibility.test.ts).
    const state = await canvas(host);
    expect(state.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['qaani']);
    const his = new Set(shippedRelationsOf('qaani').map((r) => r.id));
    for (const edge of state.edges) {
      expect(edge.touching, edge.id).toBe(his.has(edge.id));
      if (!his.has(edge.id)) expect(edge.label, edge.id).toBe('');
    }
    const labelled = (await graphView(host).drawnLabels()).filter((l) => his.has(l.id));
    expect(labelled.length).toBeGreaterThan(0);
    // An empty corner of the graph: clicking the background clears the selection.
    await userEvent.click(deep(host, 'ag-graph-view', '#cy'), { position: { x: 4, y: 4 } });
    await settle(host);
    expect(location.hash).toBe('');
    expect(text(part(host, 'ag-evidence-panel'))).toContain('Click an actor or a relation');
    const cleared = await canvas(host);
    expect(cleared.nodes.some((n) => n.selected)).toBe(false);
    expect(cleared.edges.filter((e) => e.label !== '')).toEqual([]);
  });

  it('labels are readable at the default zoom and no two labels overlap', async () => {
    const host = await openExplorer();
    const labels = await graphView(host).drawnLabels();
    // At least 10 px on screen; a label that would overlap a more important one is left out.
    expect(Math.min(...labels.map((l) => l.px))).toBeGreaterThanOrEqual(10);
    expect(labels.length).toBeGreaterThanOrEqual(shipped.actors.length * 0.8);
    const overlapping: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i]!, labels[j]!];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping.push(`${a.id} / ${b.id}`);
      }
    }
    expect(overlapping).toEqual([]);
  });

  it('hovering an actor shows a tooltip with its name, kind and number of relations', async () => {
    const host = await openExplorer();
    const position = await graphView(host).renderedPositionOf('khazali');
    // Start from outside the graph, so that moving onto the node is a real "mouse over".
    await userEvent.hover(deep(host, 'h1'));
    await userEvent.hover(deep(host, 'ag-graph-view', '#cy'), { position: position! });
    await expect.poll(() => graphView(host).shadowRoot?.querySelector('[role=tooltip]')).toBeTruthy();
    const relationCount = shippedRelationsOf('khazali').length;
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered line break is what the analyst reads
    expect(deep(host, 'ag-graph-view', '[role=tooltip]').innerText).toBe(
      `Qais al-Khazali\nPerson · ${relationCount} relations`,
    );
  });

  it('clicking a relation name in the panel selects that relation; Escape clears the selection', async () => {
    const host = await openExplorer('#actor=qaani');
    const panel = part(host, 'ag-evidence-panel');
    const showRelation = [...(panel.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
      b.getAttribute('aria-label')?.startsWith('show relation: Esmail Qaani met Mustafa al-Kadhimi'),
    );
    expect(showRelation).toBeDefined();
    await userEvent.click(showRelation!);
    await settle(host);
    expect(location.hash).toBe('#relation=qaani-met-kadhimi');
    expect(text(panel)).toContain('Relation “met”');
    await expectCentred(host, 'qaani-met-kadhimi');
    expect(byId((await canvas(host)).edges).get('qaani-met-kadhimi')?.selected).toBe(true);
    await userEvent.keyboard('{Escape}');
    await settle(host);
    expect(location.hash).toBe('');
    expect(text(panel)).toContain('Click an actor or a relation');
    expect((await canvas(host)).edges.some((e) => e.selected)).toBe(false);
  });

  it('search finds an actor by alias as you type, and Enter selects and centres it', async () => {
    const host = await openExplorer();
    const input = deep<HTMLInputElement>(host, 'ag-search-box', 'input');
    await userEvent.click(input);
    await userEvent.keyboard('hashd');
    await settle(host);
    const options = [...(part(host, 'ag-search-box').shadowRoot?.querySelectorAll('[role=option]') ?? [])].map((o) =>
      o.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(options[0]).toMatch(/^Popular Mobilization Forces \(as “Hashd/);
    await userEvent.keyboard('{Enter}');
    await settle(host);
    expect(location.hash).toBe('#actor=pmf');
    expect(text(part(host, 'ag-evidence-panel'))).toContain('Popular Mobilization Forces');
    await expectCentred(host, 'pmf');
  });

  it('choosing the actor already selected centres it again', async () => {
    const host = await openExplorer();
    const input = deep<HTMLInputElement>(host, 'ag-search-box', 'input');
    const find = async (name: string) => {
      await userEvent.clear(input);
      await userEvent.click(input);
      await userEvent.keyboard(name);
      await settle(host);
      await userEvent.keyboard('{Enter}');
      await settle(host);
    };
    await find('Saddam');
    await expectCentred(host, 'saddam-hussein');
    // The analyst looks elsewhere (fits the whole graph), then asks for the same actor again.
    await userEvent.click(buttonNamed(host, 'Fit'));
    await expect
      .poll(async () => {
        const position = await graphView(host).renderedPositionOf('saddam-hussein');
        return Math.abs((position?.x ?? 0) - graphView(host).getBoundingClientRect().width / 2);
      })
      .toBeGreaterThan(20);
    await find('Saddam');
    expect(location.hash).toBe('#actor=saddam-hussein');
    await expectCentred(host, 'saddam-hussein');
  });

  it('a keyboard user can reach the table, sort it and open a relation without a mouse', async () => {
    const host = await openExplorer();
    buttonNamed(host, 'Table').focus();
    await userEvent.keyboard('{Enter}');
    await settle(host);
    const table = part(host, 'ag-relation-table');
    const firstHeader = table.shadowRoot!.querySelector<HTMLButtonElement>('th button')!;
    firstHeader.focus();
    await userEvent.keyboard('{Enter}');
    await settle(host);
    expect(table.shadowRoot?.querySelector('th[aria-sort=descending]')?.textContent).toContain('From');
    // Tab from the last header into the rows: one Tab stop, the first row's relation.
    [...table.shadowRoot!.querySelectorAll<HTMLButtonElement>('th button')].at(-1)!.focus();
    await userEvent.tab();
    const focused = table.shadowRoot!.activeElement as HTMLButtonElement;
    expect(focused.getAttribute('aria-label')).toMatch(/: show the evidence$/);
    await userEvent.keyboard('{Enter}');
    await settle(host);
    expect(location.hash).toMatch(/^#relation=.+&view=table$/);
  });

  it('the table lists exactly the visible relations and sorts by a column, text columns alphabetically', async () => {
    const host = await openExplorer('#hideTypes=denied');
    await userEvent.click(buttonNamed(host, 'Table'));
    await settle(host);
    const table = part(host, 'ag-relation-table');
    const rows = () => [...(table.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
    const column = (index: number) => rows().map((row) => row.querySelectorAll('td')[index]?.textContent?.trim() ?? '');
    const visibleCount = shipped.relations.filter((r) => r.type !== 'denied').length;
    expect(rows()).toHaveLength(visibleCount);
    expect(rows().some((row) => row.textContent?.includes('denied'))).toBe(false);
    const header = (name: string) =>
      [...(table.shadowRoot?.querySelectorAll('th button') ?? [])].find((b) => b.textContent?.trim().startsWith(name))!;
    // Sorted by "From" at first: alphabetical, ignoring case.
    const from = column(0);
    expect(from).toEqual([...from].sort((a, b) => a.toLocaleLowerCase().localeCompare(b.toLocaleLowerCase())));
    await userEvent.click(header('Relation'));
    await settle(host);
    const types = column(1);
    expect(types).toEqual([...types].sort((a, b) => a.toLocaleLowerCase().localeCompare(b.toLocaleLowerCase())));
    await userEvent.click(header('Date'));
    await settle(host);
    expect(column(3)[0]).toBe('2003');
    expect(table.shadowRoot?.querySelector('th[aria-sort=ascending]')?.textContent).toContain('Date');
  });
});

describe('the view in the URL', () => {
  it('a hash restores selection, filters and table view', async () => {
    const host = await openExplorer('#actor=qaani&hideTypes=denied&view=table');
    await settle(host);
    expect(text(part(host, 'ag-evidence-panel'))).toContain('Esmail Qaani');
    expect(filterCheckbox(host, 'denied').checked).toBe(false);
    const denied = shipped.relations.filter((r) => r.type === 'denied').length;
    expect(statusLine(host)).toContain(`${shipped.relations.length - denied} of ${shipped.relations.length} relations`);
    expect(part(host, 'ag-relation-table')).toBeTruthy();
    expect(graphView(host).hidden).toBe(true);
  });

  it('a long evidence panel scrolls inside the window instead of pushing the graph off screen', async () => {
    const host = await openExplorer('#actor=kadhimi');
    await settle(host);
    const panel = part(host, 'ag-evidence-panel');
    expect(panel.scrollHeight).toBeGreaterThan(panel.clientHeight);
    expect(panel.getBoundingClientRect().bottom).toBeLessThanOrEqual(window.innerHeight + 1);
    expect(graphView(host).getBoundingClientRect().bottom).toBeLessThanOrEqual(window.innerHeight + 1);
  });

  it('Back undoes the last change, on the canvas too', async () => {
    const host = await openExplorer();
    await userEvent.click(filterCheckbox(host, 'denied'));
    await settle(host);
    expect(location.hash).toBe('#hideTypes=denied');
    const denials = shipped.relations.filter((r) => r.type === 'denied').map((r) => r.id);
    expect((await drawnIds(host)).relations).not.toContain(denials[0]);
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await settle(host);
    expect(filterCheckbox(host, 'denied').checked).toBe(true);
    expect(statusLine(host)).toContain(`${shipped.relations.length} of ${shipped.relations.length} relations`);
    await expect.poll(async () => (await drawnIds(host)).relations).toContain(denials[0]);
  });
});
