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
  /**
   * One save of a draft's answers (the change, who, when), at the version it created; the first save is version 2.
   * Not under `ASMT#`, so listing assessments never reads them.
   */
  assessmentAnswers: (enterpriseId: string, assessmentId: string, version: number) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `ASMT_ANSWERS#${assessmentId}#${String(version).padStart(6, '0')}`,
  }),
  assessmentAnswersPrefix: (assessmentId: string) => `ASMT_ANSWERS#${assessmentId}#`,
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
  /** gsi3 partitions: one per calendar day, so a daily job reads exactly the day it asks for. */
  selfCheckDue: (day: string) => `DUE#${day}`,
  evidenceExpiry: (day: string) => `EXPIRES#${day}`,
  notification: (enterpriseId: string, day: string, dedupe: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `NOTIF#${day}#${dedupe}`,
  }),
  notificationPrefix: 'NOTIF#',
  evidencePrefix: 'EVIDENCE#',
  coverage: (enterpriseId: string, year: string) => ({ pk: `ENT#${enterpriseId}`, sk: `COVERAGE#${year}` }),
  latestScorePrefix: 'SCORE#',
  /** An enterprise's accidents, in order of occurrence (UTC timestamp). */
  accident: (enterpriseId: string, occurredAt: string, accidentId: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `ACCIDENT#${occurredAt}#${accidentId}`,
  }),
  accidentPrefix: 'ACCIDENT#',
  /** A zone's accident counters for a calendar year. */
  zoneAccidents: (zoneId: string, year: string) => ({ pk: `ZONE#${zoneId}`, sk: `ACCIDENTS#${year}` }),
  /** A zone's registrations counted by risk group and month, kept by `createEnterprise`. */
  zoneEnterpriseCounts: (zoneId: string) => ({ pk: `ZONE#${zoneId}`, sk: 'ENTERPRISES' }),
  /** An enterprise's inspections, in order of the day they were conducted. */
  inspection: (enterpriseId: string, conductedOn: string, inspectionId: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `INSPECTION#${conductedOn}#${inspectionId}`,
  }),
  inspectionPrefix: 'INSPECTION#',
  /** A firm's entry in the priority index: one per zone, one per zone and VSIC division (`C24`). */
  target: (enterpriseId: string, byDivision: boolean) => ({
    pk: `ENT#${enterpriseId}`,
    sk: byDivision ? 'TARGET#DIVISION' : 'TARGET',
  }),
  /** Firms of a zone (and VSIC division) by priority, highest first (gsi1). */
  targetsOfZone: (zoneId: string, division?: string) =>
    division === undefined ? `TARGETS#${zoneId}` : `TARGETS#${zoneId}#${division}`,
  /** Firms of a zone (and VSIC division) in a fixed pseudo-random order, for the random share (gsi2). */
  targetSampleOfZone: (zoneId: string, division?: string) =>
    division === undefined ? `TARGET_SAMPLE#${zoneId}` : `TARGET_SAMPLE#${zoneId}#${division}`,
  /** A licensed provider of OSH services; the register lists them by name (gsi1). */
  provider: (providerId: string) => ({ pk: `PROVIDER#${providerId}`, sk: 'PROVIDER' }),
  providerList: () => 'PROVIDERS',
  providerLicence: (licenceNo: string) => ({ pk: `UNIQUE#PROVIDER_LICENCE#${licenceNo}`, sk: 'UNIQUE' }),
  /** The first firm that declared a provider's certificate number; a second firm's copy is flagged. */
  certificate: (providerId: string, certificateNo: string) => ({
    pk: `UNIQUE#CERTIFICATE#${providerId}#${certificateNo.toUpperCase()}`,
    sk: 'UNIQUE',
  }),
  /** Verified evidence of a zone waiting for a review of its content (gsi1), behind critical items first. */
  evidenceReviewQueue: (zoneId: string) => `EVIDENCE_REVIEW#${zoneId}`,
  /** A corrective action of an enterprise. */
  action: (enterpriseId: string, actionId: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `ACTION#${actionId}`,
  }),
  actionPrefix: 'ACTION#',
  /** Claims an item for the firm's one pending action on it, so no gap gets two pending actions. */
  pendingAction: (enterpriseId: string, itemId: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `PENDING_ACTION#${itemId}`,
  }),
  pendingActionPrefix: 'PENDING_ACTION#',
  /** A zone's pending actions by due day, oldest first (gsi1; present only while an action is pending). */
  pendingActionsOfZone: (zoneId: string) => `ZONE#${zoneId}#PENDING_ACTIONS`,
  pendingActionSortKey: (dueOn: string, actionId: string) => `${dueOn}#${actionId}`,
  /** gsi1 partition of a zone's actions marked done and awaiting an overseer's verification, by day done. */
  doneActionsOfZone: (zoneId: string) => `ZONE#${zoneId}#DONE_ACTIONS`,
  /** gsi3 partition of the pending actions due on a day, for the daily job. */
  actionDue: (day: string) => `ACTION_DUE#${day}`,
  /** Counters of pending and overdue actions, kept in the same transactions as the actions. */
  zoneActionCounts: (zoneId: string) => ({ pk: `ZONE#${zoneId}`, sk: 'ACTION_COUNTS' }),
  enterpriseActionCounts: (enterpriseId: string) => ({ pk: `ENT#${enterpriseId}`, sk: 'ACTION_COUNTS' }),
  /** Actions a submission still has to create, written in the submission's transaction (see actions.ts). */
  actionOutbox: (enterpriseId: string, sourceId: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `ACTION_OUTBOX#${sourceId}`,
  }),
  /** gsi3 partition of every undrained action outbox, for the daily job's sweep. */
  actionOutboxes: () => 'ACTION_OUTBOX',
  /** Claims a period's one open amendment. */
  amendment: (enterpriseId: string, period: string) => ({
    pk: `ENT#${enterpriseId}`,
    sk: `AMENDING#${period}`,
  }),
  auditPrefix: 'AUDIT#',
  /** The owner of audit entries about city-wide users (authority, inspectors): no firm or zone holds them. */
  directoryAudit: () => 'DIRECTORY',
  /**
   * What one firm adds to its zone's figures for a calendar year (headcount override, occupational-disease
   * examinations, monitoring, self-check status), so a change moves the zone's counters by the difference.
   */
  firmYear: (enterpriseId: string, year: string) => ({ pk: `ENT#${enterpriseId}`, sk: `YEAR#${year}` }),
  /** A zone's report counters for a calendar year: the sums of its firms' `firmYear` items. */
  zoneYear: (zoneId: string, year: string) => ({ pk: `ZONE#${zoneId}`, sk: `YEAR#${year}` }),
  /** The annual figures no record holds (the statutory report's form), one per enterprise and year. */
  annualData: (enterpriseId: string, year: string) => ({ pk: `ENT#${enterpriseId}`, sk: `ANNUAL#${year}` }),
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
