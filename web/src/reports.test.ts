import { describe, expect, it } from 'vitest';
import { attachmentName, chosenYear, formatChange, formatDay, reportsPath, reportYears } from './reports';
import { dataOf, draftOf } from './screens/annual-report';
import { targetLevel } from './screens/area-report';

describe('report helpers', () => {
  it('reads the file name the API gives', () => {
    expect(attachmentName('attachment; filename="bao-cao-2024.xlsx"')).toBe('bao-cao-2024.xlsx');
    expect(attachmentName(null)).toBeNull();
  });

  it('opens on ?year= only when it is a year offered', () => {
    const years = reportYears(new Date('2026-11-30T00:00:00Z'), 2024);
    expect(years).toEqual([2026, 2025, 2024]);
    expect(chosenYear('2025', years, 2026)).toBe(2025);
    expect(chosenYear('1999', years, 2026)).toBe(2026);
    expect(chosenYear(null, years, 2026)).toBe(2026);
  });

  it('shows a change as a signed percentage and unknown as null', () => {
    expect(formatChange(-0.5, 'vi')).toBe('−50,00 %');
    expect(formatChange(0.647, 'en')).toBe('+64.70 %');
    expect(formatChange(null, 'en')).toBeNull();
    expect(formatDay('2027-01-10', 'vi')).toBe('10/01/2027');
  });

  it('puts the target line at the previous value moved by the target', () => {
    expect(targetLevel({ previous: 7.33, target: { change: -0.04, direction: 'at_most' } })).toBe(7.04);
    expect(targetLevel({ previous: null, target: { change: 0.05, direction: 'at_least' } })).toBeNull();
  });

  it('links each role to its report', () => {
    const user = { sub: 's', name: 'n' };
    expect(reportsPath({ token: 't', user: { ...user, role: 'authority' } })).toBe('/reports/city');
    expect(reportsPath({ token: 't', user: { ...user, role: 'zone_manager' } })).toBeNull();
    expect(reportsPath({ token: 't', user: { ...user, role: 'enterprise', enterpriseId: 'ent-1' } })).toBe(
      '/enterprises/ent-1/annual-report',
    );
  });
});

describe('the annual form', () => {
  it('sends whole groups, leaves blank groups out (unknown, not 0), and round-trips what was saved', () => {
    const draft = draftOf({ medicalStaff: 2, oshCouncil: false, monitoring: { samples: 5, failing: 1 } });
    expect(draft.medicalStaff).toBe('2');
    expect(draft.oshCouncil).toBe('no');
    expect(draft['workforce.total']).toBe('');
    expect(dataOf(draft)).toEqual({
      data: { medicalStaff: 2, oshCouncil: false, monitoring: { samples: 5, failing: 1 } },
    });
  });

  it('marks a half-filled group and a non-number beside their fields', () => {
    const draft = { ...draftOf({}), 'monitoring.samples': '5', medicalStaff: '-1' };
    expect(dataOf(draft)).toEqual({
      errors: { 'monitoring.failing': 'fieldGroupIncomplete', medicalStaff: 'fieldWholeNumber' },
    });
  });
});
