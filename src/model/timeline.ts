// Where in time a graph's relations fall, for the time bar: a histogram of
// relations by date stacked by family, vague dates drawn as spans, and the
// arithmetic of a window in time (snapping to a unit, stepping, words). Pure.
//
// Days are YYYY-MM-DD strings at the edges and whole day numbers (days since
// 1970-01-01, by Date.UTC) inside: no local time zone can move a day.

import { type DaySpan, spanMeetsWindow } from './dates.ts';
import { type DateMatch, relationSpan } from './filter.ts';
import type { Graph, RelationFamily } from './graph.ts';
import { FAMILIES, familyOf, RELATION_FAMILIES } from './palette.ts';

export type TimeUnit = 'year' | 'month' | 'day';

/** The most bars drawn: the unit is the finest that keeps a domain within this many. */
export const MAX_BINS = 120;
/** Lanes of spans under the histogram; spans that do not fit are counted, not drawn. */
export const MAX_LANES = 6;
/** Spans drawn at most (a group of relations with the same span and family is one): the DOM stays bounded. */
export const MAX_SPAN_GROUPS = 60;
/** The narrowest view, in days: a fortnight of day bars. */
export const MIN_VIEW_DAYS = 14;
/** The widest view, in days: snapped out to whole years it still has at most MAX_BINS bars. */
export const MAX_VIEW_DAYS = (MAX_BINS - 2) * 365;

