// The time bar's model: relations by date stacked by family, vague dates as
// spans, and the arithmetic of a window (snapping, stepping, words).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateOrRange } from '../../src/model/dates.ts';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import type { Graph, Relation } from '../../src/model/graph.ts';
import {
  axisTicks,
  binsOf,
  binTitle,
  countInWindow,
  dayNumber,
  dayText,
  describeWindow,
  domainOfView,
  fitView,
  MAX_BINS,
  MAX_LANES,
  MAX_VIEW_DAYS,
  MIN_VIEW_DAYS,
  marksOf,
  shiftDay,
  snapWindow,
  spanTitle,
  stepWindow,
  type TimeUnit,
  timelineOf,
  unitEnd,
  unitFor,
  unitIndex,
  unitStart,
  unitsTouched,
  viewShowing,
  windowLine,
  zoomView,
} from '../../src/model/timeline.ts';
import { loadShippedGraph } from './shipped.ts';

const shipped = loadShippedGraph();
const idsDated = (date: string) => shipped.relations.filter((r) => r.date === date).map((r) => r.id);
const UNITS: TimeUnit[] = ['year', 'month', 'day'];
const year2021 = { start: '2021-01-01', end: '2021-12-31' };

/** A day from 1990 to 2030 as YYYY-MM-DD (any real day). */
const dayArbitrary = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2030-12-31') }).map((n) => dayText(n));
/** A date in one of the file's forms: YYYY, YYYY-MM, YYYY-MM-DD or a range of them. */
const dateArbitrary = fc
  .tuple(dayArbitrary, dayArbitrary, fc.constantFrom(4, 7, 10), fc.constantFrom(4, 7, 10), fc.boolean())
  .map(([a, b, firstLength, secondLength, range]) => {
    const [first, second] = a <= b ? [a, b] : [b, a];
    return range ? `${first.slice(0, firstLength)}/${second.slice(0, secondLength)}` : first.slice(0, firstLength);
  });
/** A graph with the shipped graph's types and these dates (undefined: undated). */
function graphWithDates(dates: (string | undefined)[]): Graph {
  const types = shipped.relationTypes;
  const relations: Relation[] = dates.map((date, index) => ({
    id: `r${index}`,
    type: types[index % types.length]?.id ?? 'met',
    from: 'a',
    to: 'b',
    ...(date === undefined ? {} : { date }),
    evidence: [],
  }));
  return { ...shipped, relations };
}
const spanOf = (date: string) => {
  const parsed = parseDateOrRange(date);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.span;
};

describe('days by UTC day numbers', () => {
  it('counts days from 1970-01-01 and back, across leap days and in years before 100', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayText(dayNumber('0050-06-15'))).toBe('0050-06-15');
    fc.assert(
      fc.property(dayArbitrary, (day) => {
        expect(dayText(dayNumber(day))).toBe(day);
      }),
    );
  });

  it('snaps a day to the first and last day of its year, month or day', () => {
    expect(unitStart('2021-11-07', 'month')).toBe('2021-11-01');
    expect(unitEnd('2021-11-07', 'month')).toBe('2021-11-30');
    expect(unitEnd('2024-02-10', 'month')).toBe('2024-02-29');
    expect(unitEnd('2021-11-07', 'year')).toBe('2021-12-31');
    expect(unitStart('2021-11-07', 'day')).toBe('2021-11-07');
    expect(snapWindow({ start: '2021-11-07', end: '2021-11-10' }, 'month')).toEqual({
      start: '2021-11-01',
      end: '2021-11-30',
    });
  });

  it('snapping is idempotent and always widens a window to whole units', () => {
    fc.assert(
      fc.property(dayArbitrary, dayArbitrary, fc.constantFrom(...UNITS), (a, b, unit) => {
        const window = a <= b ? { start: a, end: b } : { start: b, end: a };
        const snapped = snapWindow(window, unit);
        expect(snapWindow(snapped, unit)).toEqual(snapped);
        expect(snapped.start <= window.start && window.end <= snapped.end).toBe(true);
        expect(unitsTouched(snapped, unit)).toBe(unitsTouched(window, unit));
      }),
    );
  });
});

