import type { EvidenceKind } from './template';

/** The OSH services that need a licence (training, work-environment monitoring, health exams, equipment inspection). */
export const providerServices = ['training', 'monitoring', 'health_exam', 'equipment_inspection'] as const;
export type ProviderService = (typeof providerServices)[number];

/** The licensed service a kind of evidence comes from; undefined for kinds a firm makes itself (a plan, a declaration). */
export const serviceOfEvidenceKind: Readonly<Partial<Record<EvidenceKind, ProviderService>>> = {
  training_certificate: 'training',
  environment_monitoring_report: 'monitoring',
  health_exam_record: 'health_exam',
  occupational_disease_exam: 'health_exam',
  equipment_inspection_certificate: 'equipment_inspection',
};

/** A provider's licence as the checks read it. Dates are `YYYY-MM-DD`, both ends included. */
export interface ProviderLicence {
  services: readonly ProviderService[];
  validFrom: string;
  validUntil: string;
}

/**
 * Whether the provider was licensed for the service of this kind of evidence on the day it was issued. A kind
 * that needs no licensed service is never flagged.
 * @example licensedFor({ services: ['training'], validFrom: '2024-01-01', validUntil: '2028-12-31' }, 'health_exam_record', '2026-05-01') // false
 */
export function licensedFor(licence: ProviderLicence, kind: EvidenceKind, issuedOn: string): boolean {
  const service = serviceOfEvidenceKind[kind];
  if (service === undefined) return true;
  return (
    licence.services.includes(service) && licence.validFrom <= issuedOn && issuedOn <= licence.validUntil
  );
}

/** Doubts about one piece of evidence, recorded when it is declared. */
export type EvidenceDoubt = 'unlicensed_provider' | 'duplicate_certificate';

/**
 * The doubts about declared evidence: `unlicensed_provider` when its provider (if named) did not hold a licence for
 * its service on `issuedOn`; `duplicate_certificate` when another firm declared the same provider's certificate
 * number first.
 */
export function evidenceDoubts(input: {
  kind: EvidenceKind;
  issuedOn: string;
  enterpriseId: string;
  provider?: ProviderLicence | undefined;
  certificateHolder?: { enterpriseId: string } | undefined;
}): EvidenceDoubt[] {
  const doubts: EvidenceDoubt[] = [];
  if (input.provider !== undefined && !licensedFor(input.provider, input.kind, input.issuedOn)) {
    doubts.push('unlicensed_provider');
  }
  if (input.certificateHolder !== undefined && input.certificateHolder.enterpriseId !== input.enterpriseId) {
    doubts.push('duplicate_certificate');
  }
  return doubts;
}
