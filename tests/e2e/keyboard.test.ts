// The explorer from the keyboard alone, with real key presses (Playwright's
// keyboard, through userEvent): skip links, landmarks, the table's arrow
// keys, the graph's arrow keys, focus moving to the evidence, and how many
// keys it takes from page load to a quote.
import { beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AgApp } from '../../src/components/ag-app.ts';
import {
  arrowStep,
  closestTo,
  type Direction,
  nearestInDirection,
  type PlacedActor,
} from '../../src/model/direction.ts';
import {
  canvas,
  clickOnGraph,
  deep,
  expectCentred,
  filterCheckbox,
  graphView,
  openExplorer,
  part,
  settle,
  shipped,
  shippedRelationsOf,
  text,
} from './support.ts';

/** The element that has keyboard focus, looked up through the shadow roots. */
function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

const focusedText = () => focused()?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Every key pressed in a test, one entry a key (a typed word counts one per character). */
let pressed: string[] = [];

/** Presses keys one at a time, as a person would: named keys ('Tab', 'Enter') or the characters of a word. */
async function press(...keys: string[]): Promise<void> {
  for (const key of keys) {
    const named = /^[A-Z][a-zA-Z]+$/.test(key);
    for (const stroke of named ? [key] : [...key]) {
      pressed.push(stroke);
      await userEvent.keyboard(named ? `{${stroke}}` : stroke);
    }
  }
}

/** The evidence panel's heading, and whether it has keyboard focus with the given text. */
const evidenceHeading = (host: AgApp) => deep(host, 'ag-evidence-panel', 'h2');

async function expectFocusOnEvidenceHeading(host: AgApp, heading: string): Promise<void> {
  await expect.poll(() => focused()).toBe(evidenceHeading(host));
  expect(focusedText()).toBe(heading);
}

beforeEach(() => {
  pressed = [];
  // As at page load: nothing has focus.
  (document.activeElement as HTMLElement | null)?.blur();
});

