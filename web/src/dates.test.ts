import { describe, expect, it } from 'vitest';
import { addDays, expiryState, formatDay, formatTimestamp } from './dates';

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

describe('formatTimestamp', () => {
  it('shows a UTC timestamp in Vietnam time', () => {
    expect(formatTimestamp('2026-11-28T18:05:00.000Z')).toBe('2026-11-29 01:05');
  });
});

describe('formatDay', () => {
  it('writes a day as dd/mm/yyyy in Vietnamese and leaves it ISO in English', () => {
    expect(formatDay('2026-12-05', 'vi')).toBe('05/12/2026');
    expect(formatDay('2026-12-05', 'en')).toBe('2026-12-05');
    expect(formatDay(undefined, 'vi')).toBe('—');
  });
});
