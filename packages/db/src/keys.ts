/** Key builders: every key of the single table is made here, so its layout reads in one place. */
export const keys = {
  zone: (zoneId: string) => ({ pk: `ZONE#${zoneId}`, sk: 'ZONE' }),
  zoneList: () => 'ZONES',
  zoneCode: (code: string) => ({ pk: `UNIQUE#ZONE_CODE#${code}`, sk: 'UNIQUE' }),
  enterprise: (enterpriseId: string) => ({ pk: `ENT#${enterpriseId}`, sk: 'PROFILE' }),
  enterprisesOfZone: (zoneId: string) => `ZONE#${zoneId}#ENTS`,
  taxCode: (taxCode: string) => ({ pk: `UNIQUE#TAX_CODE#${taxCode}`, sk: 'UNIQUE' }),
  audit: (ownerPk: string, at: string, id: string) => ({ pk: ownerPk, sk: `AUDIT#${at}#${id}` }),
  assessment: (enterpriseId: string, assessmentId: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `ASMT#${assessmentId}`,
  }),
  assessmentPrefix: 'ASMT#',
  assessmentPeriod: (enterpriseId: string, period: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `ASMT_PERIOD#${period}`,
  }),
  latestScore: (enterpriseId: string, period: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `SCORE#${period}`,
  }),
  /** Firms of a zone and period ranked by score (gsi2). */
  zoneScores: (zoneId: string, period: string) => `ZONE#${zoneId}#${period}`,
  zoneStats: (zoneId: string, period: string) => ({ pk: `ZONE#${zoneId}`, sk: `STATS#${period}` }),
  evidence: (enterpriseId: string, evidenceId: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `EVIDENCE#${evidenceId}`,
  }),
  marker: (name: string) => ({ pk: `MARKER#${name}`, sk: 'MARKER' }),
  idempotency: (scope: string, key: string) => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' }),
};

/** A name folded for byte-order sorting: lower case, without Vietnamese diacritics (`Ánh Dương` → `anh duong`). */
export function sortableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A score as a sortable key part: tenths of a point, zero-padded (`82.5` → `0825`). */
export function scoreSortKey(total: number): string {
  return String(Math.round(total * 10)).padStart(4, '0');
}
