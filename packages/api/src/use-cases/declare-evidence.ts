import {
  ConflictError,
  createEvidence,
  type Enterprise,
  type Evidence,
  getCertificateHolder,
  getProvider,
} from '@antoan/db';
import { type EvidenceKind, evidenceDoubts, expiryOf, type WorkerCategory } from '@antoan/domain';
import type { RequestEvidenceUploadInput } from '@antoan/schemas';
import type { AppDeps } from '../deps';

export type DeclareEvidenceResult =
  | { ok: true; value: Evidence }
  | { ok: false; error: { code: 'unknown_provider'; path: 'providerId'; message: string } };

/**
 * Whom an exam record covers when the firm does not say: everyone, when the firm has no worker in a group examined
 * every 6 months; otherwise unknown, which gets the shortest legal period.
 */
function assumedWorkerCategory(enterprise: Enterprise): WorkerCategory | undefined {
  const { hazardous, minors, elderly, disabled } = enterprise.workforce;
  return hazardous + minors + elderly + disabled === 0 ? 'general' : undefined;
}

/**
 * Records a firm's declaration of a document before its upload. Without `expiresOn` it gets the legal validity of
 * its kind (the schema already refused a kind with no legal period). A named provider must be in the register;
 * a provider not licensed for the service on `issuedOn` flags `unlicensed_provider`, and a certificate number of
 * that provider another firm declared first flags `duplicate_certificate`. The first firm to declare a certificate
 * is recorded as its holder in the same transaction.
 */
export async function declareEvidence(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: {
    id: string;
    enterprise: Enterprise;
    /** What the firm declared, or an inspector's photo (a kind a firm cannot declare). */
    declared: Omit<RequestEvidenceUploadInput, 'kind'> & { kind: EvidenceKind };
    objectKey: string;
    actor: string;
  },
): Promise<DeclareEvidenceResult> {
  const { enterprise, declared } = input;
  const provider =
    declared.providerId === undefined ? undefined : await getProvider(deps.db, declared.providerId);
  if (declared.providerId !== undefined && provider === undefined) {
    return {
      ok: false,
      error: {
        code: 'unknown_provider',
        path: 'providerId',
        message: `no provider ${declared.providerId} in the register (GET /v1/providers)`,
      },
    };
  }
  const workerCategory =
    declared.workerCategory ??
    (declared.kind === 'health_exam_record' || declared.kind === 'occupational_disease_exam'
      ? assumedWorkerCategory(enterprise)
      : undefined);
  const derived =
    declared.expiresOn === undefined
      ? expiryOf({
          kind: declared.kind,
          issuedOn: declared.issuedOn,
          trainingGroup: declared.trainingGroup,
          workerCategory,
        })
      : undefined;
  const expiresOn = declared.expiresOn ?? derived;
  for (let attempt = 1; ; attempt++) {
    const holder =
      provider !== undefined && declared.certificateNo !== undefined
        ? await getCertificateHolder(deps.db, provider.id, declared.certificateNo)
        : undefined;
    const flags = evidenceDoubts({
      kind: declared.kind,
      issuedOn: declared.issuedOn,
      enterpriseId: enterprise.id,
      provider,
      certificateHolder: holder,
    });
    const evidence: Evidence = {
      id: input.id,
      enterpriseId: enterprise.id,
      zoneId: enterprise.zoneId,
      kind: declared.kind,
      fileName: declared.fileName,
      contentType: declared.contentType,
      size: declared.size,
      sha256: declared.sha256.toLowerCase(),
      issuedOn: declared.issuedOn,
      ...(expiresOn === undefined ? {} : { expiresOn }),
      ...(derived === undefined ? {} : { expiryDerived: true }),
      ...(declared.trainingGroup === undefined ? {} : { trainingGroup: declared.trainingGroup }),
      ...(declared.workersCovered === undefined ? {} : { workersCovered: declared.workersCovered }),
      ...(workerCategory === undefined ? {} : { workerCategory }),
      ...(provider === undefined ? {} : { providerId: provider.id }),
      ...(declared.certificateNo === undefined ? {} : { certificateNo: declared.certificateNo }),
      ...(flags.length > 0 ? { flags } : {}),
      objectKey: input.objectKey,
      status: 'pending_upload',
      createdAt: deps.now().toISOString(),
      createdBy: input.actor,
    };
    try {
      return {
        ok: true,
        value: await createEvidence(deps.db, evidence, { claimCertificate: holder === undefined }),
      };
    } catch (error) {
      // Another firm claimed the certificate between the read and the write: read the holder again.
      if (!(error instanceof ConflictError && error.code === 'certificate_claimed') || attempt >= 2)
        throw error;
    }
  }
}