const DAY_MS = 86_400_000;
/** Month names, January first (the bar's words, and the generated graphs' dates). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

function utcDayNumber(year: number, monthIndex: number, date: number): number {
  if (year >= 100) return Math.round(Date.UTC(year, monthIndex, date) / DAY_MS);
  // Date.UTC reads years 0 to 99 as 1900 to 1999; setUTCFullYear takes them as they are.
  const moment = new Date(Date.UTC(2000, 0, 1));
  moment.setUTCFullYear(year, monthIndex, date);
  return Math.round(moment.getTime() / DAY_MS);
}

/** Days since 1970-01-01 of a YYYY-MM-DD day. */
export function dayNumber(day: string): number {
  return utcDayNumber(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The first and last days a date of the file's form can name. */
export const FIRST_DAY = dayNumber('0000-01-01');
export const LAST_DAY = dayNumber('9999-12-31');

/** The YYYY-MM-DD day of a day number (clamped to years 0000 to 9999). */
export function dayText(dayNumberValue: number): string {
  const moment = new Date(Math.min(Math.max(Math.round(dayNumberValue), FIRST_DAY), LAST_DAY) * DAY_MS);
  return `${pad4(moment.getUTCFullYear())}-${pad2(moment.getUTCMonth() + 1)}-${pad2(moment.getUTCDate())}`;
}

export function addDays(day: string, days: number): string {
  return dayText(dayNumber(day) + days);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcDayNumber(year, month, 0) * DAY_MS).getUTCDate();
}

/**
 * The position of the unit a day falls in, counted from year 0 (years,
 * months) or from 1970-01-01 (days): the bars of a domain have consecutive
 * positions, so a day's bar is found by a subtraction.
 */
export function unitIndex(day: string, unit: TimeUnit): number {
  const year = Number(day.slice(0, 4));
  if (unit === 'year') return year;
  if (unit === 'month') return year * 12 + Number(day.slice(5, 7)) - 1;
  return dayNumber(day);
}

/** The first day of the unit at a position (the inverse of unitIndex). */
export function unitAt(index: number, unit: TimeUnit): string {
  if (unit === 'year') return `${pad4(clampYear(index))}-01-01`;
  if (unit === 'month') {
    const months = Math.min(Math.max(index, 0), 9999 * 12 + 11);
    return `${pad4(Math.floor(months / 12))}-${pad2((months % 12) + 1)}-01`;
  }
  return dayText(index);
}

const clampYear = (year: number) => Math.min(Math.max(year, 0), 9999);

/** The first day of the year, month or day a day is in. */
export function unitStart(day: string, unit: TimeUnit): string {
  if (unit === 'year') return `${day.slice(0, 4)}-01-01`;
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  return day;
}

/** The last day of the year, month or day a day is in. */
export function unitEnd(day: string, unit: TimeUnit): string {
  if (unit === 'year') return `${day.slice(0, 4)}-12-31`;
  if (unit === 'month') {
    return `${day.slice(0, 7)}-${pad2(daysInMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7))))}`;
  }
  return day;
}

/** A window widened to whole units: November at month zoom is 2021-11-01 to 2021-11-30. */
export function snapWindow(bounds: DaySpan, unit: TimeUnit): DaySpan {
  return { start: unitStart(bounds.start, unit), end: unitEnd(bounds.end, unit) };
}

/** How many units (bars) a span touches. */
export function unitsTouched(span: DaySpan, unit: TimeUnit): number {
  return unitIndex(span.end, unit) - unitIndex(span.start, unit) + 1;
}

/** The finest unit that shows a domain in at most MAX_BINS bars. */
export function unitFor(domain: DaySpan): TimeUnit {
  if (unitsTouched(domain, 'day') <= MAX_BINS) return 'day';
  if (unitsTouched(domain, 'month') <= MAX_BINS) return 'month';
  return 'year';
}

/** "years", "months", "days": what each bar counts, in words. */
export function unitWords(unit: TimeUnit): string {
  return `${unit}s`;
}

/**
 * A day moved by whole units, keeping its place in the unit: 31 January plus
 * one month is 28 (or 29) February, the last day there is.
 */
export function shiftDay(day: string, unit: TimeUnit, steps: number): string {
  if (unit === 'day') return addDays(day, steps);
  const months = unitIndex(day, 'month') + (unit === 'year' ? 12 * steps : steps);
  const year = Math.floor(months / 12);
  if (year < 0) return '0000-01-01';
  if (year > 9999) return '9999-12-31';
  const month = (months % 12) + 1;
  return `${pad4(year)}-${pad2(month)}-${pad2(Math.min(Number(day.slice(8, 10)), daysInMonth(year, month)))}`;
}

/**
 * A window moved by whole units, keeping its width: October to November 2021
 * moved by one month is November to December. The end moves as the day after
 * it does, so that a window ending on a month's last day still does.
 */
export function stepWindow(bounds: DaySpan, unit: TimeUnit, steps: number): DaySpan {
  const start = shiftDay(bounds.start, unit, steps);
  // A month's last day moves to the last day of the month it lands in. (The day after it, which other ends
  // move by, cannot be written after 9999-12-31: the clamp to it would cost December 9999 its last day.)
  const end =
    unit !== 'day' && bounds.end === unitEnd(bounds.end, 'month')
      ? unitEnd(shiftDay(bounds.end, unit, steps), 'month')
      : addDays(shiftDay(addDays(bounds.end, 1), unit, steps), -1);
  return { start, end: max(start, end) };
}

function dayInWords(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1] ?? ''} ${day.slice(0, 4)}`;
}

/**
 * A window in words: "7 November 2021" for one day, "November 2021" for one
 * whole month, "2021" for one whole year, else "2021-10-01 to 2021-11-30";
 * an open side reads "from ..." or "until ...".
 */
export function describeWindow(from: string | null, to: string | null): string {
  if (from === null && to === null) return 'all dates';
  if (from === null) return `until ${to}`;
  if (to === null) return `from ${from}`;
  if (from === to) return dayInWords(from);
  if (from === unitStart(from, 'year') && to === unitEnd(from, 'year')) return from.slice(0, 4);
  if (from === unitStart(from, 'month') && to === unitEnd(from, 'month')) {
    return `${MONTHS[Number(from.slice(5, 7)) - 1] ?? ''} ${from.slice(0, 4)}`;
  }
  return `${from} to ${to}`;
}

/** "Window: November 2021 (2021-11-01 to 2021-11-30) · 12 of 32 dated relations" */
export function windowLine(from: string | null, to: string | null, inWindow: number, dated: number): string {
  const relations = `${dated} dated relation${dated === 1 ? '' : 's'}`;
  if (from === null && to === null) return `No window: all ${relations} · drag on the bars to choose one`;
  const words = describeWindow(from, to);
  const exact = from !== null && to !== null && words !== `${from} to ${to}` ? ` (${from} to ${to})` : '';
  return `Window: ${words}${exact} · ${inWindow} of ${relations}`;
}

/** One dated relation on the time axis. */
export interface TimelineEntry {
  relationId: string;
  family: RelationFamily;
  /** The days its date can mean. */
  start: string;
  end: string;
  /** The same as day numbers, to compare without parsing. */
  startDay: number;
  endDay: number;
  /** The months they fall in (unitIndex by month): a zoom finds bars by arithmetic, not by reading text. */
  startMonth: number;
  endMonth: number;
}

/** The position of the units an entry's first and last days fall in (as unitIndex gives them). */
function entryUnits(entry: TimelineEntry, unit: TimeUnit): [number, number] {
  if (unit === 'day') return [entry.startDay, entry.endDay];
  if (unit === 'month') return [entry.startMonth, entry.endMonth];
  return [Math.floor(entry.startMonth / 12), Math.floor(entry.endMonth / 12)];
}

export interface Timeline {
  /** Dated relations, in the graph's order. */
  entries: readonly TimelineEntry[];
  /** Relations without a date. */
  undated: number;
  /** Relations whose date does not read as one (only in a broken graph): neither dated nor undated. */
  unreadable: number;
  /** The families that have a dated relation, in the palette's order. */
  families: RelationFamily[];
  /** From the first to the last day any dated relation can mean; null when none is dated. */
  domain: DaySpan | null;
}

const timelines = new WeakMap<Graph, Timeline>();

/** Where in time a graph's relations fall. Once per graph object: a filter change never recomputes it. */
export function timelineOf(graph: Graph): Timeline {
  const known = timelines.get(graph);
  if (known) return known;
  const familyByType = new Map(graph.relationTypes.map((type) => [type.id, familyOf(type)]));
  const entries: TimelineEntry[] = [];
  let undated = 0;
  let unreadable = 0;
  for (const relation of graph.relations) {
    if (relation.date === undefined) {
      undated++;
      continue;
    }
    const span = relationSpan(relation.date);
    if (span === null) {
      unreadable++;
      continue;
    }
    entries.push({
      relationId: relation.id,
      // A type the graph does not declare (a broken graph) is drawn as "other", as the legend does.
      family: familyByType.get(relation.type) ?? 'other',
      start: span.start,
      end: span.end,
      startDay: dayNumber(span.start),
      endDay: dayNumber(span.end),
      startMonth: unitIndex(span.start, 'month'),
      endMonth: unitIndex(span.end, 'month'),
    });
  }
  const present = new Set(entries.map((entry) => entry.family));
  let domain: DaySpan | null = null;
  for (const entry of entries) {
    if (domain === null) domain = { start: entry.start, end: entry.end };
    else domain = { start: min(domain.start, entry.start), end: max(domain.end, entry.end) };
  }
  const timeline = {
    entries,
    undated,
    unreadable,
    families: RELATION_FAMILIES.filter((family) => present.has(family)),
    domain,
  };
  timelines.set(graph, timeline);
  return timeline;
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** Dated relations that meet a window by the filter's rule (all of them without a window). */
export function countInWindow(timeline: Timeline, from: string | null, to: string | null, rule: DateMatch): number {
  if (from === null && to === null) return timeline.entries.length;
  const bounds = { start: from ?? '0000-01-01', end: to ?? '9999-12-31' };
  return timeline.entries.filter((entry) => spanMeetsWindow(entry, bounds, rule)).length;
}

/** One bar: the relations whose date falls inside one unit. */
export interface Bin {
  start: string;
  end: string;
  total: number;
  byFamily: Partial<Record<RelationFamily, number>>;
}

/** Relations with the same vague date and family, drawn as one line over every day the date can mean. */
export interface SpanGroup {
  start: string;
  end: string;
  family: RelationFamily;
  lane: number;
  relationIds: string[];
}

export interface Binned {
  unit: TimeUnit;
  /** The domain widened to whole units: the first bar starts on its first day, the last ends on its last. */
  domain: DaySpan;
  bins: Bin[];
  /** Spans drawn, each in a lane from 0 (top) to MAX_LANES - 1. */
  spans: SpanGroup[];
  /** Relations whose span is in the domain but did not fit in a lane. */
  moreSpans: number;
  /** Dated relations entirely outside the domain: before its first day, after its last. */
  outside: { before: number; after: number };
  /** By relation id: the bar it is counted in. */
  binOf: ReadonlyMap<string, number>;
  /** By relation id: the lane its span is drawn in. */
  laneOf: ReadonlyMap<string, number>;
  /** Relations drawn as spans that did not fit (their marks go above the plot). */
  overflow: readonly TimelineEntry[];
}

/**
 * The bars and spans of a domain at a unit. A relation whose date fits inside
 * one unit (2021-11 at month or year zoom) is counted in that bar; one whose
 * date could mean days of more than one unit (2021 at month zoom, a range
 * 2021-10/2021-11) is drawn as a span, never as a point: the bar would claim a
 * precision the source does not give. Spans are packed greedily into lanes by
 * their first day, a unit apart; those that find no lane are counted in `moreSpans`.
 */
export function binsOf(
  timeline: Timeline,
  domain: DaySpan,
  unit: TimeUnit,
  limits: { lanes: number; spans: number } = { lanes: MAX_LANES, spans: MAX_SPAN_GROUPS },
): Binned {
  const snapped = snapWindow(domain, unit);
  const first = unitIndex(snapped.start, unit);
  const last = unitIndex(snapped.end, unit);
  const bins: Bin[] = [];
  for (let index = first; index <= last; index++) {
    const start = unitAt(index, unit);
    bins.push({ start, end: unitEnd(start, unit), total: 0, byFamily: {} });
  }
  const domainStart = dayNumber(snapped.start);
  const domainEnd = dayNumber(snapped.end);
  const binOf = new Map<string, number>();
  const groups = new Map<string, PendingGroup>();
  const outside = { before: 0, after: 0 };
  for (const entry of timeline.entries) {
    if (entry.endDay < domainStart || entry.startDay > domainEnd) {
      if (entry.endDay < domainStart) outside.before++;
      else outside.after++;
      continue;
    }
    const [startIndex, endIndex] = entryUnits(entry, unit);
    const bin = startIndex === endIndex ? bins[startIndex - first] : undefined;
    if (bin) {
      bin.total++;
      bin.byFamily[entry.family] = (bin.byFamily[entry.family] ?? 0) + 1;
      binOf.set(entry.relationId, startIndex - first);
      continue;
    }
    const key = `${entry.start}/${entry.end}/${entry.family}`;
    const known = groups.get(key);
    if (known) known.entries.push(entry);
    else groups.set(key, { start: entry.start, end: entry.end, family: entry.family, entries: [entry] });
  }
  const { spans, laneOf, overflow } = packSpans([...groups.values()], unit, limits);
  return {
    unit,
    domain: snapped,
    bins,
    spans,
    moreSpans: overflow.length,
    outside,
    binOf,
    laneOf,
    overflow,
  };
}

/** Relations with the same vague date and family, before they are given a lane. */
interface PendingGroup {
  start: string;
  end: string;
  family: RelationFamily;
  entries: TimelineEntry[];
}

/**
 * Spans into lanes, greedily by first day (the longer first when two start
 * together): each goes in the first lane whose last span ended at least one
 * whole unit before it starts (end to end, two spans would read as one line).
 */
function packSpans(
  groups: PendingGroup[],
  unit: TimeUnit,
  limits: { lanes: number; spans: number },
): { spans: SpanGroup[]; laneOf: Map<string, number>; overflow: TimelineEntry[] } {
  const familyOrder = (family: RelationFamily) => RELATION_FAMILIES.indexOf(family);
  const startDay = (group: PendingGroup) => group.entries[0]?.startDay ?? 0;
  const endDay = (group: PendingGroup) => group.entries[0]?.endDay ?? 0;
  groups.sort(
    (a, b) => startDay(a) - startDay(b) || endDay(b) - endDay(a) || familyOrder(a.family) - familyOrder(b.family),
  );
  // The unit in which each lane's last span ends.
  const laneEnds: number[] = [];
  const spans: SpanGroup[] = [];
  const laneOf = new Map<string, number>();
  const overflow: TimelineEntry[] = [];
  for (const group of groups) {
    const [first, last] = group.entries[0] ? entryUnits(group.entries[0], unit) : [0, 0];
    let lane = laneEnds.findIndex((end) => end + 1 < first);
    if (lane === -1 && laneEnds.length < limits.lanes) lane = laneEnds.length;
    if (lane === -1 || spans.length >= limits.spans) {
      overflow.push(...group.entries);
      continue;
    }
    laneEnds[lane] = last;
    const relationIds = group.entries.map((entry) => entry.relationId);
    spans.push({ start: group.start, end: group.end, family: group.family, lane, relationIds });
    for (const id of relationIds) laneOf.set(id, lane);
  }
  return { spans, laneOf, overflow };
}

/** "November 2021: 13 relations (7 contact, 6 violence)" */
export function binTitle(bin: Bin): string {
  const parts = RELATION_FAMILIES.flatMap((family) => {
    const count = bin.byFamily[family];
    return count ? [`${count} ${FAMILIES[family].label}`] : [];
  });
  const relations = `${bin.total} relation${bin.total === 1 ? '' : 's'}`;
  return `${describeWindow(bin.start, bin.end)}: ${relations}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** "2 relations (contested claims) dated 2021-10-01 to 2021-11-30: any day of it" */
