// The time bar's model at its edges: the words of the window line, the tick
// labels of the axis, which bar or lane a relation is drawn in, the titles of
// bars and spans, and where the view goes. A Stryker run on timeline.ts found
// these unguarded. Graphs are built by hand, with types of known families.
import { describe, expect, it } from 'vitest';
import type { Graph, RelationType } from '../../src/model/graph.ts';
import {
  axisTicks,
  binsOf,
  binTitle,
  countInWindow,
  dayNumber,
  describeWindow,
  domainOfView,
  fitView,
  MAX_SPAN_GROUPS,
  MAX_VIEW_DAYS,
  marksOf,
  shiftDay,
  snapWindow,
  spanTitle,
  stepWindow,
  type TimeUnit,
  timelineOf,
  unitAt,
  unitIndex,
  unitStart,
  unitWords,
  viewShowing,
  windowLine,
} from '../../src/model/timeline.ts';

const TYPES: RelationType[] = [
  { id: 'met', label: 'met', definition: 'Met in person.', directed: false, family: 'contact' },
  { id: 'attacked', label: 'attacked', definition: 'Attacked.', directed: true, family: 'violence' },
  { id: 'accused', label: 'accused', definition: 'Accused of something.', directed: true, contested: true },
];

/** A graph of relations r0, r1 … in this order, each of a type (met, attacked, accused) and a date or none. */
function graphOf(relations: [type: string, date?: string][]): Graph {
  return {
    title: 'Dates',
    updated: '2024-01-02',
    actorKinds: [{ id: 'person', label: 'Person' }],
    relationTypes: TYPES,
    sources: [],
    actors: [],
    relations: relations.map(([type, date], index) => ({
      id: `r${index}`,
      type,
      from: 'a',
      to: 'b',
      ...(date === undefined ? {} : { date }),
      evidence: [],
    })),
  };
}

const labels = (start: string, end: string, unit: TimeUnit, width: number) =>
  axisTicks({ start, end }, unit, width).map((tick) => tick.label);

describe('the window line', () => {
  it('says "relation" for one and "relations" for more, with or without a window', () => {
    expect(windowLine(null, null, 1, 1)).toBe('No window: all 1 dated relation · drag on the bars to choose one');
    expect(windowLine('2021-11-07', '2021-11-07', 1, 1)).toBe(
      'Window: 7 November 2021 (2021-11-07 to 2021-11-07) · 1 of 1 dated relation',
    );
    expect(windowLine('2021-11-07', '2021-11-07', 0, 2)).toBe(
      'Window: 7 November 2021 (2021-11-07 to 2021-11-07) · 0 of 2 dated relations',
    );
  });

  it('a window open on one side is a window: "from" or "until" its bound, with no days in brackets', () => {
    expect(windowLine('2021-10-01', null, 3, 5)).toBe('Window: from 2021-10-01 · 3 of 5 dated relations');
    expect(windowLine(null, '2021-10-31', 2, 5)).toBe('Window: until 2021-10-31 · 2 of 5 dated relations');
  });

  it.each([
    ['2021-03-01', '2021-12-31'],
    ['2021-01-01', '2021-11-30'],
    ['2021-11-05', '2021-11-30'],
    ['2021-11-01', '2021-11-29'],
  ])('%s to %s is not a whole year or month: the days are the words, not repeated in brackets', (from, to) => {
    expect(describeWindow(from, to)).toBe(`${from} to ${to}`);
    expect(windowLine(from, to, 1, 3)).toBe(`Window: ${from} to ${to} · 1 of 3 dated relations`);
  });

  it('a whole year before 100 reads as its four digits', () => {
    expect(describeWindow('0050-01-01', '0050-12-31')).toBe('0050');
    expect(describeWindow('0050-03-01', '0050-03-31')).toBe('March 0050');
  });

  it('says what each bar counts: years, months or days', () => {
    expect((['year', 'month', 'day'] as const).map(unitWords)).toEqual(['years', 'months', 'days']);
  });
});