describe('skip links and landmarks', () => {
  it('the first Tab shows "Skip to graph", and Enter puts focus on the graph', async () => {
    const host = await openExplorer('#actor=qaani');
    const skip = deep(host, 'nav button');
    expect(skip.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    await press('Tab');
    expect(focused()).toBe(skip);
    expect(focusedText()).toBe('Skip to graph');
    // Seen while it has focus: a real size, inside the window.
    const box = skip.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(60);
    expect(box.height).toBeGreaterThan(20);
    expect(box.top).toBeGreaterThanOrEqual(0);
    await press('Enter');
    await expect.poll(() => focused()).toBe(deep(host, 'ag-graph-view', '#cy'));
    // Leaving it hides it again.
    expect(skip.getBoundingClientRect().width).toBeLessThanOrEqual(1);
  });

  it('the second Tab is "Skip to evidence": focus on the evidence panel’s heading', async () => {
    const host = await openExplorer('#actor=qaani');
    await press('Tab', 'Tab');
    expect(focusedText()).toBe('Skip to evidence');
    await press('Enter');
    await expectFocusOnEvidenceHeading(host, 'Esmail Qaani');
  });

  it('the third Tab is "Skip to filters": focus on the first filter', async () => {
    const host = await openExplorer();
    await press('Tab', 'Tab', 'Tab');
    expect(focusedText()).toBe('Skip to filters');
    await press('Enter');
    await expect.poll(() => focused()).toBe(filterCheckbox(host, shipped.actorKinds[0]!.label));
  });

  it('in the table view, the first skip link goes to the table', async () => {
    const host = await openExplorer('#view=table');
    await press('Tab');
    expect(focusedText()).toBe('Skip to table');
    await press('Enter');
    await expect.poll(() => focused()?.getAttribute('aria-label') ?? '').toMatch(/: show the evidence$/);
    expect(part(host, 'ag-relation-table').shadowRoot?.contains(focused())).toBe(true);
  });

  it('the graph is the main landmark; filters (a tab of the side) and evidence are landmarks beside it', async () => {
    const host = await openExplorer();
    const root = host.shadowRoot!;
    const mains = [...root.querySelectorAll('main, [role=main]')];
    expect(mains).toHaveLength(1);
    expect(mains[0]!.getAttribute('aria-label')).toBe('Graph');
    expect(mains[0]!.contains(deep(host, 'ag-graph-view'))).toBe(true);
    const side = deep(host, '.side');
    expect([side.getAttribute('role'), side.getAttribute('aria-label')]).toEqual(['region', 'Filters and analysis']);
    const filters = part(host, 'ag-filter-panel');
    expect([filters.getAttribute('role'), filters.getAttribute('aria-label')]).toEqual([
      'tabpanel',
      'Legend and filters',
    ]);
    expect(side.contains(filters)).toBe(true);
    expect(mains[0]!.contains(side)).toBe(false);
    const evidence = part(host, 'ag-evidence-panel');
    expect([evidence.getAttribute('role'), evidence.getAttribute('aria-label')]).toEqual(['complementary', 'Evidence']);
    expect(mains[0]!.contains(evidence)).toBe(false);
  });
});

describe('the relation table from the keyboard', () => {
  /** The label of each row's relation button, in order on screen. */
  const rowLabels = (host: AgApp) =>
    [...(part(host, 'ag-relation-table').shadowRoot?.querySelectorAll('tbody button[data-column="1"]') ?? [])].map(
      (button) => button.getAttribute('aria-label') ?? '',
    );

  it('Up, Down, Home and End move between rows, with one row in the Tab order; Enter reads its evidence', async () => {
    const host = await openExplorer('#view=table');
    const table = part(host, 'ag-relation-table');
    const labels = rowLabels(host);
    expect(labels.length).toBe(shipped.relations.length);
    expect(table.shadowRoot?.querySelectorAll('tbody button[tabindex="0"]')).toHaveLength(1);
    await press('Tab', 'Enter');
    await expect.poll(() => focused()?.getAttribute('aria-label')).toBe(labels[0]);
    await press('ArrowDown');
    expect(focused()?.getAttribute('aria-label')).toBe(labels[1]);
    await press('ArrowDown', 'ArrowDown');
    expect(focused()?.getAttribute('aria-label')).toBe(labels[3]);
    await press('ArrowUp');
    expect(focused()?.getAttribute('aria-label')).toBe(labels[2]);
    await press('End');
    expect(focused()?.getAttribute('aria-label')).toBe(labels.at(-1));
    await press('Home');
    expect(focused()?.getAttribute('aria-label')).toBe(labels[0]);
    await press('ArrowDown', 'ArrowDown');
    // Still one Tab stop: the row moved to.
    await settle(host);
    const stops = [...(table.shadowRoot?.querySelectorAll('tbody button[tabindex="0"]') ?? [])];
    expect(stops.map((button) => button.getAttribute('aria-label'))).toEqual([labels[2]]);
    // Enter chooses it: the evidence panel shows that relation, with focus on its heading.
    const chosen = labels[2]!.replace(/: show the evidence$/, '');
    await press('Enter');
    await expectFocusOnEvidenceHeading(host, chosen);
    expect(text(part(host, 'ag-evidence-panel'))).toContain('Claim made by:');
    expect(location.hash).toContain('relation=');
  });

  it('Left and Right move between the from, relation and to of a row; Enter on a name reads that actor', async () => {
    const host = await openExplorer('#view=table');
    await press('Tab', 'Enter');
    await expect.poll(() => focused()?.getAttribute('data-column')).toBe('1');
    await press('ArrowRight');
    const to = focusedText();
    expect(focused()?.getAttribute('data-column')).toBe('2');
    await press('ArrowLeft', 'ArrowLeft');
    expect(focused()?.getAttribute('data-column')).toBe('0');
    await press('ArrowRight', 'ArrowRight', 'Enter');
    await expectFocusOnEvidenceHeading(host, to);
  });
});

describe('the graph from the keyboard', () => {
  /** The actors drawn, at their model positions (directions are the same on screen at any zoom and pan). */
  async function drawnActors(host: AgApp, options: { undimmedOnly?: boolean } = {}): Promise<PlacedActor[]> {
    const state = await canvas(host);
    return state.nodes
      .filter((node) => node.visible && (!options.undimmedOnly || node.opacity > 0.5))
      .map((node) => ({ id: node.id, x: node.x, y: node.y }));
  }

  const linkedTo = (actorId: string) =>
    new Set(shippedRelationsOf(actorId).map((relation) => (relation.from === actorId ? relation.to : relation.from)));

  const selectedActor = async (host: AgApp) => (await canvas(host)).nodes.find((node) => node.selected)?.id ?? null;

  /** Where the arrow should lead from the selected actor, worked out from what the canvas shows. */
  async function expectedStep(host: AgApp, fromId: string, direction: Direction): Promise<PlacedActor | null> {
    const actors = await drawnActors(host, { undimmedOnly: true });
    const all = await drawnActors(host);
    const from = all.find((actor) => actor.id === fromId)!;
    return arrowStep(from, actors, linkedTo(fromId), direction);
  }

  it('the graph is a Tab stop that says what is selected and which keys to use', async () => {
    const host = await openExplorer('#actor=kadhimi');
    await press('Tab', 'Enter');
    const graph = deep(host, 'ag-graph-view', '#cy');
    await expect.poll(() => focused()).toBe(graph);
    expect(graph.getAttribute('tabindex')).toBe('0');
    expect(graph.getAttribute('aria-label')).toContain('Selected: Mustafa al-Kadhimi');
    expect(graph.getAttribute('aria-label')).toContain('Arrow keys');
    // The focus ring is drawn over the canvas.
    const ring = getComputedStyle(graph, '::after');
    expect(ring.borderTopWidth).toBe('3px');
  });

  it('an arrow key moves the selection along a relation to the nearest actor that way, and centres it', async () => {
    const host = await openExplorer('#actor=kadhimi');
    await press('Tab', 'Enter');
    const start = (await drawnActors(host)).find((actor) => actor.id === 'kadhimi')!;
    for (const direction of ['right', 'left', 'up', 'down'] as const) {
      const expected = await expectedStep(host, 'kadhimi', direction);
      if (!expected) continue;
      // Kadhimi is linked to actors all around him: every arrow follows one of his relations.
      expect(linkedTo('kadhimi').has(expected.id), direction).toBe(true);
      const key = `Arrow${direction[0]!.toUpperCase()}${direction.slice(1)}`;
      await press(key);
      await expect.poll(() => selectedActor(host), { timeout: 3000 }).toBe(expected.id);
      if (direction === 'right') expect(expected.x).toBeGreaterThan(start.x);
      if (direction === 'left') expect(expected.x).toBeLessThan(start.x);
      if (direction === 'up') expect(expected.y).toBeLessThan(start.y);
      if (direction === 'down') expect(expected.y).toBeGreaterThan(start.y);
      await expectCentred(host, expected.id);
      expect(location.hash).toBe(`#actor=${expected.id}`);
      // Back to Kadhimi for the next direction, by the search's route (not the keys under test).
      host.dispatch({ type: 'select', selection: { kind: 'actor', id: 'kadhimi' }, centre: false });
      await settle(host);
      expect(focused()).toBe(deep(host, 'ag-graph-view', '#cy'));
    }
    // Kadhimi has someone on at least three sides.
    expect(pressed.filter((key) => key.startsWith('Arrow')).length).toBeGreaterThanOrEqual(3);
  });

  it('an arrow follows a drawn relation past a nearer actor that is not linked', async () => {
    const host = await openExplorer();
    const actors = await drawnActors(host);
    // Somewhere in the shipped picture, the nearest actor one way is not linked, and a linked one lies further on.
    let found: { from: PlacedActor; direction: Direction; linked: PlacedActor; nearer: PlacedActor } | null = null;
    for (const from of actors) {
      for (const direction of ['right', 'left', 'up', 'down'] as const) {
        const linked = arrowStep(from, actors, linkedTo(from.id), direction);
        const nearer = nearestInDirection(
          from,
          actors.filter((actor) => actor.id !== from.id),
          direction,
        );
        if (linked && nearer && linked.id !== nearer.id && !linkedTo(from.id).has(nearer.id)) {
          found ??= { from, direction, linked, nearer };
        }
      }
    }
    expect(found, 'a place where the relation and the distance disagree').not.toBeNull();
    const { from, direction, linked } = found!;
    host.dispatch({ type: 'select', selection: { kind: 'actor', id: from.id }, centre: false });
    await settle(host);
    graphView(host).focusCanvas();
    await press(`Arrow${direction[0]!.toUpperCase()}${direction.slice(1)}`);
    await expect.poll(() => selectedActor(host)).toBe(linked.id);
  });

  it('with nothing selected, the first arrow selects the actor closest to the middle of the view', async () => {
    const host = await openExplorer();
    await press('Tab', 'Enter');
    const view = graphView(host);
    const box = view.getBoundingClientRect();
    const onScreen: PlacedActor[] = [];
    for (const actor of shipped.actors) {
      const position = await view.renderedPositionOf(actor.id);
      if (position) onScreen.push({ id: actor.id, ...position });
    }
    const middle = closestTo({ x: box.width / 2, y: box.height / 2 }, onScreen);
    await press('ArrowUp');
    await expect.poll(() => selectedActor(host)).toBe(middle?.id);
  });

  it('actors hidden by a filter are never chosen', async () => {
    const host = await openExplorer();
    const kindOf = (actorId: string) => shipped.actors.find((actor) => actor.id === actorId)!.kind;
    const actors = await drawnActors(host);
    // An arrow that leads, by distance alone (no relation that way), to an actor of another kind than the
    // selection's: a filter can hide that kind and keep the selection.
    let found: { from: PlacedActor; direction: Direction; before: PlacedActor } | null = null;
    for (const from of actors) {
      for (const direction of ['right', 'left', 'up', 'down'] as const) {
        const step = arrowStep(from, actors, linkedTo(from.id), direction);
        if (step && !linkedTo(from.id).has(step.id) && kindOf(step.id) !== kindOf(from.id)) {
          found ??= { from, direction, before: step };
        }
      }
    }
    expect(found, 'an arrow that leads to an actor by distance alone').not.toBeNull();
    const { from, direction, before } = found!;
    const hiddenKind = kindOf(before.id);
    host.dispatch({ type: 'select', selection: { kind: 'actor', id: from.id }, centre: false });
    filterCheckbox(host, shipped.actorKinds.find((kind) => kind.id === hiddenKind)!.label).click();
    await settle(host);
    await graphView(host).updateComplete;
    expect((await drawnActors(host)).some((actor) => actor.id === before.id)).toBe(false);
    const after = await expectedStep(host, from.id, direction);
    graphView(host).focusCanvas();
    await press(`Arrow${direction[0]!.toUpperCase()}${direction.slice(1)}`);
    if (after) await expect.poll(() => selectedActor(host)).toBe(after.id);
    else expect(await selectedActor(host)).toBe(from.id);
    expect(kindOf((await selectedActor(host))!)).not.toBe(hiddenKind);
  });

  it('under a focus, the keys stay among the actors it keeps', async () => {
    const host = await openExplorer('#actor=qaani&focus=qaani:1');
    const kept = new Set(['qaani', ...linkedTo('qaani')]);
    graphView(host).focusCanvas();
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) {
      const from = (await selectedActor(host))!;
      const direction = key.slice(5).toLowerCase() as Direction;
      const expected = await expectedStep(host, from, direction);
      await press(key);
      if (expected) await expect.poll(() => selectedActor(host)).toBe(expected.id);
      expect(kept.has((await selectedActor(host))!), key).toBe(true);
    }
  });

  it('Enter on the graph moves focus to the evidence of the selection; a click on the graph does not', async () => {
    const host = await openExplorer();
    await clickOnGraph(host, 'qaani');
    expect(text(part(host, 'ag-evidence-panel'))).toContain('Esmail Qaani');
    expect(focused()).not.toBe(evidenceHeading(host));
    graphView(host).focusCanvas();
    await press('Enter');
    await expectFocusOnEvidenceHeading(host, 'Esmail Qaani');
  });
});