export function spanTitle(span: SpanGroup): string {
  const count = span.relationIds.length;
  const relations = `${count} relation${count === 1 ? '' : 's'} (${FAMILIES[span.family].label})`;
  return `${relations} dated ${describeWindow(span.start, span.end)}: it could be any day of it`;
}

/** Where the selection's relations are on the bar. */
export interface Marks {
  /** Bar index to the number of marked relations counted in it. */
  inBins: ReadonlyMap<number, number>;
  /** Marked relations whose span is drawn in a lane. */
  inLanes: ReadonlySet<string>;
  /** Marked spans that found no lane, merged where they overlap (bounded by the domain, not by the graph). */
  overflowSpans: DaySpan[];
  /** Marked relations drawn somewhere, in the order given. */
  marked: string[];
}

export function marksOf(binned: Binned, markedIds: readonly string[]): Marks {
  const inBins = new Map<number, number>();
  const inLanes = new Set<string>();
  const overflowById = new Map(binned.overflow.map((entry) => [entry.relationId, entry]));
  const overflowed: TimelineEntry[] = [];
  const marked: string[] = [];
  for (const id of new Set(markedIds)) {
    const bin = binned.binOf.get(id);
    const entry = overflowById.get(id);
    if (bin !== undefined) inBins.set(bin, (inBins.get(bin) ?? 0) + 1);
    else if (binned.laneOf.has(id)) inLanes.add(id);
    else if (entry) overflowed.push(entry);
    else continue;
    marked.push(id);
  }
  overflowed.sort((a, b) => a.startDay - b.startDay);
  const overflowSpans: DaySpan[] = [];
  for (const entry of overflowed) {
    const previous = overflowSpans[overflowSpans.length - 1];
    if (previous && entry.start <= previous.end) previous.end = max(previous.end, entry.end);
    else overflowSpans.push({ start: entry.start, end: entry.end });
  }
  return { inBins, inLanes, overflowSpans, marked };
}

