// The two rules by which a window in time keeps a relation with a vague date,
// and the time bar's one-step window change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateOrRange, spanMeetsWindow } from '../../src/model/dates.ts';
import {
  applyFilterChange,
  DEFAULT_FILTERS,
  type FilterState,
  relationSpan,
  sameFilters,
  visibleSubgraph,
} from '../../src/model/filter.ts';
import { DEFAULT_VIEW } from '../../src/model/view.ts';
import { hashToView, viewToHash } from '../../src/model/view-hash.ts';
import { loadShippedGraph } from './shipped.ts';

const november = { start: '2021-11-01', end: '2021-11-30' };
const span = (text: string) => {
  const parsed = parseDateOrRange(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.span;
};

describe('a vague date against a window', () => {
  it.each([
    // date, overlaps November 2021, within November 2021
    ['2021-11', true, true],
    ['2021-11-07', true, true],
    ['2021-11-30', true, true],
    ['2021-12-01', false, false],
    ['2021-10-31', false, false],
    ['2021', true, false],
    ['2021-10/2021-11', true, false],
    ['2021-11-01/2021-11-30', true, true],
    ['2020-05-06/2021-11-11', true, false],
    ['2020', false, false],
  ])('%s: overlaps %s, within %s', (date, overlaps, within) => {
    expect(spanMeetsWindow(span(date), november, 'overlaps')).toBe(overlaps);
    expect(spanMeetsWindow(span(date), november, 'within')).toBe(within);
  });

  it('a month is not within a window that holds only some of its days', () => {
    expect(spanMeetsWindow(span('2021-11'), { start: '2021-11-01', end: '2021-11-05' }, 'within')).toBe(false);
    expect(spanMeetsWindow(span('2021-11'), { start: '2021-11-01', end: '2021-11-05' }, 'overlaps')).toBe(true);
  });

  it('within implies overlaps, for any date and window', () => {
    const day = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const vague = fc.oneof(
      day,
      day.map((d) => d.slice(0, 7)),
      day.map((d) => d.slice(0, 4)),
    );
    fc.assert(
      fc.property(vague, day, day, (date, a, b) => {
        const bounds = a <= b ? { start: a, end: b } : { start: b, end: a };
        const dateSpan = span(date);
        if (spanMeetsWindow(dateSpan, bounds, 'within'))
          expect(spanMeetsWindow(dateSpan, bounds, 'overlaps')).toBe(true);
      }),
    );
  });

  it('relationSpan gives null for a date that does not parse, and the same span each time', () => {
    expect(relationSpan('2021-13')).toBeNull();
    expect(relationSpan('2021-11')).toEqual(november);
    expect(relationSpan('2021-11')).toEqual(november);
  });
});

describe('the date window on the shipped graph', () => {
  const graph = loadShippedGraph();
  const visibleIn = (patch: Partial<FilterState>) =>
    [...visibleSubgraph(graph, { ...DEFAULT_FILTERS, includeUndated: false, ...patch }).relationIds].sort();
  const datedIds = (keep: (date: string) => boolean) =>
    graph.relations
      .filter((relation) => relation.date !== undefined && keep(relation.date))
      .map((relation) => relation.id)
      .sort();

  it('November 2021 keeps the month-precision relations under both rules', () => {
    const overlapping = visibleIn({ dateFrom: '2021-11-01', dateTo: '2021-11-30' });
    const within = visibleIn({ dateFrom: '2021-11-01', dateTo: '2021-11-30', dateMatch: 'within' });
    const monthOnly = datedIds((date) => date === '2021-11');
    expect(monthOnly.length).toBeGreaterThan(0);
    for (const id of monthOnly) {
      expect(overlapping).toContain(id);
      expect(within).toContain(id);
    }
    // The ranges that start in October or 2020 reach into November: kept when overlapping, not within.
    const ranges = datedIds((date) => date === '2021-10/2021-11' || date === '2020-05-06/2021-11-11');
    expect(ranges.length).toBe(3);
    for (const id of ranges) {
      expect(overlapping).toContain(id);
      expect(within).not.toContain(id);
    }
    expect(within).toEqual(datedIds((date) => date.startsWith('2021-11') && !date.includes('/')));
  });
});

describe('the time bar changes both bounds in one step', () => {
  it('sets both bounds, puts reversed bounds in order, and drops what is not a day', () => {
    const set = (from: string | null, to: string | null) =>
      applyFilterChange(DEFAULT_FILTERS, { kind: 'date-window', from, to });
    expect(set('2021-10-01', '2021-11-30')).toMatchObject({ dateFrom: '2021-10-01', dateTo: '2021-11-30' });
    expect(set('2021-11-30', '2021-10-01')).toMatchObject({ dateFrom: '2021-10-01', dateTo: '2021-11-30' });
    expect(set('2021-11', '2021-11-30')).toMatchObject({ dateFrom: null, dateTo: '2021-11-30' });
    expect(set(null, null)).toMatchObject({ dateFrom: null, dateTo: null });
  });

  it('the rule is a filter: compared, and kept in the link', () => {
    const within = applyFilterChange(DEFAULT_FILTERS, { kind: 'date-match', value: 'within' });
    expect(within.dateMatch).toBe('within');
    expect(sameFilters(within, DEFAULT_FILTERS)).toBe(false);
    const view = { ...DEFAULT_VIEW, filters: { ...within, dateFrom: '2021-11-01', dateTo: '2021-11-30' } };
    const hash = viewToHash(view);
    expect(hash).toContain('dates=within');
    expect(hashToView(hash).filters).toEqual(view.filters);
    expect(hashToView(viewToHash(DEFAULT_VIEW)).filters.dateMatch).toBe('overlaps');
  });
});
