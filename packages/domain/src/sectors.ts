import highRiskSectors from './high-risk-sectors.json' with { type: 'json' };
import type { LocalizedText } from './template';

/** A VSIC 2018 code: a section letter, then 2 to 5 digits (`F41`, `C10`, `C2410`). */
export const VSIC_CODE_PATTERN = /^[A-U]\d{2,5}$/;

/** True when `code` has the shape of a VSIC 2018 code. */
export function isVsicCode(code: string): boolean {
  return VSIC_CODE_PATTERN.test(code);
}

/** The high-risk sector that `sectorCode` falls under, or undefined for other sectors. */
export function highRiskSectorOf(sectorCode: string): { prefix: string; name: LocalizedText } | undefined {
  return highRiskSectors.prefixes.find((sector) => sectorCode.startsWith(sector.prefix));
}

/** Whether a sector is high-risk for OSH, from the data list in `high-risk-sectors.json`. */
export function isHighRiskSector(sectorCode: string): boolean {
  return highRiskSectorOf(sectorCode) !== undefined;
}