/** A view of the time axis: fractional day numbers, the end excluded (zooming is continuous; bars are not). */
export interface TimeView {
  start: number;
  end: number;
}

/** The domain a view shows: widened to whole units of the unit its length calls for. */
export function domainOfView(view: TimeView): DaySpan {
  const rough = { start: dayText(Math.floor(view.start)), end: dayText(Math.ceil(view.end) - 1) };
  return snapWindow(rough, unitFor(rough));
}

/** A view no narrower than MIN_VIEW_DAYS, no wider than MAX_VIEW_DAYS, inside the years a date can name. */
function boundedView(start: number, length: number): TimeView {
  const bounded = Math.min(Math.max(length, MIN_VIEW_DAYS), MAX_VIEW_DAYS);
  const centred = start - (bounded - length) / 2;
  const from = Math.min(Math.max(centred, FIRST_DAY), LAST_DAY + 1 - bounded);
  return { start: from, end: from + bounded };
}

/**
 * The view that shows every dated relation, or null when none is dated. When
 * they span more than MAX_VIEW_DAYS the latest ones are shown: the bars stay
 * within MAX_BINS, and the relations left outside are counted on screen.
 */
export function fitView(timeline: Timeline): TimeView | null {
  if (timeline.domain === null) return null;
  const start = dayNumber(timeline.domain.start);
  const end = dayNumber(timeline.domain.end) + 1;
  if (end - start > MAX_VIEW_DAYS) return { start: end - MAX_VIEW_DAYS, end };
  return boundedView(start, end - start);
}

