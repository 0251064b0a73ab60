import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sectorName, sectorText, vsicSectionNames } from './vsic';

describe('VSIC 2018 names', () => {
  it('names the 21 sections A to U and the 88 divisions, in both languages', () => {
    expect(Object.keys(vsicSectionNames)).toEqual([...'ABCDEFGHIJKLMNOPQRSTU']);
    const divisions = [
      ...['01', '02', '03', '05', '06', '07', '08', '09'],
      ...Array.from({ length: 24 }, (_, n) => String(10 + n)),
      ...['35', '36', '37', '38', '39', '41', '42', '43', '45', '46', '47', '49', '50', '51', '52', '53'],
      ...['55', '56', '58', '59', '60', '61', '62', '63', '64', '65', '66', '68', '69', '70', '71', '72'],
      ...['73', '74', '75', '77', '78', '79', '80', '81', '82', '84', '85', '86', '87', '88', '90', '91'],
      ...['92', '93', '94', '95', '96', '97', '98', '99'],
    ];
    expect(divisions).toHaveLength(88);
    for (const division of divisions) {
      const name = sectorName(`A${division}`);
      expect(name?.vi, division).toBeTruthy();
      // A division's own name, not its section's.
      expect(name, division).not.toEqual(vsicSectionNames.A);
    }
  });

  it('names every code of the demo firms at its 4-digit class', () => {
    const demo = readFileSync(new URL('../../packages/local/src/demo-data.ts', import.meta.url), 'utf8');
    const codes = [...demo.matchAll(/code: '([A-U]\d{4})'/g)].map((match) => match[1] ?? '');
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      expect(sectorName(code), code).toBeDefined();
      // F4100 is ISIC's class; VSIC 2018 splits it (4101, 4102), so it carries its group's (and division's) name.
      if (code !== 'F4100') expect(sectorName(code), code).not.toEqual(sectorName(code.slice(0, 3)));
    }
    expect(sectorText('M6920', 'vi')).toBe(
      'M6920 — Hoạt động liên quan đến kế toán, kiểm toán và tư vấn về thuế',
    );
    expect(sectorText('M6920', 'en')).toBe(
      'M6920 — Accounting, bookkeeping and auditing activities; tax consultancy',
    );
  });

  it('falls back to the division, then the section, and leaves an unknown code as it is', () => {
    expect(sectorName('C1399')?.en).toBe('Manufacture of textiles');
    expect(sectorName('F41')?.vi).toBe('Xây dựng nhà các loại');
    expect(sectorName('f4312')?.en).toBe('Site preparation');
    expect(sectorText('Z9999', 'vi')).toBe('Z9999');
    expect(sectorText('construction', 'en')).toBe('construction');
  });
});
