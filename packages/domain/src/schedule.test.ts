import { describe, expect, it } from 'vitest';
import { selfInspectionPeriodKind, selfInspectionStatus } from './schedule';

describe('selfInspectionPeriodKind', () => {
  it('is half-yearly for high-risk firms and yearly for others', () => {
    expect(selfInspectionPeriodKind({ highRisk: true })).toBe('half');
    expect(selfInspectionPeriodKind({ highRisk: false })).toBe('year');
  });
});

describe('selfInspectionStatus for a high-risk firm on 2026-08-01 (current 2026-H2, previous 2026-H1)', () => {
  const status = (input: { lastSubmittedOn?: string; registeredOn?: string; today?: string }) =>
    selfInspectionStatus({ highRisk: true, today: '2026-08-01', ...input });

  it('is ok from the first day of the current period, due again at the end of the next one', () => {
    expect(status({ lastSubmittedOn: '2026-07-01' })).toMatchObject({ status: 'ok', dueOn: '2027-06-30' });
    expect(status({ lastSubmittedOn: '2026-07-01T02:30:00Z' }).status).toBe('ok');
  });

  it('is due when the last submission fell in the previous period, first day included', () => {
    expect(status({ lastSubmittedOn: '2026-06-30' })).toMatchObject({ status: 'due', dueOn: '2026-12-31' });
    expect(status({ lastSubmittedOn: '2026-01-01' })).toMatchObject({ status: 'due', dueOn: '2026-12-31' });
  });

  it('is overdue when the last submission is older than the previous period', () => {
    expect(status({ lastSubmittedOn: '2025-12-31' })).toMatchObject({
      status: 'overdue',
      dueOn: '2026-12-31',
    });
  });

  it('judges a firm that never submitted by its registration day', () => {
    expect(status({ registeredOn: '2026-07-01' }).status).toBe('due');
    expect(status({ registeredOn: '2026-06-30' }).status).toBe('overdue');
    expect(status({}).status).toBe('overdue');
  });

  it('stays due through the last day of the period and turns overdue the day after', () => {
    expect(status({ lastSubmittedOn: '2026-06-30', today: '2026-12-31' }).status).toBe('due');
    expect(status({ lastSubmittedOn: '2026-06-30', today: '2027-01-01' })).toMatchObject({
      status: 'overdue',
      dueOn: '2027-06-30',
    });
  });

  it('explains itself in Vietnamese and English, citing the periods and the circular', () => {
    const { explanation } = status({ lastSubmittedOn: '2025-12-31' });
    expect(explanation.en).toContain('2026-H1');
    expect(explanation.en).toContain('2026-12-31');
    expect(explanation.en).toContain('every 6 months');
    expect(explanation.vi).toContain('Quá hạn');
    expect(explanation.vi).toContain('Thông tư 07/2016/TT-BLĐTBXH');
  });
});

describe('selfInspectionStatus for other firms (yearly)', () => {
  const status = (lastSubmittedOn: string) =>
    selfInspectionStatus({ highRisk: false, today: '2026-03-01', lastSubmittedOn });

  it('uses calendar years as periods', () => {
    expect(status('2026-01-01')).toMatchObject({ status: 'ok', dueOn: '2027-12-31' });
    expect(status('2025-01-01')).toMatchObject({ status: 'due', dueOn: '2026-12-31' });
    expect(status('2024-12-31')).toMatchObject({ status: 'overdue', dueOn: '2026-12-31' });
    expect(status('2025-01-01').explanation.en).toContain('once a year');
  });

  it('rejects a today that is not a calendar date', () => {
    expect(() => selfInspectionStatus({ highRisk: false, today: '2026-02-30' })).toThrow(RangeError);
  });
});