/** A view zoomed by a factor (below 1: in) around a day, which stays where it was on screen. */
export function zoomView(view: TimeView, factor: number, around: number): TimeView {
  const length = view.end - view.start;
  const bounded = Math.min(Math.max(length * factor, MIN_VIEW_DAYS), MAX_VIEW_DAYS);
  const start = around - ((around - view.start) * bounded) / length;
  return boundedView(start, bounded);
}

/** A view moved by a number of days. */
export function panView(view: TimeView, days: number): TimeView {
  return boundedView(view.start + days, view.end - view.start);
}

/** A view moved just enough to show a window that fits in it (a window wider than the view leaves it be). */
export function viewShowing(view: TimeView, bounds: DaySpan): TimeView {
  const start = dayNumber(bounds.start);
  const end = dayNumber(bounds.end) + 1;
  if (end - start > view.end - view.start) return view;
  if (start < view.start) return panView(view, start - view.start);
  if (end > view.end) return panView(view, end - view.end);
  return view;
}

/** A label on the time axis, at the first day of its unit. */
export interface AxisTick {
  day: string;
  label: string;
}

const SHORT_MONTHS = MONTHS.map((month) => month.slice(0, 3));
/** Roughly how wide a label of this many characters is at the axis's font, in px, with a gap. */
const labelWidth = (characters: number) => characters * 6.5 + 10;

