import { describe, expect, it } from 'vitest';
import { evidenceDoubts, licensedFor } from './providers';

const licence = {
  services: ['training', 'health_exam'] as const,
  validFrom: '2024-01-01',
  validUntil: '2026-06-30',
};

describe('licensedFor', () => {
  it('needs the service of the evidence kind on the day it was issued, both ends included', () => {
    expect(licensedFor(licence, 'training_certificate', '2024-01-01')).toBe(true);
    expect(licensedFor(licence, 'occupational_disease_exam', '2026-06-30')).toBe(true);
    expect(licensedFor(licence, 'training_certificate', '2026-07-01')).toBe(false);
    expect(licensedFor(licence, 'training_certificate', '2023-12-31')).toBe(false);
    expect(licensedFor(licence, 'environment_monitoring_report', '2025-01-01')).toBe(false);
    expect(licensedFor(licence, 'equipment_inspection_certificate', '2025-01-01')).toBe(false);
  });

  it('never flags a kind that needs no licensed service', () => {
    expect(licensedFor({ ...licence, services: [] }, 'osh_plan', '2030-01-01')).toBe(true);
  });
});

describe('evidenceDoubts', () => {
  const base = { kind: 'training_certificate' as const, issuedOn: '2025-03-01', enterpriseId: 'ent-b' };
  it('flags an unlicensed provider and a certificate another firm declared first', () => {
    expect(evidenceDoubts({ ...base, provider: licence })).toEqual([]);
    expect(evidenceDoubts({ ...base, provider: { ...licence, services: ['monitoring'] } })).toEqual([
      'unlicensed_provider',
    ]);
    expect(evidenceDoubts({ ...base, certificateHolder: { enterpriseId: 'ent-a' } })).toEqual([
      'duplicate_certificate',
    ]);
    expect(evidenceDoubts({ ...base, certificateHolder: { enterpriseId: 'ent-b' } })).toEqual([]);
  });
});
