import { describe, expect, it } from 'vitest';
import { type TargetSnapshot, targetingFactsOn } from './target-facts';
import { mustInclude, priorityOf } from './targeting';

const snapshot: TargetSnapshot = {
  sectorCode: 'C2410',
  highRisk: true,
  headcount: 300,
  hazardousWorkers: 120,
  registeredOn: '2025-01-10',
  lastSubmittedOn: '2026-02-01',
  selfScore: 88,
  accidents: [
    { severity: 'fatal', occurredOn: '2026-10-02' },
    { severity: 'serious', occurredOn: '2026-05-01' },
  ],
  expiredCriticalEvidence: 1,
  credibilityGap: 30,
  lastInspectedOn: '2026-03-01',
};

describe('targetingFactsOn', () => {
  it('derives the facts of the day from the dated snapshot', () => {
    expect(targetingFactsOn('e1', snapshot, '2026-11-23')).toEqual({
      enterpriseId: 'e1',
      sectorCode: 'C2410',
      highRisk: true,
      headcount: 300,
      hazardousWorkers: 120,
      selfScore: 88,
      selfCheckStatus: 'due',
      fatalAccidentsThisYear: 1,
      seriousAccidentsLast12Months: 1,
      expiredCriticalEvidence: 1,
      credibilityGap: 30,
      lastInspectedOn: '2026-03-01',
    });
  });

  it('lets the facts age: next year the fatal accident no longer forces the firm in, and the check is overdue', () => {
    const facts = targetingFactsOn('e1', snapshot, '2027-02-01');
    expect(facts).toMatchObject({
      fatalAccidentsThisYear: 0,
      seriousAccidentsLast12Months: 2,
      selfCheckStatus: 'overdue',
    });
    expect(mustInclude(facts)).toBe(false);
    expect(priorityOf(facts, { today: '2027-02-01' }).reasons.map((reason) => reason.code)).toContain(
      'overdue_self_check',
    );
  });

  it('reports a firm that never submitted as never self-inspected', () => {
    const { lastSubmittedOn: _last, ...fresh } = snapshot;
    expect(targetingFactsOn('e1', { ...fresh, selfScore: null }, '2026-11-23').selfCheckStatus).toBe('never');
  });
});
