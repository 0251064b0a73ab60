import { ConflictError, type Evidence, getEvidence, settleEvidence } from '@antoan/db';
import { type EvidenceContentType, evidenceIdsOf } from '@antoan/storage';
import type { AppDeps } from './deps';

/** Why an upload was refused, as the API and the S3 event handler report it. */
export type RejectionReason = 'missing_object' | 'size_mismatch' | 'type_mismatch' | 'checksum_mismatch';

/**
 * Verifies a pending upload on the server (size, magic bytes and ending, SHA-256) and settles it: verified,
 * or rejected with its object moved to quarantine. Settled evidence is returned as it is, so confirming twice,
 * or racing the S3 event, gives the same answer.
 */
export async function confirmEvidence(deps: AppDeps, evidence: Evidence, actor: string): Promise<Evidence> {
  if (evidence.status !== 'pending_upload') return evidence;
  const verdict = await deps.evidence.verifyUpload({
    key: evidence.objectKey,
    expected: {
      size: evidence.size,
      contentType: evidence.contentType as EvidenceContentType,
      sha256Hex: evidence.sha256.toLowerCase(),
    },
  });
  if (!verdict.ok) await deps.evidence.quarantine(evidence.objectKey);
  try {
    return await settleEvidence(deps.db, {
      evidence,
      outcome: verdict.ok ? { status: 'verified' } : { status: 'rejected', reason: verdict.reason },
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
    // The upload form stays valid for its 15 minutes: a second upload to a settled key must not replace proof
    // that was verified (or revive a rejected one). Anything that is not the verified file goes to quarantine.
    const verdict =
      evidence.status === 'verified'
        ? await deps.evidence.verifyUpload({
            key,
            expected: {
              size: evidence.size,
              contentType: evidence.contentType as EvidenceContentType,
              sha256Hex: evidence.sha256.toLowerCase(),
            },
          })
        : { ok: false as const, reason: evidence.reason ?? 'rejected' };
    if (!verdict.ok) await deps.evidence.quarantine(key);
    return verdict.ok ? { outcome: 'verified' } : { outcome: 'rejected', reason: verdict.reason };
  }
  const settled = await confirmEvidence(deps, evidence, 'system:s3-event');
  return settled.status === 'verified'
    ? { outcome: 'verified' }
    : { outcome: 'rejected', ...(settled.reason === undefined ? {} : { reason: settled.reason }) };
}
