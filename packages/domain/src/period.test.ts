import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatPeriod,
  isIsoDate,
  isPeriod,
  parsePeriod,
  periodOf,
  shiftPeriod,
  vietnamDate,
} from './period';

describe('parsePeriod', () => {
  it.each([
    ['2026', { year: 2026, kind: 'year', index: 1, start: '2026-01-01', end: '2026-12-31' }],
    ['2026-H1', { year: 2026, kind: 'half', index: 1, start: '2026-01-01', end: '2026-06-30' }],
    ['2026-H2', { year: 2026, kind: 'half', index: 2, start: '2026-07-01', end: '2026-12-31' }],
    ['2026-Q1', { year: 2026, kind: 'quarter', index: 1, start: '2026-01-01', end: '2026-03-31' }],
    ['2026-Q2', { year: 2026, kind: 'quarter', index: 2, start: '2026-04-01', end: '2026-06-30' }],
    ['2026-Q3', { year: 2026, kind: 'quarter', index: 3, start: '2026-07-01', end: '2026-09-30' }],
    ['2026-Q4', { year: 2026, kind: 'quarter', index: 4, start: '2026-10-01', end: '2026-12-31' }],
  ])('parses %s', (text, period) => {
    expect(parsePeriod(text)).toEqual({ success: true, period });
  });

  it.each([
    '',
    '26',
    '2026-',
    '2026-H0',
    '2026-H3',
    '2026-Q0',
    '2026-Q5',
    '2026-h1',
    ' 2026',
    '2026-H1 ',
    '2026-06',
  ])('rejects %j with a message naming the accepted forms', (text) => {
    const result = parsePeriod(text);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.message).toContain('YYYY-H1');
    expect(isPeriod(text)).toBe(false);
  });

  it('round-trips through formatPeriod, and a period contains its own first and last day', () => {
    const periodText = fc
      .tuple(
        fc.integer({ min: 1000, max: 9999 }),
        fc.constantFrom('', '-H1', '-H2', '-Q1', '-Q2', '-Q3', '-Q4'),
      )
      .map(([year, suffix]) => `${year}${suffix}`);
    fc.assert(
      fc.property(periodText, (text) => {
        const result = parsePeriod(text);
        if (!result.success) return false;
        const { period } = result;
        return (
          formatPeriod(period) === text &&
          formatPeriod(periodOf(period.start, period.kind)) === text &&
          formatPeriod(periodOf(period.end, period.kind)) === text
        );
      }),
    );
  });
});

describe('periodOf', () => {
  it('puts boundary days in the right period', () => {
    expect(formatPeriod(periodOf('2026-06-30', 'half'))).toBe('2026-H1');
    expect(formatPeriod(periodOf('2026-07-01', 'half'))).toBe('2026-H2');
    expect(formatPeriod(periodOf('2026-03-31', 'quarter'))).toBe('2026-Q1');
    expect(formatPeriod(periodOf('2026-04-01', 'quarter'))).toBe('2026-Q2');
    expect(formatPeriod(periodOf('2026-12-31', 'year'))).toBe('2026');
    expect(formatPeriod(periodOf('2024-02-29', 'quarter'))).toBe('2024-Q1');
  });

  it('throws a RangeError for a date that is not on the calendar', () => {
    expect(() => periodOf('2026-02-29', 'year')).toThrow(RangeError);
    expect(() => periodOf('2026-7-1', 'half')).toThrow(/YYYY-MM-DD/);
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00:00Z')).toBe(false);
  });
});

describe('shiftPeriod', () => {
  it('crosses year boundaries both ways', () => {
    expect(formatPeriod(shiftPeriod(periodOf('2026-01-15', 'half'), -1))).toBe('2025-H2');
    expect(formatPeriod(shiftPeriod(periodOf('2026-12-15', 'half'), 1))).toBe('2027-H1');
    expect(formatPeriod(shiftPeriod(periodOf('2026-11-15', 'quarter'), 5))).toBe('2028-Q1');
    expect(formatPeriod(shiftPeriod(periodOf('2026-11-15', 'year'), -3))).toBe('2023');
  });
});

describe('vietnamDate', () => {
  it('is the date in UTC+7', () => {
    expect(vietnamDate(new Date('2026-11-28T16:59:59Z'))).toBe('2026-11-28');
    expect(vietnamDate(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
    expect(vietnamDate(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });
});

describe('addDays', () => {
  it('moves across months, years and leap days, both ways', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-28', 0)).toBe('2026-11-28');
  });
});
