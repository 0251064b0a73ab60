import { describe, expect, it } from 'vitest';
import { dayText, percentText, periodShort, periodText } from './zone';

describe('zone view texts', () => {
  it('names periods for people, never as codes', () => {
    expect(periodText('2026-H2')).toEqual({ vi: '6 tháng cuối năm 2026', en: 'Second half of 2026' });
    expect(periodText('2026')).toEqual({ vi: 'Năm 2026', en: 'Year 2026' });
    expect(periodShort('2025-H1').en).toBe('H1 2025');
  });

  it('writes days as dd/mm/yyyy in Vietnamese, in Vietnam’s time zone', () => {
    // 18:30 UTC on 30 November is already 1 December in Vietnam.
    expect(dayText('2026-11-30T18:30:00.000Z', 'vi')).toBe('01/12/2026');
    expect(dayText('2026-11-30T18:30:00.000Z', 'en')).toBe('1 Dec 2026');
  });

  it('keeps unknown percentages unknown rather than 0', () => {
    expect(percentText(null, 'vi')).toBeNull();
    expect(percentText(33.3, 'vi')).toBe('33,3 %');
    expect(percentText(0, 'en')).toBe('0%');
  });
});
