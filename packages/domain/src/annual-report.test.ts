import { describe, expect, it } from 'vitest';
import {
  annualFigureErrors,
  annualReportFigures,
  annualReportReminderOn,
  nestFigures,
} from './annual-report';

const profile = {
  headcount: 100,
  workforce: { women: 40, minors: 0, disabled: 1, elderly: 2, hazardous: 30 },
};

describe('annual report figures', () => {
  it('come from records first, cap workers at the headcount, count a document once, and list the unknown', () => {
    const report = annualReportFigures(
      {
        profile,
        accidents: [
          { id: 'a1', severity: 'fatal', victims: 2, fatalities: 1 },
          { id: 'a2', severity: 'minor', victims: 1, fatalities: 0 },
        ],
        evidence: [
          { id: 'v1', kind: 'training_certificate', sha256: 'AA', trainingGroup: 4, workersCovered: 80 },
          { id: 'v2', kind: 'training_certificate', sha256: 'aa', trainingGroup: 4, workersCovered: 80 },
          { id: 'v3', kind: 'training_certificate', sha256: 'bb', trainingGroup: 4, workersCovered: 50 },
          { id: 'v4', kind: 'occupational_disease_exam', sha256: 'cc', workersCovered: 25 },
        ],
      },
      {
        healthClasses: { I: 50, II: 30, III: 10, IV: 0, V: 0 },
        training: { group1: 1, group2: 1, group3: 0, group4: 3, group5: 0, group6: 2 },
      },
    );
    expect(report.values['training.group4']).toBe(100);
    expect(report.sources['training.group4']).toEqual({
      kind: 'record',
      from: 'evidence',
      count: 2,
      ids: ['v1', 'v3'],
    });
    expect(report.values['training.group6']).toBe(2);
    expect(report.sources['training.group6']).toEqual({ kind: 'form', from: 'annual-data' });
    expect(report.values['health.odExamined']).toBe(25);
    expect(report.values['accidents.fatalities']).toBe(1);
    expect(report.values['accidents.total']).toBe(2);
    expect(report.values['workforce.total']).toBe(100);
    expect(report.sources['workforce.total']).toEqual({ kind: 'record', from: 'profile' });
    expect(report.values['health.examined']).toBeNull();
    expect(report.missing).toContain('health.examined');
    expect(report.missing).toContain('spending.total');
    expect(report.missing).not.toContain('health.classes.I');
    expect(nestFigures({ 'a.b': 1, 'a.c': null, d: true })).toEqual({ a: { b: 1, c: null }, d: true });
  });
});

describe('annual form rules', () => {
  it('name the field whose workers exceed the headcount', () => {
    expect(
      annualFigureErrors({ overtime: { workers: 101, totalHours: 0, maxHoursPerMonth: 0 } }, 100),
    ).toEqual([
      {
        path: 'data.overtime.workers',
        message: '101 workers is more than the registered headcount (100)',
        localized: {
          vi: '101 người là nhiều hơn số lao động đã đăng ký (100)',
          en: '101 workers is more than the registered headcount (100)',
        },
      },
    ]);
    expect(annualFigureErrors({ monitoring: { samples: 2, failing: 3 } }, 100)[0]?.path).toBe(
      'data.monitoring.failing',
    );
    expect(
      annualFigureErrors(
        { workforce: { total: 10, women: 11, minors: 0, disabled: 0, elderly: 0, hazardous: 0 } },
        100,
      )[0]?.path,
    ).toBe('data.workforce.women');
    expect(
      annualFigureErrors({ overtime: { workers: 100, totalHours: 0, maxHoursPerMonth: 0 } }, 100),
    ).toEqual([]);
  });
});

describe('annual report reminders', () => {
  it('fall from 1 December to 10 January, for the year that ends or just ended', () => {
    expect(annualReportReminderOn('2026-11-30')).toBeUndefined();
    expect(annualReportReminderOn('2026-12-01')).toEqual({ year: 2026, dueOn: '2027-01-10' });
    expect(annualReportReminderOn('2027-01-10')).toEqual({ year: 2026, dueOn: '2027-01-10' });
    expect(annualReportReminderOn('2027-01-11')).toBeUndefined();
  });
});
