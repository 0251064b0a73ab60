import { describe, expect, it } from 'vitest';
import {
  accidentCountsOn,
  accidentDay,
  accidentsCountFrom,
  investigationOf,
  mustDeclareImmediately,
} from './accidents';

const at = '2026-11-20T01:30:00.000Z';

describe('mustDeclareImmediately', () => {
  it('is true for a death or two or more seriously injured, false otherwise', () => {
    expect(mustDeclareImmediately({ severity: 'fatal', victims: 1 })).toBe(true);
    expect(mustDeclareImmediately({ severity: 'serious', victims: 2 })).toBe(true);
    expect(mustDeclareImmediately({ severity: 'serious', victims: 1 })).toBe(false);
    expect(mustDeclareImmediately({ severity: 'minor', victims: 5 })).toBe(false);
  });
});

describe('investigationOf', () => {
  it.each([
    ['minor', 3, 0, 4, '2026-11-24'],
    ['serious', 1, 0, 7, '2026-11-27'],
    ['serious', 3, 0, 20, '2026-12-10'],
    ['fatal', 2, 1, 30, '2026-12-20'],
  ] as const)('%s with %i victims: %i days', (severity, victims, fatalities, days, dueOn) => {
    const investigation = investigationOf({ severity, victims, fatalities, occurredAt: at });
    expect(investigation).toMatchObject({ days, dueOn });
    expect(investigation.basis.en).toContain(`${days} days`);
    expect(investigation.basis.vi).toContain(dueOn);
  });

  it('counts from the day in Vietnam: 20:00 UTC is already the next day', () => {
    expect(accidentDay('2026-11-20T17:00:00.000Z')).toBe('2026-11-21');
    const late = investigationOf({
      severity: 'minor',
      victims: 1,
      fatalities: 0,
      occurredAt: '2026-12-31T20:00:00Z',
    });
    expect(late.dueOn).toBe('2027-01-05');
  });

  it('refuses a text that is not a timestamp', () => {
    expect(() => accidentDay('yesterday')).toThrow(RangeError);
  });
});

describe('accidentCountsOn', () => {
  const accidents = [
    { severity: 'fatal', occurredOn: '2026-03-01' },
    { severity: 'fatal', occurredOn: '2025-12-31' },
    { severity: 'serious', occurredOn: '2025-11-24' },
    { severity: 'serious', occurredOn: '2025-11-23' },
    { severity: 'minor', occurredOn: '2026-11-01' },
    { severity: 'serious', occurredOn: '2026-12-01' },
  ] as const;

  it('counts fatal accidents of this calendar year and serious ones of the last 365 days', () => {
    // 2025-12-31 is a fatal accident of last year: it still counts as a recent serious accident.
    expect(accidentCountsOn(accidents, '2026-11-23')).toEqual({ fatalThisYear: 1, seriousLast12Months: 2 });
  });

  it('lets a fatal accident fall out of this year on 1 January, and out of the last 12 months a year later', () => {
    expect(accidentCountsOn([{ severity: 'fatal', occurredOn: '2026-12-31' }], '2027-01-01')).toEqual({
      fatalThisYear: 0,
      seriousLast12Months: 1,
    });
    expect(accidentCountsOn([{ severity: 'fatal', occurredOn: '2026-12-31' }], '2027-12-31')).toEqual({
      fatalThisYear: 0,
      seriousLast12Months: 0,
    });
  });

  it('reads from the earlier of 1 January and 365 days ago', () => {
    expect(accidentsCountFrom('2026-11-23')).toBe('2025-11-23');
    expect(accidentsCountFrom('2026-01-01')).toBe('2025-01-01');
  });
});
