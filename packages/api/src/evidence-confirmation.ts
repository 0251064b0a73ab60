import { ConflictError, type Evidence, getEvidence, settleEvidence } from '@antoan/db';
import { type EvidenceContentType, evidenceIdsOf, VERIFIED_PREFIX } from '@antoan/storage';
import type { AppDeps } from './deps';
import { isCriticalEvidenceKind } from './evidence-signal';
import { annualReportCompleteWith } from './use-cases/annual-report-complete';

/** Why an upload was refused, as the API and the S3 event handler report it. */
export type RejectionReason = 'missing_object' | 'size_mismatch' | 'type_mismatch' | 'checksum_mismatch';

/** What the server checks an uploaded object against: what the firm declared. */
const declared = (evidence: Evidence) => ({
  size: evidence.size,
  contentType: evidence.contentType as EvidenceContentType,
  sha256Hex: evidence.sha256.toLowerCase(),
});

/**
 * Verifies a pending upload on the server (size, magic bytes and ending, SHA-256) and settles it: verified,
 * with the file moved under `verified/` where its still-valid upload form cannot replace it, or rejected with
 * the file moved to quarantine. Settled evidence is returned as it is, so confirming twice, racing the S3
 * event, or retrying after a failure between the move and the record all give the same answer.
 */
export async function confirmEvidence(deps: AppDeps, evidence: Evidence, actor: string): Promise<Evidence> {
  if (evidence.status !== 'pending_upload') return evidence;
  const expected = declared(evidence);
  const promotedKey = `${VERIFIED_PREFIX}${evidence.objectKey}`;
  let verdict = await deps.evidence.verifyUpload({ key: evidence.objectKey, expected });
  let verifiedKey: string | undefined;
  if (verdict.ok) {
    try {
      verifiedKey = await deps.evidence.promote(evidence.objectKey);
    } catch (error) {
      // A concurrent confirmation moved it first.
      const current = await getEvidence(deps.db, evidence.enterpriseId, evidence.id);
      if (current && current.status !== 'pending_upload') return current;
      throw error;
    }
  } else if (verdict.reason === 'missing_object') {
    // An earlier attempt may have moved the file and failed before recording it.
    const promoted = await deps.evidence.verifyUpload({ key: promotedKey, expected });
    if (promoted.ok) [verdict, verifiedKey] = [promoted, promotedKey];
  }
  if (!verdict.ok) await deps.evidence.quarantine(evidence.objectKey);
  const verifying = verdict.ok && verifiedKey !== undefined;
  // Evidence can fill the last missing figure of the firm's annual report: mark it complete with the record.
  const reportComplete = verifying ? await annualReportCompleteWith(deps, evidence) : undefined;
  try {
    return await settleEvidence(deps.db, {
      evidence,
      outcome:
        verdict.ok && verifiedKey !== undefined
          ? { status: 'verified', objectKey: verifiedKey }
          : { status: 'rejected', reason: verdict.ok ? 'missing_object' : verdict.reason },
      reviewPriority: isCriticalEvidenceKind(evidence.kind) ? 'critical' : 'other',
      ...(reportComplete === undefined ? {} : { reportComplete }),
      actor,
      at: deps.now().toISOString(),
    });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Another confirmation settled it first; report what it decided.
    return (await getEvidence(deps.db, evidence.enterpriseId, evidence.id)) ?? evidence;
  }
}

/**
 * Handles an S3 `ObjectCreated` event: the same verification as `confirm`, so an upload that is never
 * confirmed is still verified or rejected. An object that no evidence record asked for is quarantined.
 */
export async function verifyUploadedObject(
  deps: AppDeps,
  key: string,
): Promise<{ outcome: 'verified' | 'rejected' | 'unrequested' | 'ignored'; reason?: string }> {
  const ids = evidenceIdsOf(key);
  if (!ids) return { outcome: 'ignored' };
  const evidence = await getEvidence(deps.db, ids.enterpriseId, ids.evidenceId);
  if (!evidence) {
    await deps.evidence.quarantine(key);
    return { outcome: 'unrequested' };
  }
  if (evidence.status !== 'pending_upload') {
    // Settled proof lives under verified/ (or in quarantine); anything arriving at the upload key afterwards,
    // through the still-valid form, is a stray copy and goes to quarantine. A late event for the original
    // upload finds nothing there.
    const stray = await deps.evidence.quarantine(key);
    return stray.quarantined
      ? { outcome: 'rejected', reason: 'already_settled' }
      : { outcome: evidence.status === 'verified' ? 'verified' : 'rejected' };
  }
  const settled = await confirmEvidence(deps, evidence, 'system:s3-event');
  return settled.status === 'verified'
    ? { outcome: 'verified' }
    : { outcome: 'rejected', ...(settled.reason === undefined ? {} : { reason: settled.reason }) };
}
