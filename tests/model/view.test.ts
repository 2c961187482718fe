import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../src/model/filter.ts';
import { DEFAULT_VIEW, nextView, type ViewAction, type ViewState } from '../../src/model/view.ts';

const run = (view: ViewState, ...actions: ViewAction[]) => actions.reduce(nextView, view);
const qaani = { kind: 'actor', id: 'qaani' } as const;
const kadhimi = { kind: 'actor', id: 'kadhimi' } as const;

describe('nextView: selection', () => {
  it('selects, and centres only when asked', () => {
    const selected = nextView(DEFAULT_VIEW, { type: 'select', selection: qaani, centre: false });
    expect(selected.selection).toEqual(qaani);
    expect(selected.camera).toBeNull();
    const centred = nextView(DEFAULT_VIEW, { type: 'select', selection: qaani, centre: true });
    expect(centred.camera).toEqual({ kind: 'centre', target: qaani, serial: 1 });
  });

  it('asking to centre the item already selected is a new camera request', () => {
    const once = nextView(DEFAULT_VIEW, { type: 'select', selection: qaani, centre: true });
    const twice = nextView(once, { type: 'select', selection: { ...qaani }, centre: true });
    expect(twice).not.toBe(once);
    expect(twice.camera).toEqual({ kind: 'centre', target: qaani, serial: 2 });
  });

  it('selecting what is already selected, without centring, changes nothing', () => {
    const once = nextView(DEFAULT_VIEW, { type: 'select', selection: qaani, centre: true });
    expect(nextView(once, { type: 'select', selection: { kind: 'actor', id: 'qaani' }, centre: false })).toBe(once);
    expect(nextView(DEFAULT_VIEW, { type: 'select', selection: null, centre: true })).toBe(DEFAULT_VIEW);
  });

  it('selecting nothing clears the selection and leaves the camera where it is', () => {
    const selected = nextView(DEFAULT_VIEW, { type: 'select', selection: qaani, centre: true });
    const cleared = nextView(selected, { type: 'select', selection: null, centre: true });
    expect(cleared.selection).toBeNull();
    expect(cleared.camera).toBe(selected.camera);
  });

  it('selecting another actor, without centring, selects it', () => {
    const selected = nextView(DEFAULT_VIEW, { type: 'select', selection: qaani, centre: false });
    expect(nextView(selected, { type: 'select', selection: kadhimi, centre: false }).selection).toEqual(kadhimi);
  });

  it('a relation and an actor with the same id are different selections', () => {
    const actor = nextView(DEFAULT_VIEW, { type: 'select', selection: { kind: 'actor', id: 'x' }, centre: false });
    const relation = nextView(actor, { type: 'select', selection: { kind: 'relation', id: 'x' }, centre: false });
    expect(relation.selection).toEqual({ kind: 'relation', id: 'x' });
  });

  it('clears the selection, keeping the rest', () => {
    const selected = run(DEFAULT_VIEW, { type: 'select', selection: qaani, centre: true });
    const cleared = nextView(selected, { type: 'clear-selection' });
    expect(cleared.selection).toBeNull();
    expect(cleared.camera).toBe(selected.camera);
    expect(nextView(cleared, { type: 'clear-selection' })).toBe(cleared);
  });
});

describe('nextView: focus', () => {
  it('focusing selects the actor and fits its neighbourhood', () => {
    const focused = nextView(DEFAULT_VIEW, { type: 'focus', actorId: 'qaani', hops: 2, toggle: false });
    expect(focused.focus).toEqual({ actorId: 'qaani', hops: 2 });
    expect(focused.selection).toEqual(qaani);
    expect(focused.camera).toEqual({ kind: 'fit', scope: 'focus', serial: 1 });
  });

  it('toggling the focus already shown ends it; toggling another hop count changes it', () => {
    const focused = nextView(DEFAULT_VIEW, { type: 'focus', actorId: 'qaani', hops: 1, toggle: true });
    const other = nextView(focused, { type: 'focus', actorId: 'qaani', hops: 2, toggle: true });
    expect(other.focus).toEqual({ actorId: 'qaani', hops: 2 });
    const elsewhere = nextView(focused, { type: 'focus', actorId: 'kadhimi', hops: 1, toggle: true });
    expect(elsewhere.focus).toEqual({ actorId: 'kadhimi', hops: 1 });
    const ended = nextView(focused, { type: 'focus', actorId: 'qaani', hops: 1, toggle: true });
    expect(ended.focus).toBeNull();
    expect(ended.camera).toEqual({ kind: 'fit', scope: 'visible', serial: 2 });
    // Without toggle, asking again keeps the focus (and fits it again).
    const again = nextView(focused, { type: 'focus', actorId: 'qaani', hops: 1, toggle: false });
    expect(again.focus).toEqual({ actorId: 'qaani', hops: 1 });
    expect(again.camera?.serial).toBe(2);
  });

  it('clearing the focus fits what is visible; clearing no focus changes nothing', () => {
    const focused = nextView(DEFAULT_VIEW, { type: 'focus', actorId: 'qaani', hops: 1, toggle: false });
    const cleared = nextView(focused, { type: 'clear-focus' });
    expect(cleared.focus).toBeNull();
    expect(cleared.selection).toEqual(qaani);
    expect(cleared.camera).toEqual({ kind: 'fit', scope: 'visible', serial: 2 });
    expect(nextView(cleared, { type: 'clear-focus' })).toBe(cleared);
  });
});