describe('the unit of the bars', () => {
  it('is the finest that keeps a domain within 120 bars', () => {
    expect(unitFor({ start: '2021-01-01', end: dayText(dayNumber('2021-01-01') + MAX_BINS - 1) })).toBe('day');
    expect(unitFor({ start: '2021-01-01', end: dayText(dayNumber('2021-01-01') + MAX_BINS) })).toBe('month');
    expect(unitFor({ start: '2001-01-01', end: '2010-12-31' })).toBe('month');
    expect(unitFor({ start: '2001-01-01', end: '2011-01-01' })).toBe('year');
  });

  it('any view shows at most 120 bars, of the unit its own domain calls for', () => {
    const viewArbitrary = fc
      .tuple(
        fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2100-01-01') }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([start, fraction]) => {
        const length = MIN_VIEW_DAYS + fraction * (MAX_VIEW_DAYS - MIN_VIEW_DAYS);
        return { start: start + fraction, end: start + fraction + length };
      });
    fc.assert(
      fc.property(viewArbitrary, (view) => {
        const domain = domainOfView(view);
        const unit = unitFor(domain);
        expect(unitsTouched(domain, unit)).toBeLessThanOrEqual(MAX_BINS);
        expect(snapWindow(domain, unit)).toEqual(domain);
        expect(dayNumber(domain.start)).toBeLessThanOrEqual(Math.floor(view.start));
        expect(dayNumber(domain.end) + 1).toBeGreaterThanOrEqual(Math.ceil(view.end));
      }),
    );
  });
});

describe('stepping a window (the play button)', () => {
  it('moves October 2021 to November, and a window ending on a month end keeps ending on one', () => {
    expect(stepWindow({ start: '2021-10-01', end: '2021-10-31' }, 'month', 1)).toEqual({
      start: '2021-11-01',
      end: '2021-11-30',
    });
    expect(stepWindow({ start: '2021-10-01', end: '2021-11-30' }, 'month', 1)).toEqual({
      start: '2021-11-01',
      end: '2021-12-31',
    });
    expect(stepWindow({ start: '2023-12-01', end: '2024-01-31' }, 'month', 1)).toEqual({
      start: '2024-01-01',
      end: '2024-02-29',
    });
    expect(stepWindow({ start: '2021-11-07', end: '2021-11-07' }, 'day', -10)).toEqual({
      start: '2021-10-28',
      end: '2021-10-28',
    });
    expect(shiftDay('2021-01-31', 'month', 1)).toBe('2021-02-28');
  });

  it('a window of whole units keeps its width in units; at day zoom, in days', () => {
    fc.assert(
      fc.property(
        dayArbitrary,
        dayArbitrary,
        fc.constantFrom(...UNITS),
        fc.integer({ min: -30, max: 30 }),
        (a, b, unit, steps) => {
          const window = snapWindow(a <= b ? { start: a, end: b } : { start: b, end: a }, unit);
          const stepped = stepWindow(window, unit, steps);
          expect(unitsTouched(stepped, unit)).toBe(unitsTouched(window, unit));
          expect(snapWindow(stepped, unit)).toEqual(stepped);
          expect(unitIndex(stepped.start, unit) - unitIndex(window.start, unit)).toBe(steps);
        },
      ),
    );
    fc.assert(
      fc.property(dayArbitrary, fc.nat(400), fc.integer({ min: -400, max: 400 }), (start, width, steps) => {
        const window = { start, end: dayText(dayNumber(start) + width) };
        const stepped = stepWindow(window, 'day', steps);
        expect(dayNumber(stepped.end) - dayNumber(stepped.start)).toBe(width);
      }),
    );
  });
});

describe('a window in words', () => {
  it.each([
    ['2021-11-01', '2021-11-30', 'November 2021'],
    ['2021-01-01', '2021-12-31', '2021'],
    ['2021-11-07', '2021-11-07', '7 November 2021'],
    ['2021-10-01', '2021-11-30', '2021-10-01 to 2021-11-30'],
    ['2021-11-01', '2021-11-29', '2021-11-01 to 2021-11-29'],
    ['2021-01-01', '2022-12-31', '2021-01-01 to 2022-12-31'],
    ['2024-02-01', '2024-02-29', 'February 2024'],
    [null, null, 'all dates'],
    ['2021-10-01', null, 'from 2021-10-01'],
    [null, '2021-11-30', 'until 2021-11-30'],
  ])('%s to %s reads "%s"', (from, to, words) => {
    expect(describeWindow(from, to)).toBe(words);
  });

  it('the window line names the window, its days and how many dated relations it keeps', () => {
    expect(windowLine('2021-11-01', '2021-11-30', 12, 32)).toBe(
      'Window: November 2021 (2021-11-01 to 2021-11-30) · 12 of 32 dated relations',
    );
    expect(windowLine('2021-10-01', '2021-11-30', 20, 32)).toBe(
      'Window: 2021-10-01 to 2021-11-30 · 20 of 32 dated relations',
    );
    expect(windowLine(null, null, 32, 32)).toBe('No window: all 32 dated relations · drag on the bars to choose one');
  });
});