describe('focus follows a choice to its evidence', () => {
  it('"/" goes to the search; choosing an actor there moves focus to its evidence heading', async () => {
    const host = await openExplorer();
    await press('/');
    expect(focused()).toBe(deep(host, 'ag-search-box', 'input'));
    await press('qaani', 'Enter');
    await expectFocusOnEvidenceHeading(host, 'Esmail Qaani');
    expect(location.hash).toBe('#actor=qaani');
  });

  it('"/" typed into a text field is just a character', async () => {
    const host = await openExplorer();
    const input = deep<HTMLInputElement>(host, 'ag-search-box', 'input');
    input.focus();
    await press('a/b');
    expect(input.value).toBe('a/b');
  });

  it('in an actor’s evidence, its relations are one Tab stop: Down goes through them, Enter opens one', async () => {
    const host = await openExplorer('#actor=kataib-hezbollah');
    const panel = part(host, 'ag-evidence-panel');
    const relationButtons = () => [
      ...(panel.shadowRoot?.querySelectorAll('button[aria-label^="show relation"]') ?? []),
    ];
    expect(relationButtons().filter((button) => button.getAttribute('tabindex') === '0')).toHaveLength(1);
    evidenceHeading(host).focus();
    await press('Tab');
    expect(focusedText()).toBe('Focus: direct links');
    await press('ArrowRight');
    expect(focusedText()).toBe('Focus: two steps');
    await press('Tab');
    expect(focused()).toBe(relationButtons()[0]);
    await press('ArrowDown', 'ArrowDown', 'ArrowUp');
    expect(focused()).toBe(relationButtons()[1]);
    await press('End');
    expect(focused()).toBe(relationButtons().at(-1));
    await press('Home');
    const first = relationButtons()[0]?.getAttribute('aria-label')?.replace('show relation: ', '');
    expect(first).toBe('Kataib Hezbollah accused Mustafa al-Kadhimi');
    await press('Enter');
    await expectFocusOnEvidenceHeading(host, first!);
  });
});

