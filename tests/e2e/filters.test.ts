// Filters and focus as the analyst sees them on the canvas: what is hidden,
// what is dimmed, and the counts that go with them.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  buttonNamed,
  byId,
  canvas,
  clickOnGraph,
  deep,
  drawnIds,
  filterCheckbox,
  graphView,
  openExplorer,
  openText,
  part,
  settle,
  shipped,
  statusLine,
  text,
} from './support.ts';

const allActors = shipped.actors.map((a) => a.id).sort();
const allRelations = shipped.relations.map((r) => r.id).sort();
const relationsOfType = (type: string) => shipped.relations.filter((r) => r.type === type).map((r) => r.id);
const actorsOfKind = (kind: string) => shipped.actors.filter((a) => a.kind === kind).map((a) => a.id);
const without = (ids: string[], removed: Iterable<string>) => {
  const gone = new Set(removed);
  return ids.filter((id) => !gone.has(id));
};

describe('filters hide what they say, on the canvas', () => {
  it('unticking a relation type hides exactly its relations; nothing moves', async () => {
    const host = await openExplorer();
    const before = byId((await canvas(host)).nodes);
    await userEvent.click(filterCheckbox(host, 'denied'));
    const drawn = await drawnIds(host);
    expect(drawn.relations).toEqual(without(allRelations, relationsOfType('denied')));
    expect(drawn.actors).toEqual(allActors);
    const all = shipped.relations.length;
    expect(statusLine(host)).toContain(`${all - relationsOfType('denied').length} of ${all} relations`);
    for (const node of (await canvas(host)).nodes) {
      expect({ x: node.x, y: node.y }, node.id).toEqual({ x: before.get(node.id)?.x, y: before.get(node.id)?.y });
    }
  });

  it('unticking an actor kind hides its actors and every relation touching them', async () => {
    const host = await openExplorer();
    await userEvent.click(filterCheckbox(host, 'Event'));
    const events = new Set(actorsOfKind('event'));
    const drawn = await drawnIds(host);
    expect(drawn.actors).toEqual(without(allActors, events));
    const touching = shipped.relations.filter((r) => events.has(r.from) || events.has(r.to)).map((r) => r.id);
    expect(touching.length).toBeGreaterThan(0);
    expect(drawn.relations).toEqual(without(allRelations, touching));
    expect(statusLine(host)).toContain(`showing ${allActors.length - events.size} of ${allActors.length} actors`);
  });

  it('three kinds unticked in quick succession are all hidden (each change builds on the last)', async () => {
    const host = await openExplorer();
    // Three clicks in one task: no render happens between them.
    for (const label of ['Event', 'State', 'Political bloc']) filterCheckbox(host, label).click();
    await settle(host);
    const hidden = [...actorsOfKind('event'), ...actorsOfKind('state'), ...actorsOfKind('political-bloc')];
    expect((await drawnIds(host)).actors).toEqual(without(allActors, hidden));
    expect(location.hash).toBe('#hideKinds=event%2Cpolitical-bloc%2Cstate');
  });

  it('a source filter keeps only what that source supports; ticking every source is no filter', async () => {
    const host = await openExplorer();
    await userEvent.click(filterCheckbox(host, 'International South Connect'));
    const globalResearch = shipped.relations
      .filter((r) => r.evidence.some((e) => e.source === 'global-research'))
      .map((r) => r.id)
      .sort();
    expect((await drawnIds(host)).relations).toEqual(globalResearch);
    expect(location.hash).toBe('#sources=global-research');
    // The last source left cannot be unticked: that would only blank the graph.
    expect(filterCheckbox(host, 'Global Research').disabled).toBe(true);
    await userEvent.click(filterCheckbox(host, 'International South Connect'));
    expect((await drawnIds(host)).relations).toEqual(allRelations);
    expect(location.hash).toBe('');
  });

  it('grade and date filters combine, and Reset brings everything back', async () => {
    const host = await openExplorer();
    // Both shipped sources are graded D, so a source grade would keep all or nothing: the same graph is opened
    // with International South Connect graded F (its grade before the audit) for the grade to tell them apart.
    const regraded = {
      ...shipped,
      sources: shipped.sources.map((s) => (s.id === 'isc' ? { ...s, reliability: 'F' as const } : s)),
    };
    expect(await openText(host, JSON.stringify(regraded), 'regraded.json')).toBe(true);
    await host.graphDrawn;
    await userEvent.selectOptions(deep(host, 'ag-filter-panel', '#credibility'), '2');
    const credible = shipped.relations.filter((r) => r.evidence.some((e) => e.credibility <= 2)).map((r) => r.id);
    expect((await drawnIds(host)).relations).toEqual(credible.sort());

    await userEvent.click(buttonNamed(part(host, 'ag-filter-panel'), 'Reset filters'));
    await userEvent.selectOptions(deep(host, 'ag-filter-panel', '#reliability'), 'D');
    const fromD = shipped.relations.filter((r) => r.evidence.some((e) => e.source === 'global-research'));
    expect(fromD.length).toBeGreaterThan(0);
    expect(fromD.length).toBeLessThan(allRelations.length);
    expect((await drawnIds(host)).relations).toEqual(fromD.map((r) => r.id).sort());

    await userEvent.click(buttonNamed(part(host, 'ag-filter-panel'), 'Reset filters'));
    await userEvent.fill(deep(host, 'ag-filter-panel', '#date-from'), '2021-11-07');
    await userEvent.fill(deep(host, 'ag-filter-panel', '#date-to'), '2021-11-07');
    await userEvent.click(filterCheckbox(host, 'keep undated relations'));
    await userEvent.click(filterCheckbox(host, 'hide actors with no visible relation'));
    const drawn = await drawnIds(host);
    // The dated relations whose day, month, year or range takes in 7 November 2021 (dates are ISO prefixes: a
    // period starts on or before the day, and ends on or after it, compared at its own precision).
    const day = '2021-11-07';
    const onTheDay = shipped.relations.filter((r) => {
      if (r.date === undefined) return false;
      const [start, end = start] = r.date.split('/') as [string, string?];
      return start <= day && end >= day.slice(0, end.length);
    });
    expect(onTheDay.length).toBeGreaterThan(0);
    expect(onTheDay.some((r) => r.date !== day)).toBe(true);
    expect(drawn.relations).toEqual(onTheDay.map((r) => r.id).sort());
    const ends = new Set(
      shipped.relations.filter((r) => drawn.relations.includes(r.id)).flatMap((r) => [r.from, r.to]),
    );
    expect(drawn.actors).toEqual([...ends].sort());

    await userEvent.click(buttonNamed(part(host, 'ag-filter-panel'), 'Reset filters'));
    expect(await drawnIds(host)).toEqual({ actors: allActors, relations: allRelations });
    expect(location.hash).toBe('');
  });
});

