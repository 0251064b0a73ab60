import type { EvidenceKind, Template } from './template';

/** The evidence kinds that prove a critical item of the template (an expired one means a life-critical gap). */
export function criticalEvidenceKinds(template: Template): Set<EvidenceKind> {
  return new Set(
    template.sections.flatMap((section) =>
      section.items.flatMap((item) => (item.severity === 'critical' ? (item.evidenceKinds ?? []) : [])),
    ),
  );
}

/**
 * How many critical kinds of proof a firm has let run out: kinds of which it has verified evidence, all of it
 * expired before `today` (`YYYY-MM-DD`). A newer valid certificate of the same kind closes the gap.
 */
export function expiredCriticalEvidenceCount(
  evidence: ReadonlyArray<{ kind: string; status: string; expiresOn?: string | undefined }>,
  criticalKinds: ReadonlySet<string>,
  today: string,
): number {
  const valid = new Set<string>();
  const expired = new Set<string>();
  for (const item of evidence) {
    if (item.status !== 'verified' || !criticalKinds.has(item.kind)) continue;
    if (item.expiresOn !== undefined && item.expiresOn < today) expired.add(item.kind);
    else valid.add(item.kind);
  }
  return [...expired].filter((kind) => !valid.has(kind)).length;
}
