import { describe, expect, it } from 'vitest';
import { highRiskSectorOf, isHighRiskSector, isVsicCode } from './sectors';

describe('isVsicCode', () => {
  it.each(['F41', 'C10', 'C2410', 'B05100', 'M69'])('accepts %s', (code) => {
    expect(isVsicCode(code)).toBe(true);
  });
  it.each(['F4', 'f41', 'C241000', '41', 'Z41', 'F41a', ''])('rejects %s', (code) => {
    expect(isVsicCode(code)).toBe(false);
  });
});

describe('isHighRiskSector', () => {
  it.each([
    'B05',
    'B0610',
    'B07',
    'B08',
    'B09',
    'C20',
    'C2011',
    'C23',
    'C24',
    'C2410',
    'C25',
    'C28',
    'D35',
    'F41',
    'F42',
    'F4312',
  ])('%s is high-risk', (code) => {
    expect(isHighRiskSector(code)).toBe(true);
  });
  it.each(['C10', 'M69', 'G47', 'B10', 'C21', 'F44', 'D36'])('%s is not high-risk', (code) => {
    expect(isHighRiskSector(code)).toBe(false);
  });
  it('names the sector it matched', () => {
    expect(highRiskSectorOf('C2410')?.name.en).toBe('Manufacture of basic metals');
  });
});