/**
 * Labels for the axis, every so many units so that they do not collide:
 * years by 1, 2, 5, 10, 20 or 50; months by 1, 2, 3, 6 or 12 ("Oct", "Jan
 * 2022"); days by 1, 2, 7 or 14 ("7", "1 Nov"). The first label always
 * names the year.
 */
export function axisTicks(domain: DaySpan, unit: TimeUnit, widthPx: number): AxisTick[] {
  const first = unitIndex(domain.start, unit);
  const last = unitIndex(domain.end, unit);
  const pxPerDay = widthPx / (dayNumber(domain.end) - dayNumber(domain.start) + 1);
  const unitDays = unit === 'year' ? 365 : unit === 'month' ? 30.4 : 1;
  const widest = labelWidth(unit === 'year' ? 4 : unit === 'month' ? 8 : 6);
  const steps = unit === 'year' ? [1, 2, 5, 10, 20, 50, 100] : unit === 'month' ? [1, 2, 3, 6, 12, 24] : [1, 2, 7, 14];
  const step = steps.find((candidate) => candidate * unitDays * pxPerDay >= widest) ?? steps[steps.length - 1] ?? 1;
  const ticks: AxisTick[] = [];
  // Where the last label kept ends: the first one, naming the year, is wider than the rest.
  let freeFrom = Number.NEGATIVE_INFINITY;
  for (let index = first; index <= last; index++) {
    // Aligned on the calendar (every 5th year, every quarter) rather than on the domain's first bar.
    const position = unit === 'day' ? index - first : index;
    if (position % step !== 0) continue;
    const day = unitAt(index, unit);
    const label = tickLabel(day, unit, ticks.length === 0);
    const x = (dayNumber(day) - dayNumber(domain.start)) * pxPerDay;
    const width = labelWidth(label.length);
    if (x < freeFrom || x + width - 10 > widthPx) continue;
    ticks.push({ day, label });
    freeFrom = x + width;
  }
  return ticks;
}

function tickLabel(day: string, unit: TimeUnit, first: boolean): string {
  const year = day.slice(0, 4);
  const month = SHORT_MONTHS[Number(day.slice(5, 7)) - 1] ?? '';
  if (unit === 'year') return year;
  if (unit === 'month') return first || month === 'Jan' ? `${month} ${year}` : month;
  const date = Number(day.slice(8, 10));
  if (first) return `${date} ${month} ${year}`;
  return date === 1 ? `${date} ${month}` : String(date);
}
