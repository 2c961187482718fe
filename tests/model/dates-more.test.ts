import { describe, expect, it } from 'vitest';
import { parseDateOrRange, spansOverlap } from '../../src/model/dates.ts';

describe('what a date that cannot be read is told', () => {
  it('text that is not a date at all says which forms are accepted', () => {
    expect(parseDateOrRange('7 Nov 2021')).toEqual({
      ok: false,
      reason: '"7 Nov 2021" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)',
    });
    expect(parseDateOrRange('')).toEqual({ ok: false, reason: '"" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)' });
  });

  it('a day past the end of its month says how many days the month has', () => {
    expect(parseDateOrRange('2021-04-31')).toEqual({
      ok: false,
      reason: '"2021-04-31" is not a real day (2021-04 has 30 days)',
    });
    expect(parseDateOrRange('2021-04-00')).toEqual({
      ok: false,
      reason: '"2021-04-00" is not a real day (2021-04 has 30 days)',
    });
  });

  it('a range with two slashes says a range is START/END', () => {
    expect(parseDateOrRange('2020/2021/2022')).toEqual({
      ok: false,
      reason: '"2020/2021/2022" has more than one "/" (a range is START/END)',
    });
  });

  it('a range with a bad start or a bad end names the bad half', () => {
    expect(parseDateOrRange('2021-13/2022')).toEqual({
      ok: false,
      reason: '"2021-13" has no month 13 (months run 01 to 12)',
    });
    expect(parseDateOrRange('2021/2022-13')).toEqual({
      ok: false,
      reason: '"2022-13" has no month 13 (months run 01 to 12)',
    });
    expect(parseDateOrRange('2021/')).toEqual({
      ok: false,
      reason: '"" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)',
    });
  });

  it('a month ends on its last day, whatever its length', () => {
    expect(parseDateOrRange('2021-04')).toEqual({ ok: true, span: { start: '2021-04-01', end: '2021-04-30' } });
    expect(parseDateOrRange('2021-12')).toEqual({ ok: true, span: { start: '2021-12-01', end: '2021-12-31' } });
  });
});

describe('whether two spans share a day', () => {
  const november = { start: '2021-11-01', end: '2021-11-30' };

  it('spans that touch on one day overlap', () => {
    expect(spansOverlap(november, { start: '2021-11-30', end: '2021-12-05' })).toBe(true);
    expect(spansOverlap({ start: '2021-10-20', end: '2021-11-01' }, november)).toBe(true);
  });

  it('a span wholly before or wholly after another does not overlap it, whichever is named first', () => {
    const december = { start: '2021-12-01', end: '2021-12-31' };
    const october = { start: '2021-10-01', end: '2021-10-31' };
    expect(spansOverlap(november, december)).toBe(false);
    expect(spansOverlap(december, november)).toBe(false);
    expect(spansOverlap(november, october)).toBe(false);
    expect(spansOverlap(october, november)).toBe(false);
  });
});

describe('a range whose two ends are the same day or month', () => {
  it('is a range of that day or month, not one that ends before it starts', () => {
    expect(parseDateOrRange('2021-11-07/2021-11-07')).toEqual({
      ok: true,
      span: { start: '2021-11-07', end: '2021-11-07' },
    });
    expect(parseDateOrRange('2021-11/2021-11-01')).toEqual({
      ok: true,
      span: { start: '2021-11-01', end: '2021-11-01' },
    });
  });
});
