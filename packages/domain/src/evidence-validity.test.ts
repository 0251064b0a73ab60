import { describe, expect, it } from 'vitest';
import {
  addMonths,
  evidenceValidity,
  expiryOf,
  neverExpires,
  requiresOwnExpiry,
  validityMonths,
} from './evidence-validity';
import { evidenceKinds } from './template';

describe('evidence validity by kind', () => {
  it('gives health exams 12 months, 6 for heavy or hazardous work and for minor, elderly and disabled workers', () => {
    const exam = { kind: 'health_exam_record' as const, issuedOn: '2026-03-10' };
    expect(expiryOf({ ...exam, workerCategory: 'general' })).toBe('2027-03-09');
    for (const workerCategory of ['heavy_hazardous', 'minor', 'elderly', 'disabled'] as const) {
      expect(expiryOf({ ...exam, workerCategory })).toBe('2026-09-09');
    }
    // Unknown coverage gets the shortest legal period.
    expect(expiryOf(exam)).toBe('2026-09-09');
    expect(validityMonths({ ...exam, kind: 'occupational_disease_exam', workerCategory: 'general' })).toBe(
      12,
    );
  });

  it('gives training refreshers 2 years, and 1 year for group 4', () => {
    const course = { kind: 'training_certificate' as const, issuedOn: '2026-01-31' };
    expect(expiryOf({ ...course, trainingGroup: 1 })).toBe('2028-01-30');
    expect(expiryOf({ ...course, trainingGroup: 3 })).toBe('2028-01-30');
    expect(expiryOf({ ...course, trainingGroup: 4 })).toBe('2027-01-30');
  });

  it('gives environment monitoring a year', () => {
    expect(expiryOf({ kind: 'environment_monitoring_report', issuedOn: '2026-02-01' })).toBe('2027-01-31');
  });

  it('derives nothing for a kind whose period depends on the object, which must carry its own date', () => {
    expect(expiryOf({ kind: 'equipment_inspection_certificate', issuedOn: '2026-02-01' })).toBeUndefined();
    expect(requiresOwnExpiry('equipment_inspection_certificate')).toBe(true);
    expect(requiresOwnExpiry('health_exam_record')).toBe(false);
    expect(neverExpires('equipment_declaration')).toBe(true);
    expect(neverExpires('accident_investigation')).toBe(true);
    expect(requiresOwnExpiry('risk_assessment')).toBe(true);
  });

  it('cites a legal basis for every kind with a period or a required date', () => {
    for (const kind of evidenceKinds) {
      const rule = evidenceValidity[kind];
      if (rule.kind === 'period') expect(rule.basis.length).toBeGreaterThan(0);
    }
    expect(evidenceValidity.equipment_inspection_certificate).toMatchObject({ kind: 'own_expiry_required' });
  });

  it('adds months, clamped to the end of shorter months', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(() => addMonths('2026-13-01', 1)).toThrow(RangeError);
  });
});