describe('keystrokes from page load to a quote', () => {
  const relation = shipped.relations.find((r) => r.id === 'kataib-hezbollah-denied-drone-attack')!;
  const quote = relation.evidence[0]!.quote;

  /** The quote is on screen inside the evidence panel, not scrolled out of it. */
  function expectQuoteInView(host: AgApp): void {
    const panel = part(host, 'ag-evidence-panel');
    const quoteElement = [...(panel.shadowRoot?.querySelectorAll('blockquote') ?? [])].find(
      (element) => element.textContent === quote,
    );
    expect(quoteElement, 'the quote is in the evidence panel').toBeDefined();
    const box = quoteElement!.getBoundingClientRect();
    const shown = panel.getBoundingClientRect();
    expect(box.height).toBeGreaterThan(10);
    expect(box.top).toBeGreaterThanOrEqual(shown.top);
    expect(box.bottom).toBeLessThanOrEqual(Math.min(shown.bottom, window.innerHeight));
  }

  it('"Kataib Hezbollah denied involvement in" the drone attack: its first quote in 9 keys', async () => {
    const host = await openExplorer();
    // Find Kataib Hezbollah, read its evidence, go to its relations, down to "denied involvement in".
    await press('/', 'kat', 'Enter', 'Tab', 'Tab', 'ArrowDown', 'ArrowDown');
    await settle(host);
    expect(focused()?.getAttribute('aria-label')).toBe(
      'show relation: Kataib Hezbollah denied involvement in Drone attack on Kadhimi’s residence (7 Nov 2021)',
    );
    expectQuoteInView(host);
    expect(pressed).toEqual(['/', 'k', 'a', 't', 'Enter', 'Tab', 'Tab', 'ArrowDown', 'ArrowDown']);
    expect(pressed.length).toBeLessThan(10);
    // One more, Enter, opens the relation itself: the quote comes first under its heading.
    await press('Enter');
    await expectFocusOnEvidenceHeading(
      host,
      'Kataib Hezbollah denied involvement in Drone attack on Kadhimi’s residence (7 Nov 2021)',
    );
    expectQuoteInView(host);
  });

  it('without the "/" shortcut, Tab reaches the search after the three skip links: 12 keys', async () => {
    const host = await openExplorer();
    await press('Tab', 'Tab', 'Tab', 'Tab', 'kat', 'Enter', 'Tab', 'Tab', 'ArrowDown', 'ArrowDown');
    await settle(host);
    expect(focused()?.getAttribute('aria-label')).toContain('Kataib Hezbollah denied involvement in');
    expectQuoteInView(host);
    expect(pressed).toHaveLength(12);
  });
});