describe('the calendar at its ends', () => {
  it('at year zoom a window widens to the whole years it touches', () => {
    expect(unitStart('2021-11-07', 'year')).toBe('2021-01-01');
    expect(snapWindow({ start: '2021-11-07', end: '2022-02-10' }, 'year')).toEqual({
      start: '2021-01-01',
      end: '2022-12-31',
    });
  });

  it('stepping before the year 0000 stops on its first day; inside it, months step as usual', () => {
    expect(shiftDay('0000-03-15', 'month', -3)).toBe('0000-01-01');
    expect(shiftDay('0000-03-15', 'year', -1)).toBe('0000-01-01');
    expect(shiftDay('0000-06-15', 'month', 1)).toBe('0000-07-15');
    expect(shiftDay('0000-12-15', 'month', -11)).toBe('0000-01-15');
  });

  it('stepping past the year 9999 stops on its last day; inside it, months step as usual', () => {
    expect(shiftDay('9999-12-15', 'month', 1)).toBe('9999-12-31');
    expect(shiftDay('9999-06-15', 'year', 1)).toBe('9999-12-31');
    expect(shiftDay('9999-01-15', 'month', 1)).toBe('9999-02-15');
    expect(shiftDay('9999-12-15', 'month', -11)).toBe('9999-01-15');
  });

  it('a window of the last months of 9999 steps by whole months, keeping December’s last day', () => {
    const november = { start: '9999-11-01', end: '9999-11-30' };
    const december = { start: '9999-12-01', end: '9999-12-31' };
    expect(stepWindow(november, 'month', 1)).toEqual(december);
    expect(stepWindow(december, 'month', -1)).toEqual(november);
    expect(stepWindow(december, 'month', 0)).toEqual(december);
    expect(stepWindow({ start: '9998-01-01', end: '9999-12-31' }, 'year', -1)).toEqual({
      start: '9997-01-01',
      end: '9998-12-31',
    });
  });

  it('a window ending mid-month steps to the same day of the next month, not to its end', () => {
    expect(stepWindow({ start: '2021-11-01', end: '2021-11-15' }, 'month', 1)).toEqual({
      start: '2021-12-01',
      end: '2021-12-15',
    });
  });

  it('the months of 9999 have their own bars, up to December; no bar is past it', () => {
    const timeline = timelineOf(graphOf([['met', '9999-12']]));
    const binned = binsOf(timeline, { start: '9999-01-01', end: '9999-12-31' }, 'month');
    expect(binned.bins.map((bin) => bin.start.slice(0, 7))).toEqual(
      Array.from({ length: 12 }, (_, month) => `9999-${String(month + 1).padStart(2, '0')}`),
    );
    expect(binned.bins[11]).toMatchObject({ start: '9999-12-01', end: '9999-12-31', total: 1 });
    expect(unitAt(unitIndex('9999-12-31', 'month') + 1, 'month')).toBe('9999-12-01');
  });

  it('a relation dated in the year 50 is counted in its month', () => {
    const timeline = timelineOf(graphOf([['met', '0050-03']]));
    const binned = binsOf(timeline, { start: '0050-01-01', end: '0050-12-31' }, 'month');
    expect(binned.bins.map((bin) => bin.total)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(binTitle(binned.bins[2]!)).toBe('March 0050: 1 relation (1 contact)');
  });
});

describe('what a graph puts on the time axis', () => {
  it('a date that does not read as one (a broken graph) is counted apart, neither dated nor undated', () => {
    const timeline = timelineOf(graphOf([['met', '2021-13'], ['met', '2021-11-07'], ['met']]));
    expect(timeline.entries.map((entry) => entry.relationId)).toEqual(['r1']);
    expect(timeline.undated).toBe(1);
    expect(timeline.unreadable).toBe(1);
    expect(timeline.domain).toEqual({ start: '2021-11-07', end: '2021-11-07' });
  });

  it('a relation of a type the graph does not declare is drawn as "other relations"', () => {
    const timeline = timelineOf(graphOf([['undeclared', '2021-11-07']]));
    expect(timeline.entries[0]?.family).toBe('other');
    expect(timeline.families).toEqual(['other']);
  });

  it('lists only the families that have a dated relation, in the legend order', () => {
    const timeline = timelineOf(graphOf([['met', '2021-01-01'], ['accused', '2021-02-01'], ['attacked']]));
    expect(timeline.families).toEqual(['claim', 'contact']);
  });

  it('the domain runs from the earliest day to the latest, whatever order the relations come in', () => {
    const timeline = timelineOf(
      graphOf([
        ['met', '2021-11-07'],
        ['met', '2003'],
        ['met', '2010-05'],
      ]),
    );
    expect(timeline.domain).toEqual({ start: '2003-01-01', end: '2021-11-07' });
  });

  it('a window open on one side counts the relations on its side of the bound', () => {
    const timeline = timelineOf(
      graphOf([
        ['met', '2021-09-15'],
        ['met', '2021-10-15'],
        ['met', '2021-11-15'],
        ['met', '2021-10'],
      ]),
    );
    expect(countInWindow(timeline, '2021-10-01', null, 'overlaps')).toBe(3);
    expect(countInWindow(timeline, '2021-10-01', null, 'within')).toBe(3);
    expect(countInWindow(timeline, null, '2021-10-31', 'overlaps')).toBe(3);
    expect(countInWindow(timeline, '2021-10-16', null, 'overlaps')).toBe(2);
    expect(countInWindow(timeline, '2021-10-16', null, 'within')).toBe(1);
  });
});

describe('bars and lanes', () => {
  it('a relation on the first or last day of the domain is in its bar; a day outside is counted outside', () => {
    const timeline = timelineOf(
      graphOf([
        ['met', '2021-10-01'],
        ['met', '2021-11-30'],
        ['met', '2021-09-30'],
        ['met', '2021-12-01'],
      ]),
    );
    const binned = binsOf(timeline, { start: '2021-10-01', end: '2021-11-30' }, 'day');
    expect(binned.bins).toHaveLength(61);
    expect(binned.binOf.get('r0')).toBe(0);
    expect(binned.binOf.get('r1')).toBe(60);
    expect(binned.outside).toEqual({ before: 1, after: 1 });
  });

  it('a span shares a lane with an earlier one only with a whole free month between them', () => {
    // January–February, then March–April (no month free after February), then April–May (March is free).
    const timeline = timelineOf(
      graphOf([
        ['met', '2021-01/2021-02'],
        ['met', '2021-03/2021-04'],
        ['met', '2021-04/2021-05'],
      ]),
    );
    const binned = binsOf(timeline, { start: '2021-01-01', end: '2021-12-31' }, 'month');
    expect(binned.spans.map((span) => [span.start, span.lane])).toEqual([
      ['2021-01-01', 0],
      ['2021-03-01', 1],
      ['2021-04-01', 0],
    ]);
  });

  it('of two spans starting together, the longer takes the upper lane', () => {
    const timeline = timelineOf(
      graphOf([
        ['met', '2021-06/2021-07'],
        ['met', '2021-06/2021-09'],
      ]),
    );
    const binned = binsOf(timeline, { start: '2021-01-01', end: '2021-12-31' }, 'month');
    expect(binned.laneOf.get('r1')).toBe(0);
    expect(binned.laneOf.get('r0')).toBe(1);
  });

  it('of two spans with the same dates, the contested claim takes the upper lane, as in the legend', () => {
    const timeline = timelineOf(
      graphOf([
        ['met', '2021-11/2021-12'],
        ['accused', '2021-11/2021-12'],
      ]),
    );
    const binned = binsOf(timeline, { start: '2021-01-01', end: '2021-12-31' }, 'month');
    expect(binned.spans.map((span) => [span.family, span.lane])).toEqual([
      ['claim', 0],
      ['contact', 1],
    ]);
  });

  it('with a limit of two spans, the third is counted, not drawn', () => {
    const dates = ['2021-01/2021-02', '2021-05/2021-06', '2021-09/2021-10'];
    const timeline = timelineOf(graphOf(dates.map((date) => ['met', date])));
    const year = { start: '2021-01-01', end: '2021-12-31' };
    const two = binsOf(timeline, year, 'month', { lanes: 6, spans: 2 });
    expect(two.spans.map((span) => span.start)).toEqual(['2021-01-01', '2021-05-01']);
    expect(two.moreSpans).toBe(1);
    expect(two.overflow.map((entry) => entry.relationId)).toEqual(['r2']);
    expect(binsOf(timeline, year, 'month', { lanes: 6, spans: 3 }).moreSpans).toBe(0);
  });

  it(`draws ${MAX_SPAN_GROUPS} spans at most by default: the next one is counted`, () => {
    // Two years each, a year apart: they would all fit in the first lane.
    const dates = Array.from({ length: MAX_SPAN_GROUPS + 1 }, (_, k) => `${1900 + 3 * k}/${1901 + 3 * k}`);
    const timeline = timelineOf(graphOf(dates.map((date) => ['met', date])));
    const binned = binsOf(timeline, { start: '1900-01-01', end: '2082-12-31' }, 'year');
    expect(binned.spans).toHaveLength(MAX_SPAN_GROUPS);
    expect(new Set(binned.spans.map((span) => span.lane))).toEqual(new Set([0]));
    expect(binned.moreSpans).toBe(1);
  });

  it('marked spans that found no lane are shown above the plot in date order, touching ones merged', () => {
    // The whole year takes the only lane; the others find none.
    const timeline = timelineOf(
      graphOf([
        ['met', '2021-01/2021-12'],
        ['met', '2021-02/2021-03'],
        ['met', '2021-06/2021-07'],
        ['met', '2021-03-31/2021-04-30'],
      ]),
    );
    const binned = binsOf(timeline, { start: '2021-01-01', end: '2021-12-31' }, 'month', { lanes: 1, spans: 60 });
    expect(binned.overflow.map((entry) => entry.relationId).sort()).toEqual(['r1', 'r2', 'r3']);
    // March 31 is both the last day of one and the first of the next: one mark from February to April.
    expect(marksOf(binned, ['r2', 'r3', 'r1']).overflowSpans).toEqual([
      { start: '2021-02-01', end: '2021-04-30' },
      { start: '2021-06-01', end: '2021-07-31' },
    ]);
  });
});

describe('the titles of bars and spans', () => {
  const timeline = timelineOf(
    graphOf([
      ['met', '2021-11-05'],
      ['attacked', '2021-11'],
      ['met', '2021-11-20'],
      ['accused', '2021-10-12'],
      ['met', '2021-10/2021-11'],
      ['accused', '2021-10'],
      ['accused', '2021-10'],
    ]),
  );
  const binned = binsOf(timeline, { start: '2021-10-01', end: '2021-12-31' }, 'month');

  it('a bar names its month and counts its relations by family, in the legend order', () => {
    expect(binned.bins.map(binTitle)).toEqual([
      'October 2021: 3 relations (3 contested claims)',
      'November 2021: 3 relations (1 violence, 2 contact)',
      'December 2021: 0 relations',
    ]);
  });

  it('a bar of one relation says "1 relation"', () => {
    const single = binsOf(
      timelineOf(graphOf([['accused', '2021-10-12']])),
      { start: '2021-10-01', end: '2021-10-31' },
      'month',
    );
    expect(binTitle(single.bins[0]!)).toBe('October 2021: 1 relation (1 contested claims)');
  });

  it('a span says how many relations of which family it stands for, and that any of its days is meant', () => {
    const byDay = binsOf(timeline, { start: '2021-10-01', end: '2021-11-30' }, 'day');
    expect(byDay.spans.map(spanTitle)).toEqual([
      '1 relation (contact) dated 2021-10-01 to 2021-11-30: it could be any day of it',
      '2 relations (contested claims) dated October 2021: it could be any day of it',
      '1 relation (violence) dated November 2021: it could be any day of it',
    ]);
  });
});

describe('where the view goes', () => {
  const day = (text: string) => dayNumber(text);

  it('fits a graph dated in one month to exactly that month', () => {
    expect(fitView(timelineOf(graphOf([['met', '2021-11']])))).toEqual({
      start: day('2021-11-01'),
      end: day('2021-12-01'),
    });
  });

  it('fits a graph dated on one day to a fortnight with that day in the middle', () => {
    expect(fitView(timelineOf(graphOf([['met', '2021-11-07']])))).toEqual({
      start: day('2021-11-07') - 6.5,
      end: day('2021-11-07') + 7.5,
    });
  });

  it('fits a graph dated on the last or first day a date can name to the calendar’s last or first fortnight', () => {
    const last = day('9999-12-31') + 1;
    expect(fitView(timelineOf(graphOf([['met', '9999-12-31']])))).toEqual({ start: last - 14, end: last });
    const first = day('0000-01-01');
    expect(fitView(timelineOf(graphOf([['met', '0000-01-01']])))).toEqual({ start: first, end: first + 14 });
  });

  it('fits a graph dated over centuries to its latest 118 years, ending on its last day', () => {
    const view = fitView(
      timelineOf(
        graphOf([
          ['met', '1066-10-14'],
          ['met', '2021-11-07'],
        ]),
      ),
    );
    expect(view).toEqual({ start: day('2021-11-08') - MAX_VIEW_DAYS, end: day('2021-11-08') });
  });

  it('a fortnight’s view shows those fourteen days, by day', () => {
    expect(domainOfView({ start: day('2021-11-01'), end: day('2021-11-15') })).toEqual({
      start: '2021-11-01',
      end: '2021-11-14',
    });
  });

  const fortnight = { start: day('2021-11-01'), end: day('2021-11-15') };

  it('pans left to a window that starts before the view, just enough to show it', () => {
    expect(viewShowing(fortnight, { start: '2021-10-20', end: '2021-10-25' })).toEqual({
      start: day('2021-10-20'),
      end: day('2021-10-20') + 14,
    });
  });

  it('pans right to a window exactly as wide as the view', () => {
    expect(viewShowing(fortnight, { start: '2021-11-10', end: '2021-11-23' })).toEqual({
      start: day('2021-11-10'),
      end: day('2021-11-24'),
    });
  });

  it('a window on the view’s first or last day is already shown: the view stays as it is', () => {
    expect(viewShowing(fortnight, { start: '2021-11-01', end: '2021-11-05' })).toBe(fortnight);
    expect(viewShowing(fortnight, { start: '2021-11-10', end: '2021-11-14' })).toBe(fortnight);
    expect(viewShowing(fortnight, { start: '2021-11-14', end: '2021-11-15' })).toEqual({
      start: fortnight.start + 1,
      end: fortnight.end + 1,
    });
  });
});

describe('the axis labels', () => {
  it('years every 5 at 600 px and every 10 at 300 px over 1950–2021; the last that would not fit is left out', () => {
    expect(labels('1950-01-01', '2021-12-31', 'year', 600)).toEqual([
      '1950',
      '1955',
      '1960',
      '1965',
      '1970',
      '1975',
      '1980',
      '1985',
      '1990',
      '1995',
      '2000',
      '2005',
      '2010',
      '2015',
    ]);
    expect(labels('1950-01-01', '2021-12-31', 'year', 300)).toEqual([
      '1950',
      '1960',
      '1970',
      '1980',
      '1990',
      '2000',
      '2010',
    ]);
    expect(labels('2020-01-01', '2021-12-31', 'year', 600)).toEqual(['2020', '2021']);
  });

  it('118 years in 40 px: one label, at the century', () => {
    expect(labels('1990-01-01', '2107-12-31', 'year', 40)).toEqual(['2000']);
  });

  it('months: every month at 900 px, quarters at 300, half-years at 200; the first names the year', () => {
    expect(labels('2021-01-01', '2021-12-31', 'month', 900)).toEqual([
      'Jan 2021',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ]);
    expect(labels('2021-01-01', '2021-12-31', 'month', 300)).toEqual(['Jan 2021', 'Apr', 'Jul', 'Oct']);
    expect(labels('2021-01-01', '2021-12-31', 'month', 200)).toEqual(['Jan 2021', 'Jul']);
  });

  it('quarters are the calendar’s: from February the first label is "Apr 2021"', () => {
    expect(labels('2021-02-01', '2021-12-31', 'month', 300)).toEqual(['Apr 2021', 'Jul', 'Oct']);
  });

  it('a new year’s January names its year: "Jan 2022"', () => {
    expect(labels('2021-07-01', '2022-06-30', 'month', 900)).toEqual([
      'Jul 2021',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
      'Jan 2022',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
    ]);
  });

  it('ten years of months in 200 px: every other January that fits', () => {
    expect(labels('2012-01-01', '2021-12-31', 'month', 200)).toEqual(['Jan 2012', 'Jan 2016']);
  });

  it('days: weekly from the domain’s first day at 600 px, every other day at 1800 px', () => {
    expect(labels('2021-10-01', '2021-11-30', 'day', 600)).toEqual([
      '1 Oct 2021',
      '15',
      '22',
      '29',
      '5',
      '12',
      '19',
      '26',
    ]);
    expect(labels('2021-10-01', '2021-11-30', 'day', 1800)).toEqual([
      '1 Oct 2021',
      ...['5', '7', '9', '11', '13', '15', '17', '19', '21', '23', '25', '27', '29', '31'],
      ...['2', '4', '6', '8', '10', '12', '14', '16', '18', '20', '22', '24', '26', '28', '30'],
    ]);
  });

  it('every day at 49 px a day, the first of a month as "1 Nov"', () => {
    expect(labels('2021-10-25', '2021-11-10', 'day', 17 * 49)).toEqual([
      '25 Oct 2021',
      '27',
      '28',
      '29',
      '30',
      '31',
      '1 Nov',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
  });

  it('59 days in 200 px: a label every fortnight that fits', () => {
    expect(labels('2021-10-03', '2021-11-30', 'day', 200)).toEqual(['3 Oct 2021', '31', '14']);
  });

  it('a label that starts just where the one before it ends, or ends on the right edge, is kept', () => {
    // 75 px a day: "1 Oct 2021" takes 75 px with its gap.
    expect(labels('2021-10-01', '2021-10-04', 'day', 300)).toEqual(['1 Oct 2021', '2', '3', '4']);
    // 13 px a day: "10" at 91 px is 13 px wide without its gap, to 104.
    expect(labels('2021-10-03', '2021-10-10', 'day', 104)).toEqual(['3 Oct 2021', '10']);
    expect(labels('2021-10-03', '2021-10-10', 'day', 103)).toEqual(['3 Oct 2021']);
  });
});