describe('the shipped graph on the time axis', () => {
  const timeline = timelineOf(shipped);

  it('has 32 dated relations from 2003 to 30 November 2021 (2021-11), and 43 undated counted apart', () => {
    expect(timeline.entries).toHaveLength(32);
    expect(timeline.undated).toBe(43);
    expect(timeline.unreadable).toBe(0);
    expect(timeline.domain).toEqual({ start: '2003-01-01', end: '2021-11-30' });
    expect(timelineOf(shipped)).toBe(timeline);
  });

  it('at month zoom 2021-11 counts in the November bar, and 2021-10/2021-11 is a span', () => {
    const binned = binsOf(timeline, year2021, 'month');
    expect(binned.bins).toHaveLength(12);
    const november = binned.bins.findIndex((bin) => bin.start === '2021-11-01');
    const [monthOnly] = idsDated('2021-11');
    expect(monthOnly).toBeDefined();
    expect(binned.binOf.get(monthOnly!)).toBe(november);
    for (const id of [...idsDated('2021-10/2021-11'), ...idsDated('2020-05-06/2021-11-11')]) {
      expect(binned.binOf.has(id)).toBe(false);
      expect(binned.laneOf.has(id)).toBe(true);
    }
    // The range from 2020 is in the domain (it can mean days of 2021); the 2020 and 2003 ones are not.
    expect(binned.outside).toEqual({ before: idsDated('2020').length + idsDated('2003').length + 2, after: 0 });
    expect(binned.moreSpans).toBe(0);
    expect(binned.bins[november]?.total).toBe(7 + 5 + 1);
    expect(binTitle(binned.bins[november]!)).toMatch(/^November 2021: 13 relations \(/);
  });

  it('at year zoom 2021-10/2021-11 fits in the 2021 bar; the range from 2020 is still a span', () => {
    const binned = binsOf(timeline, timeline.domain!, 'year');
    expect(binned.domain).toEqual({ start: '2003-01-01', end: '2021-12-31' });
    const bar2021 = binned.bins.findIndex((bin) => bin.start === '2021-01-01');
    for (const id of idsDated('2021-10/2021-11')) expect(binned.binOf.get(id)).toBe(bar2021);
    const [long] = idsDated('2020-05-06/2021-11-11');
    expect(binned.spans.map((span) => span.relationIds)).toEqual([[long]]);
    expect(spanTitle(binned.spans[0]!)).toContain('dated 2020-05-06 to 2021-11-11');
  });

  it('at day zoom 2021-10 and 2021-11 are spans, in different lanes: end to end they would read as one', () => {
    const binned = binsOf(timeline, { start: '2021-10-01', end: '2021-11-30' }, 'day');
    const [october] = idsDated('2021-10');
    const [november] = idsDated('2021-11');
    expect(binned.laneOf.has(october!) && binned.laneOf.has(november!)).toBe(true);
    expect(binned.laneOf.get(october!)).not.toBe(binned.laneOf.get(november!));
  });

  it.each(UNITS)('at %s zoom each bar counts, by family, the relations whose date lies inside it', (unit) => {
    const domain =
      unit === 'year' ? timeline.domain! : unit === 'month' ? year2021 : { start: '2021-10-01', end: '2021-11-30' };
    const binned = binsOf(timeline, domain, unit);
    const familyOf = new Map(timeline.entries.map((entry) => [entry.relationId, entry.family]));
    for (const bin of binned.bins) {
      const inside = shipped.relations.filter((relation) => {
        if (relation.date === undefined) return false;
        const span = spanOf(relation.date);
        return bin.start <= span.start && span.end <= bin.end;
      });
      expect(bin.total).toBe(inside.length);
      const byFamily: Record<string, number> = {};
      for (const relation of inside) {
        const family = familyOf.get(relation.id)!;
        byFamily[family] = (byFamily[family] ?? 0) + 1;
      }
      expect(bin.byFamily).toEqual(byFamily);
    }
  });

  it('counts the relations in a window as the filter keeps them, by either rule', () => {
    for (const dateMatch of ['overlaps', 'within'] as const) {
      for (const [from, to] of [
        ['2021-11-01', '2021-11-30'],
        ['2021-10-01', '2021-11-30'],
        ['2020-01-01', '2020-12-31'],
        [null, '2021-10-31'],
      ] as const) {
        const filters = { ...DEFAULT_FILTERS, dateFrom: from, dateTo: to, dateMatch, includeUndated: false };
        const shown = visibleSubgraph(shipped, filters).relationIds.size;
        expect(countInWindow(timeline, from, to, dateMatch), `${from} to ${to}, ${dateMatch}`).toBe(shown);
      }
    }
    expect(countInWindow(timeline, '2021-11-01', '2021-11-30', 'overlaps')).toBeGreaterThan(
      countInWindow(timeline, '2021-11-01', '2021-11-30', 'within'),
    );
  });

  it('marks the selection where it falls: a bar, a lane, or above the plot for spans that found no lane', () => {
    const [monthOnly] = idsDated('2021-11');
    const [range] = idsDated('2021-10/2021-11');
    const binned = binsOf(timeline, year2021, 'month');
    const marks = marksOf(binned, [monthOnly!, range!, 'no-such-relation', idsDated('2003')[0]!]);
    expect(marks.marked).toEqual([monthOnly, range]);
    expect([...marks.inBins]).toEqual([[10, 1]]);
    expect([...marks.inLanes]).toEqual([range]);
    // With one lane, the range from 2020 (it starts first) takes it; both 2021-10/2021-11 relations find none.
    const crowded = binsOf(timeline, year2021, 'month', { lanes: 1, spans: 60 });
    const both = idsDated('2021-10/2021-11');
    expect(crowded.overflow.map((entry) => entry.relationId).sort()).toEqual([...both].sort());
    expect(crowded.moreSpans).toBe(2);
    expect(marksOf(crowded, both).overflowSpans).toEqual([{ start: '2021-10-01', end: '2021-11-30' }]);
  });
});

describe('bars and spans of any graph', () => {
  const domainArbitrary = fc
    .tuple(dayArbitrary, dayArbitrary)
    .map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));

  it('every dated relation in the domain is in exactly one bar, or one span, or counted as not fitting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(dateArbitrary, { nil: undefined }), { maxLength: 120 }),
        domainArbitrary,
        fc.integer({ min: 1, max: 8 }),
        (dates, rough, lanes) => {
          const graph = graphWithDates(dates);
          const timeline = timelineOf(graph);
          const unit = unitFor(rough);
          const binned = binsOf(timeline, rough, unit, { lanes, spans: 60 });
          const overflowIds = new Set(binned.overflow.map((entry) => entry.relationId));
          let inDomain = 0;
          for (const entry of timeline.entries) {
            const places =
              Number(binned.binOf.has(entry.relationId)) +
              Number(binned.laneOf.has(entry.relationId)) +
              Number(overflowIds.has(entry.relationId));
            const meets = entry.start <= binned.domain.end && binned.domain.start <= entry.end;
            expect(places).toBe(meets ? 1 : 0);
            if (meets) inDomain++;
          }
          expect(timeline.undated).toBe(dates.filter((date) => date === undefined).length);
          expect(binned.bins.reduce((sum, bin) => sum + bin.total, 0) + binned.laneOf.size + binned.moreSpans).toBe(
            inDomain,
          );
          expect(binned.outside.before + binned.outside.after).toBe(timeline.entries.length - inDomain);
          // A span is only ever a date that could mean days of more than one bar.
          for (const span of binned.spans) expect(unitsTouched(span, unit)).toBeGreaterThan(1);
          // Two spans of a lane have a whole unit between them; no more lanes than allowed.
          for (const span of binned.spans) {
            expect(span.lane).toBeLessThan(lanes);
            const tooClose = binned.spans.find(
              (o) =>
                o !== span &&
                o.lane === span.lane &&
                unitIndex(o.start, unit) <= unitIndex(span.end, unit) + 1 &&
                unitIndex(span.start, unit) <= unitIndex(o.end, unit) + 1,
            );
            expect(tooClose).toBeUndefined();
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with the default limits, at most six lanes and sixty spans are drawn whatever the graph', () => {
    const dates = Array.from({ length: 2_000 }, (_, index) => `${2000 + (index % 20)}/${2001 + (index % 20)}`);
    const timeline = timelineOf(graphWithDates(dates));
    const binned = binsOf(timeline, { start: '1999-01-01', end: '2021-12-31' }, 'year');
    expect(Math.max(...binned.spans.map((span) => span.lane))).toBe(MAX_LANES - 1);
    expect(binned.spans.length).toBeLessThanOrEqual(60);
    expect(binned.laneOf.size + binned.moreSpans).toBe(2_000);
  });
});