describe('nextView: filters and mode', () => {
  it('a filter change builds on the latest filters', () => {
    const view = run(
      DEFAULT_VIEW,
      { type: 'change-filter', change: { kind: 'actor-kind', id: 'event', shown: false } },
      { type: 'change-filter', change: { kind: 'actor-kind', id: 'state', shown: false } },
      { type: 'change-filter', change: { kind: 'actor-kind', id: 'political-bloc', shown: false } },
    );
    expect(view.filters.hiddenActorKinds).toEqual(['event', 'political-bloc', 'state']);
  });

  it('a change that changes nothing returns the same view', () => {
    const hidden = nextView(DEFAULT_VIEW, {
      type: 'change-filter',
      change: { kind: 'relation-type', id: 'denied', shown: false },
    });
    expect(
      nextView(hidden, { type: 'change-filter', change: { kind: 'relation-type', id: 'denied', shown: false } }),
    ).toBe(hidden);
    expect(nextView(DEFAULT_VIEW, { type: 'reset-filters' })).toBe(DEFAULT_VIEW);
    const reset = nextView(hidden, { type: 'reset-filters' });
    expect(reset.filters).toBe(DEFAULT_FILTERS);
  });

  it('switches mode, and switching to the mode shown changes nothing', () => {
    const table = nextView(DEFAULT_VIEW, { type: 'set-mode', mode: 'table' });
    expect(table.mode).toBe('table');
    expect(nextView(table, { type: 'set-mode', mode: 'table' })).toBe(table);
    expect(nextView(table, { type: 'set-mode', mode: 'graph' }).mode).toBe('graph');
  });
});

describe('nextView: the claims view', () => {
  it('showing the claims about an actor switches to the claims view and selects the actor', () => {
    const shown = nextView(DEFAULT_VIEW, { type: 'show-claims', actorId: 'qaani' });
    expect(shown).toMatchObject({ mode: 'claims', claimsAbout: 'qaani', selection: qaani });
    expect(nextView(shown, { type: 'show-claims', actorId: 'qaani' })).toBe(shown);
    expect(nextView(shown, { type: 'show-claims', actorId: 'kadhimi' })).toMatchObject({ claimsAbout: 'kadhimi' });
    // Back in the graph, asking again for the same actor's claims returns to them.
    const graph = nextView(shown, { type: 'set-mode', mode: 'graph' });
    expect(nextView(graph, { type: 'show-claims', actorId: 'qaani' })).toMatchObject({ mode: 'claims' });
  });

  it('in the claims view, selecting an actor (search box, claimant link) shows the claims about it', () => {
    const shown = nextView(DEFAULT_VIEW, { type: 'show-claims', actorId: 'qaani' });
    const picked = nextView(shown, { type: 'select', selection: kadhimi, centre: true });
    expect(picked).toMatchObject({ claimsAbout: 'kadhimi', selection: kadhimi });
    // A relation selected from a claim opens its evidence; the claims stay about the same actor.
    const relation = { kind: 'relation', id: 'qaani-met-kadhimi' } as const;
    expect(nextView(picked, { type: 'select', selection: relation, centre: false })).toMatchObject({
      claimsAbout: 'kadhimi',
      selection: relation,
    });
    // In the graph, selecting an actor leaves the claims' subject alone.
    const inGraph = nextView(picked, { type: 'set-mode', mode: 'graph' });
    expect(nextView(inGraph, { type: 'select', selection: qaani, centre: false }).claimsAbout).toBe('kadhimi');
  });
});

