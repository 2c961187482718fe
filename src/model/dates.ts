// Dates in graph files are partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) or a
// range START/END of them. Comparisons use the earliest and latest day each
// one can mean, as ISO strings (which sort as dates).

export interface DaySpan {
  /** first day the value can mean, YYYY-MM-DD */
  start: string;
  /** last day the value can mean, YYYY-MM-DD */
  end: string;
}

export type DateCheck = { ok: true; span: DaySpan } | { ok: false; reason: string };

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function partialDateSpan(text: string): DateCheck {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return { ok: false, reason: `"${text}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)` };
  const year = Number(match[1]);
  if (match[2] === undefined) return { ok: true, span: { start: `${match[1]}-01-01`, end: `${match[1]}-12-31` } };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { ok: false, reason: `"${text}" has no month ${match[2]} (months run 01 to 12)` };
  const lastDay = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { ok: true, span: { start: `${match[1]}-${match[2]}-01`, end: `${match[1]}-${match[2]}-${lastDay}` } };
  }
  const day = Number(match[3]);
  if (day < 1 || day > lastDay) {
    return { ok: false, reason: `"${text}" is not a real day (${year}-${match[2]} has ${lastDay} days)` };
  }
  return { ok: true, span: { start: text, end: text } };
}

/** Checks a date or START/END range and returns the days it covers. */
export function parseDateOrRange(text: string): DateCheck {
  const parts = text.split('/');
  if (parts.length > 2) return { ok: false, reason: `"${text}" has more than one "/" (a range is START/END)` };
  const [first, second] = parts;
  const start = partialDateSpan(first ?? '');
  if (!start.ok || second === undefined) return start;
  const end = partialDateSpan(second);
  if (!end.ok) return end;
  if (end.span.end < start.span.start) {
    return { ok: false, reason: `the range "${text}" ends before it starts` };
  }
  return { ok: true, span: { start: start.span.start, end: end.span.end } };
}

/** Whether two day spans share at least one day. */
export function spansOverlap(a: DaySpan, b: DaySpan): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Whether a relation's date meets a window by the rule chosen: 'overlaps'
 * when they share a day, 'within' when every day the date can mean is inside
 * the window (2021-11 is within November 2021, not within 2021-11-01..05).
 */
export function spanMeetsWindow(span: DaySpan, bounds: DaySpan, rule: 'overlaps' | 'within'): boolean {
  if (rule === 'within') return bounds.start <= span.start && span.end <= bounds.end;
  return spansOverlap(span, bounds);
}
