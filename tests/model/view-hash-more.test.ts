import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../src/model/filter.ts';
import { DEFAULT_VIEW, type ViewState } from '../../src/model/view.ts';
import { hashToView, viewToHash } from '../../src/model/view-hash.ts';

const withFilters = (filters: Partial<ViewState['filters']>): ViewState => ({
  ...DEFAULT_VIEW,
  filters: { ...DEFAULT_FILTERS, ...filters },
});

describe('a shared link keeps every part of the view', () => {
  it('several hidden kinds and several sources', () => {
    const view = withFilters({ hiddenActorKinds: ['event', 'state'], onlySources: ['global-research', 'isc'] });
    expect(viewToHash(view)).toBe('#hideKinds=event%2Cstate&sources=global-research%2Cisc');
    expect(hashToView(viewToHash(view))).toEqual(view);
  });

  it('a one-step focus', () => {
    const view = { ...DEFAULT_VIEW, focus: { actorId: 'qaani', hops: 1 as const } };
    expect(viewToHash(view)).toBe('#focus=qaani%3A1');
    expect(hashToView(viewToHash(view))).toEqual(view);
  });

  it('the strongest and the weakest grades', () => {
    for (const [minReliability, minCredibility] of [
      ['A', 1],
      ['F', 6],
    ] as const) {
      const view = withFilters({ minReliability, minCredibility });
      expect(hashToView(viewToHash(view))).toEqual(view);
    }
  });
});

describe('a hand-edited link', () => {
  it('ignores empty items in a list', () => {
    expect(hashToView('#hideTypes=met,,denied,').filters.hiddenRelationTypes).toEqual(['met', 'denied']);
  });

  it('ignores a focus whose step count is not 1 or 2', () => {
    expect(hashToView('#focus=qaani:12').focus).toBeNull();
    expect(hashToView('#focus=qaani:1x').focus).toBeNull();
    expect(hashToView('#focus=:1').focus).toBeNull();
    expect(hashToView('#focus=qaani').focus).toBeNull();
  });

  it('ignores grades out of range and a malformed end date', () => {
    const view = hashToView('#credibility=0&reliability=G&to=31-12-2021');
    expect(view.filters).toEqual(DEFAULT_FILTERS);
    expect(hashToView('#credibility=7').filters.minCredibility).toBeNull();
    expect(hashToView('#credibility=2.5').filters.minCredibility).toBeNull();
    expect(hashToView('#to=2021-12').filters.dateTo).toBeNull();
  });

  it('takes an unknown view mode as the graph', () => {
    expect(hashToView('#view=timeline').mode).toBe('graph');
    expect(hashToView('#view=table').mode).toBe('table');
  });
});
