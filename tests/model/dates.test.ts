import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateOrRange, spansOverlap } from '../../src/model/dates.ts';

describe('parseDateOrRange', () => {
  it('reads a day, a month, a year and a range as the days they cover', () => {
    expect(parseDateOrRange('2021-11-07')).toEqual({ ok: true, span: { start: '2021-11-07', end: '2021-11-07' } });
    expect(parseDateOrRange('2021-02')).toEqual({ ok: true, span: { start: '2021-02-01', end: '2021-02-28' } });
    expect(parseDateOrRange('2020-02')).toEqual({ ok: true, span: { start: '2020-02-01', end: '2020-02-29' } });
    expect(parseDateOrRange('2021')).toEqual({ ok: true, span: { start: '2021-01-01', end: '2021-12-31' } });
    expect(parseDateOrRange('2021-10/2021-11-07')).toEqual({
      ok: true,
      span: { start: '2021-10-01', end: '2021-11-07' },
    });
  });

  it('refuses impossible days and months, and backwards ranges', () => {
    expect(parseDateOrRange('2021-02-29')).toEqual({
      ok: false,
      reason: '"2021-02-29" is not a real day (2021-02 has 28 days)',
    });
    expect(parseDateOrRange('2021-00')).toEqual({
      ok: false,
      reason: '"2021-00" has no month 00 (months run 01 to 12)',
    });
    expect(parseDateOrRange('2021-11/2021-10-31')).toEqual({
      ok: false,
      reason: 'the range "2021-11/2021-10-31" ends before it starts',
    });
    expect(parseDateOrRange('2021-11').ok && parseDateOrRange('2021-11/2021-11-30').ok).toBe(true);
  });

  it('agrees with the calendar on every day of 1900-2100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          expect(parseDateOrRange(text).ok).toBe(real);
        },
      ),
    );
  });

  it('a range covers both of its ends, so it overlaps each', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2050-12-31'), noInvalidDate: true }),
        fc.nat(4000),
        (start, days) => {
          const from = start.toISOString().slice(0, 10);
          const to = new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
          const range = parseDateOrRange(`${from}/${to}`);
          expect(range.ok).toBe(true);
          if (!range.ok) return;
          expect(spansOverlap(range.span, { start: from, end: from })).toBe(true);
          expect(spansOverlap(range.span, { start: to, end: to })).toBe(true);
        },
      ),
    );
  });
});