describe('nextView: views from the URL and new files', () => {
  it('a restored view centres its selection', () => {
    const current = nextView(DEFAULT_VIEW, { type: 'select', selection: kadhimi, centre: true });
    const restored = nextView(current, { type: 'restore', view: { ...DEFAULT_VIEW, selection: qaani, mode: 'table' } });
    expect(restored.selection).toEqual(qaani);
    expect(restored.mode).toBe('table');
    expect(restored.camera).toEqual({ kind: 'centre', target: qaani, serial: 2 });
  });

  it('a restored focus is fitted, also with a selection, unless its zoom and pan come with it', () => {
    const current = nextView(DEFAULT_VIEW, { type: 'select', selection: qaani, centre: true });
    const focus = { actorId: 'qaani', hops: 1 as const };
    const restored = nextView(current, { type: 'restore', view: { ...DEFAULT_VIEW, selection: qaani, focus } });
    expect(restored.focus).toEqual(focus);
    expect(restored.camera).toEqual({ kind: 'fit', scope: 'focus', serial: 2 });
    const viewport = { zoom: 2, pan: { x: 1, y: 2 } };
    const back = nextView(current, { type: 'restore', view: { ...DEFAULT_VIEW, focus }, viewport });
    expect(back.camera).toEqual({ kind: 'viewport', viewport, serial: 2 });
  });

  it('a page opened on a focus link fits the focus (the first camera request of the page)', () => {
    const focus = { actorId: 'qaani', hops: 2 as const };
    const opened = nextView(DEFAULT_VIEW, { type: 'restore', view: { ...DEFAULT_VIEW, focus } });
    expect(opened.camera).toEqual({ kind: 'fit', scope: 'focus', serial: 1 });
  });

  it('a restored view without a selection keeps the camera where it is', () => {
    const current = nextView(DEFAULT_VIEW, { type: 'select', selection: kadhimi, centre: true });
    const restored = nextView(current, { type: 'restore', view: DEFAULT_VIEW });
    expect(restored.selection).toBeNull();
    expect(restored.camera).toBe(current.camera);
  });

  it('a new file resets everything', () => {
    const busy = run(
      DEFAULT_VIEW,
      { type: 'focus', actorId: 'qaani', hops: 2, toggle: false },
      { type: 'set-mode', mode: 'table' },
      { type: 'change-filter', change: { kind: 'hide-isolated', value: true } },
    );
    expect(nextView(busy, { type: 'reset' })).toBe(DEFAULT_VIEW);
  });
});

describe('nextView: fitting after a filter change, and zoom and pan from the history', () => {
  it('with autoFit on (the default), a filter change or reset asks to fit what is shown', () => {
    const hidden = nextView(DEFAULT_VIEW, {
      type: 'change-filter',
      change: { kind: 'actor-kind', id: 'event', shown: false },
    });
    expect(hidden.camera).toEqual({ kind: 'fit', scope: 'visible', serial: 1 });
    expect(nextView(hidden, { type: 'reset-filters' }).camera).toEqual({ kind: 'fit', scope: 'visible', serial: 2 });
  });

  it('with autoFit off, filters change and the camera stays', () => {
    const manual = nextView(DEFAULT_VIEW, { type: 'set-auto-fit', autoFit: false });
    expect(manual.autoFit).toBe(false);
    expect(nextView(manual, { type: 'set-auto-fit', autoFit: false })).toBe(manual);
    const hidden = nextView(manual, {
      type: 'change-filter',
      change: { kind: 'actor-kind', id: 'event', shown: false },
    });
    expect(hidden.filters.hiddenActorKinds).toEqual(['event']);
    expect(hidden.camera).toBeNull();
    expect(nextView(hidden, { type: 'set-auto-fit', autoFit: true }).autoFit).toBe(true);
  });

  it('a view restored with its zoom and pan puts them back, even with a selection', () => {
    const current = nextView(DEFAULT_VIEW, { type: 'select', selection: kadhimi, centre: true });
    const viewport = { zoom: 1.25, pan: { x: -40, y: 12 } };
    const restored = nextView(current, { type: 'restore', view: { ...DEFAULT_VIEW, selection: qaani }, viewport });
    expect(restored.camera).toEqual({ kind: 'viewport', viewport, serial: 2 });
    expect(restored.selection).toEqual(qaani);
  });
});
