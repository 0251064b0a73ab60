import { describe, expect, it } from 'vitest';
import {
  addDays,
  expiryState,
  formatDate,
  formatDay,
  formatPeriodLabel,
  formatTimestamp,
  localizeDates,
} from './dates';

describe('expiryState', () => {
  const today = '2026-11-28';
  it('flags evidence expired before today, and evidence expiring within 30 days', () => {
    expect(expiryState(undefined, today)).toBe('none');
    expect(expiryState('2026-11-27', today)).toBe('expired');
    expect(expiryState('2026-11-28', today)).toBe('expiring');
    expect(expiryState('2026-12-28', today)).toBe('expiring');
    expect(expiryState('2026-12-29', today)).toBe('valid');
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-11-28', 30)).toBe('2026-12-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('formatDate', () => {
  it('writes dd/mm/yyyy in Vietnamese and a month name in English', () => {
    expect(formatDate('2026-03-04', 'vi')).toBe('04/03/2026');
    expect(formatDate('2026-03-04', 'en')).toBe('4 Mar 2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31 Dec 2026');
  });
  it('leaves what is not a day alone', () => {
    expect(formatDate('2026-H2', 'vi')).toBe('2026-H2');
  });
});

describe('formatTimestamp', () => {
  it('shows a UTC timestamp in Vietnam time, in each language', () => {
    expect(formatTimestamp('2026-11-28T18:05:00.000Z')).toBe('29/11/2026 01:05');
    expect(formatTimestamp('2026-11-28T18:05:00.000Z', 'en')).toBe('29 Nov 2026, 01:05');
  });
});

describe('formatPeriodLabel and localizeDates', () => {
  it('names half-years, quarters and years', () => {
    expect(formatPeriodLabel('2026-H2', 'vi')).toBe('6 tháng cuối năm 2026');
    expect(formatPeriodLabel('2026-H1', 'en')).toBe('first half of 2026');
    expect(formatPeriodLabel('2026-Q3', 'en')).toBe('Q3 2026');
    expect(formatPeriodLabel('2026', 'vi')).toBe('năm 2026');
  });
  it('rewrites the days and periods inside a server text', () => {
    expect(localizeDates('kỳ 2026-H2 hạn chót ngày 2026-12-31.', 'vi')).toBe(
      'kỳ 6 tháng cuối năm 2026 hạn chót ngày 31/12/2026.',
    );
  });
});

describe('formatDay', () => {
  it('writes a day as dd/mm/yyyy in Vietnamese and leaves it ISO in English', () => {
    expect(formatDay('2026-12-05', 'vi')).toBe('05/12/2026');
    expect(formatDay('2026-12-05', 'en')).toBe('5 Dec 2026');
    expect(formatDay(undefined, 'vi')).toBe('—');
  });
});