describe('focus', () => {
  it('double-clicking an actor dims all beyond its direct links; two steps go further; clearing ends it', async () => {
    const host = await openExplorer();
    // Relations resting on weak evidence are drawn faded (opacity 0.55 or 0.3); dimmed ones at 0.12.
    const unfocused = byId((await canvas(host)).edges);
    await clickOnGraph(host, 'qaani', true);
    expect(location.hash).toContain('focus=qaani%3A1');
    const direct = new Set([
      'qaani',
      ...shipped.relations.flatMap((r) => (r.from === 'qaani' ? [r.to] : r.to === 'qaani' ? [r.from] : [])),
    ]);
    const links = shipped.relations.filter((r) => direct.has(r.from) && direct.has(r.to)).map((r) => r.id);
    expect(text(deep(host, '.focus-bar'))).toContain(
      `Focus: direct links of Esmail Qaani (${direct.size} actors, ${links.length} relations; the rest dimmed)`,
    );
    const focused = await canvas(host);
    for (const node of focused.nodes) expect(node.opacity < 0.2, node.id).toBe(!direct.has(node.id));
    for (const edge of focused.edges) expect(edge.opacity < 0.2, edge.id).toBe(!links.includes(edge.id));

    await userEvent.click(buttonNamed(part(host, 'ag-evidence-panel'), 'Focus: two steps'));
    await settle(host);
    expect(location.hash).toContain('focus=qaani%3A2');
    const twoSteps = (await canvas(host)).nodes.filter((n) => n.opacity === 1).length;
    expect(twoSteps).toBeGreaterThan(direct.size);
    expect(Number(/\((\d+) actors/.exec(text(deep(host, '.focus-bar')))?.[1])).toBe(twoSteps);

    await userEvent.click(buttonNamed(host, 'Clear focus'));
    await settle(host);
    expect(location.hash).not.toContain('focus=');
    const cleared = await canvas(host);
    expect(cleared.nodes.filter((e) => e.opacity !== 1).map((e) => e.id)).toEqual([]);
    expect(cleared.edges.filter((e) => e.opacity !== unfocused.get(e.id)?.opacity).map((e) => e.id)).toEqual([]);
    expect(cleared.edges.every((e) => e.opacity >= 0.3)).toBe(true);
  });

  it('pressing the active focus button again ends the focus', async () => {
    const host = await openExplorer('#actor=kadhimi');
    const panel = part(host, 'ag-evidence-panel');
    await userEvent.click(buttonNamed(panel, 'Focus: direct links'));
    await settle(host);
    expect(buttonNamed(panel, 'Focus: direct links').getAttribute('aria-pressed')).toBe('true');
    expect((await canvas(host)).nodes.some((n) => n.opacity < 0.5)).toBe(true);
    await userEvent.click(buttonNamed(panel, 'Focus: direct links'));
    await settle(host);
    expect(location.hash).toBe('#actor=kadhimi');
    expect((await canvas(host)).nodes.every((n) => n.opacity === 1)).toBe(true);
  });
});

describe('Re-layout', () => {
  it('lays out what the filters keep afresh, fitted, with no overlapping labels; hidden actors stay put', async () => {
    const host = await openExplorer();
    // People and political blocs hidden: the 19 actors left (of 41) are as many as this test re-laid out in the
    // 28-actor graph before the audit, few enough for every name to fit at a readable size in this window.
    // Hiding people alone leaves 28, fitted at zoom 0.73 where names are drawn 1.4 times the size the layout
    // left room for, so some must be left out (26 of 28 drawn): a limit of the window, not of Re-layout.
    const hiddenKinds = ['person', 'political-bloc'];
    await userEvent.click(filterCheckbox(host, 'Person'));
    await userEvent.click(filterCheckbox(host, 'Political bloc'));
    const before = byId((await canvas(host)).nodes);
    await userEvent.click(buttonNamed(host, 'Re-layout'));
    const area = graphView(host).getBoundingClientRect();
    // Laid out again (the kept actors moved) and fitted (every label box inside the graph area).
    await expect
      .poll(async () => {
        const moved = (await canvas(host)).nodes.filter((n) => n.visible && n.x !== before.get(n.id)?.x).length;
        const { boxes } = await graphView(host).renderedNodeBoxes();
        const outside = boxes.filter((b) => b.x1 < 0 || b.y1 < 0 || b.x2 > area.width || b.y2 > area.height);
        return moved > 0 && outside.length === 0;
      })
      .toBe(true);
    const after = await canvas(host);
    for (const node of after.nodes.filter((n) => !n.visible)) {
      expect({ x: node.x, y: node.y }, node.id).toEqual({ x: before.get(node.id)?.x, y: before.get(node.id)?.y });
    }
    const { boxes } = await graphView(host).renderedNodeBoxes();
    expect(boxes.length).toBe(shipped.actors.filter((a) => !hiddenKinds.includes(a.kind)).length);
    // Every label the layout left room for is drawn, and none overlaps another.
    const labels = await graphView(host).drawnLabels();
    expect(labels.length).toBe(boxes.length);
    const overlapping = labels.flatMap((a, i) =>
      labels
        .slice(i + 1)
        .filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2)
        .map((b) => a.id + b.id),
    );
    expect(overlapping).toEqual([]);
  });
});
