import { rankTargets } from '@antoan/domain';
import { describe, expect, it } from 'vitest';
import { drawSeed } from './targeting';

describe('drawSeed', () => {
  it('is the same all week under one secret, differs between secrets, and is the week without one', () => {
    expect(drawSeed('s1', '2026-W48')).toBe(drawSeed('s1', '2026-W48'));
    expect(drawSeed('s1', '2026-W48')).not.toBe(drawSeed('s2', '2026-W48'));
    expect(drawSeed('s1', '2026-W48')).not.toBe(drawSeed('s1', '2026-W49'));
    expect(drawSeed('s1', '2026-W48')).toMatch(/^[0-9a-f]{64}$/);
    expect(drawSeed(undefined, '2026-W48')).toBe('2026-W48');
  });

  it('changes which firms the week samples, so knowing the week is not enough to predict the draw', () => {
    const firms = Array.from({ length: 200 }, (_, i) => ({
      enterpriseId: `F${String(i).padStart(3, '0')}`,
      sectorCode: 'C1010',
      highRisk: false,
      headcount: 50,
      hazardousWorkers: 5,
      selfScore: 80,
      selfCheckStatus: 'ok' as const,
      fatalAccidentsThisYear: 0,
      seriousAccidentsLast12Months: 0,
      expiredCriticalEvidence: 0,
      credibilityGap: null,
    }));
    const sampled = (seed: string) =>
      rankTargets(firms, { limit: 20, randomShare: 0.5, seed, today: '2026-11-23' })
        .filter((target) => target.sampled)
        .map((target) => target.enterpriseId);
    expect(sampled(drawSeed('secret-a', '2026-W48'))).not.toEqual(sampled('2026-W48'));
    expect(sampled(drawSeed('secret-a', '2026-W48'))).toEqual(sampled(drawSeed('secret-a', '2026-W48')));
  });
});
