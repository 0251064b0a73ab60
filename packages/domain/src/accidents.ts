import { addDays, isIsoDate, vietnamDate } from './period';
import type { LocalizedText } from './template';

/** How bad a work accident was (Law 84/2015 Art. 34): a death, a serious injury, or a minor one. */
export type AccidentSeverity = 'fatal' | 'serious' | 'minor';

/** The facts of an accident that decide how it must be declared and investigated. */
export interface AccidentFacts {
  severity: AccidentSeverity;
  /** People injured or killed. */
  victims: number;
  fatalities: number;
  /** UTC timestamp (`2026-11-20T01:30:00.000Z`). */
  occurredAt: string;
}

/** The investigation an accident needs: how many days it may take and the day it must be closed by. */
export interface AccidentInvestigation {
  days: 4 | 7 | 20 | 30;
  /** `YYYY-MM-DD`, counted from the day of the accident in Vietnam. */
  dueOn: string;
  basis: LocalizedText;
}

/**
 * Whether the accident must be declared to the authority at once: a death, or two or more seriously injured
 * (Law 84/2015 Art. 34; Decree 39/2016 Art. 10).
 * @example mustDeclareImmediately({ severity: 'serious', victims: 2, fatalities: 0, occurredAt }) // true
 */
export function mustDeclareImmediately(accident: Pick<AccidentFacts, 'severity' | 'victims'>): boolean {
  return accident.severity === 'fatal' || (accident.severity === 'serious' && accident.victims >= 2);
}

/**
 * The investigation deadline (Decree 39/2016 Art. 24, a secondary source, to verify): 4 days for a minor
 * accident, 7 for one seriously injured, 20 for several seriously injured, 30 for a fatal accident, counted from
 * the day it happened in Vietnam.
 * @example investigationOf({ severity: 'fatal', victims: 1, fatalities: 1, occurredAt: '2026-11-20T01:30:00Z' }).dueOn // '2026-12-20'
 */
export function investigationOf(accident: AccidentFacts): AccidentInvestigation {
  const days =
    accident.severity === 'fatal' ? 30 : accident.severity === 'minor' ? 4 : accident.victims >= 2 ? 20 : 7;
  const occurredOn = accidentDay(accident.occurredAt);
  const dueOn = addDays(occurredOn, days);
  const what: Record<typeof days, LocalizedText> = {
    4: { vi: 'tai nạn lao động nhẹ', en: 'a minor accident' },
    7: { vi: 'tai nạn làm 1 người bị thương nặng', en: 'an accident with one person seriously injured' },
    20: {
      vi: 'tai nạn làm từ 2 người bị thương nặng trở lên',
      en: 'an accident with two or more seriously injured',
    },
    30: { vi: 'tai nạn lao động chết người', en: 'a fatal accident' },
  };
  return {
    days,
    dueOn,
    basis: {
      vi: `Điều tra ${what[days].vi} trong ${days} ngày, chậm nhất ngày ${dueOn} (Nghị định 39/2016/NĐ-CP).`,
      en: `Investigate ${what[days].en} within ${days} days, by ${dueOn} (Decree 39/2016/NĐ-CP).`,
    },
  };
}

/** The day (`YYYY-MM-DD`) an accident happened, in Vietnam; statistics and deadlines count in Vietnamese days. */
export function accidentDay(occurredAt: string): string {
  const instant = new Date(occurredAt);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`"${occurredAt}" is not a timestamp.`);
  return vietnamDate(instant);
}

/** An accident as the targeting counts it. */
export interface CountedAccident {
  severity: AccidentSeverity;
  /** `YYYY-MM-DD` in Vietnam. */
  occurredOn: string;
}

/**
 * The accident counts the targeting reads on `today`: fatal accidents in today's calendar year, and serious
 * accidents in the 365 days up to today. A fatal accident of an earlier year that is still within those 365
 * days counts as serious, so a death on 31 December does not vanish from the ranking overnight.
 * @example accidentCountsOn([{ severity: 'fatal', occurredOn: '2025-12-31' }], '2026-01-02') // { fatalThisYear: 0, seriousLast12Months: 1 }
 */
export function accidentCountsOn(
  accidents: readonly CountedAccident[],
  today: string,
): { fatalThisYear: number; seriousLast12Months: number } {
  if (!isIsoDate(today)) throw new RangeError(`today is "${today}"; expected YYYY-MM-DD.`);
  const year = today.slice(0, 4);
  const since = addDays(today, -365);
  let fatalThisYear = 0;
  let seriousLast12Months = 0;
  for (const accident of accidents) {
    if (accident.occurredOn > today) continue;
    if (accident.severity === 'fatal' && accident.occurredOn.startsWith(year)) fatalThisYear++;
    else if (accident.severity !== 'minor' && accident.occurredOn > since) seriousLast12Months++;
  }
  return { fatalThisYear, seriousLast12Months };
}

/** The first day whose accidents can still count on `today` (the earlier of 1 January and 365 days ago). */
export function accidentsCountFrom(today: string): string {
  const since = addDays(today, -365);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  return since < yearStart ? since : yearStart;
}