describe('the view: fit, zoom, follow the window', () => {
  const timeline = timelineOf(shipped);

  it('fits the shipped graph from 2003 to 2021 in years', () => {
    const view = fitView(timeline)!;
    expect(domainOfView(view)).toEqual({ start: '2003-01-01', end: '2021-12-31' });
    expect(unitFor(domainOfView(view))).toBe('year');
    expect(fitView(timelineOf(graphWithDates([undefined])))).toBeNull();
  });

  it('a graph dated over centuries shows its latest years, and says how many are left outside', () => {
    const timeline = timelineOf(graphWithDates(['1066-10-14', '2021-11-07']));
    const view = fitView(timeline)!;
    const domain = domainOfView(view);
    expect(unitsTouched(domain, 'year')).toBeLessThanOrEqual(MAX_BINS);
    expect(domain.end).toBe('2021-12-31');
    expect(binsOf(timeline, domain, unitFor(domain)).outside).toEqual({ before: 1, after: 0 });
  });

  it('zooming keeps the day under the pointer in place, within a fortnight and 118 years', () => {
    const view = { start: 1000, end: 2000 };
    const zoomed = zoomView(view, 0.5, 1200);
    expect(zoomed).toEqual({ start: 1100, end: 1600 });
    expect(zoomView(view, 0.0001, 1200).end - zoomView(view, 0.0001, 1200).start).toBe(MIN_VIEW_DAYS);
    expect(zoomView(view, 1e6, 1200).end - zoomView(view, 1e6, 1200).start).toBe(MAX_VIEW_DAYS);
  });

  it('moves the view just enough to show a window that fits, and leaves it for one that does not', () => {
    const view = { start: dayNumber('2021-01-01'), end: dayNumber('2021-07-01') };
    expect(viewShowing(view, { start: '2021-03-01', end: '2021-03-31' })).toBe(view);
    const moved = viewShowing(view, { start: '2021-11-01', end: '2021-11-30' });
    expect(moved.end).toBe(dayNumber('2021-12-01'));
    expect(moved.end - moved.start).toBe(view.end - view.start);
    expect(viewShowing(view, { start: '2020-01-01', end: '2022-12-31' })).toBe(view);
  });
});

describe('the axis labels', () => {
  it.each([
    [year2021, 'month', 900],
    [year2021, 'month', 300],
    [{ start: '2021-10-01', end: '2021-11-30' }, 'day', 600],
    [{ start: '1950-01-01', end: '2021-12-31' }, 'year', 600],
  ] as const)('over %o by %s at %i px: the first names the year, none collide', (domain, unit, width) => {
    const ticks = axisTicks(domain, unit, width);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks[0]!.label).toContain(domain.start.slice(0, 4));
    const days = dayNumber(domain.end) - dayNumber(domain.start) + 1;
    const xs = ticks.map((tick) => ((dayNumber(tick.day) - dayNumber(domain.start)) / days) * width);
    ticks.forEach((tick, index) => {
      const next = xs[index + 1];
      if (next !== undefined) expect(next - xs[index]!).toBeGreaterThanOrEqual(tick.label.length * 6.5);
      expect(xs[index]! + tick.label.length * 6.5).toBeLessThanOrEqual(width);
    });
  });
});
