import { type AppDeps, confirmEvidence } from '@antoan/api';
import { createEvidence, hasMarker, setMarker } from '@antoan/db';
import { addDays, vietnamDate } from '@antoan/domain';
import { postThroughForm, samplePdf, sha256Hex } from '@antoan/storage/local';
import { demoEnterprises, demoUsers } from './demo-data';
import { seedDemoProviders } from './seed-providers';

/** Bump when the demo evidence changes. */
const EVIDENCE_MARKER = 'demo-evidence-v1';

/**
 * Demo evidence for the demo officers' firms and a few others, uploaded the way a browser does (presigned
 * POST to the S3 server, then server-side confirmation), with expiry dates around the day of the first start
 * so the reminder outbox and the "expiring" list show something at once.
 */
export async function seedDemoEvidence(deps: AppDeps): Promise<{ seeded: boolean; files: number }> {
  if (await hasMarker(deps.db, EVIDENCE_MARKER)) return { seeded: false, files: 0 };
  await seedDemoProviders(deps);
  const today = vietnamDate(deps.now());
  const enterprises = demoEnterprises();
  const officers = new Set(demoUsers(enterprises).flatMap((user) => user.enterpriseId ?? []));
  const firms = enterprises.filter((firm, index) => officers.has(firm.id) || index % 12 === 0);
  const files = [
    {
      kind: 'training_certificate',
      trainingGroup: 4,
      issuedOn: addDays(today, -335),
      expiresOn: addDays(today, 30),
      providerId: 'prov-huanluyen-tn',
    },
    {
      kind: 'training_certificate',
      trainingGroup: 3,
      issuedOn: addDays(today, -400),
      expiresOn: addDays(today, 7),
      providerId: 'prov-kiemdinh-cl',
    },
    {
      kind: 'health_exam_record',
      issuedOn: addDays(today, -200),
      expiresOn: addDays(today, 165),
      providerId: 'prov-ytelaodong-ct',
    },
    // The monitoring company's licence ran out at the end of 2024: flagged unlicensed_provider.
    {
      kind: 'environment_monitoring_report',
      issuedOn: addDays(today, -400),
      expiresOn: addDays(today, -35),
      providerId: 'prov-quantrac-mk',
    },
    // No expiresOn: the plan gets the legal year.
    { kind: 'osh_plan', issuedOn: addDays(today, -320) },
  ] as const;
  let count = 0;
  const seedFirm = async (firm: (typeof firms)[number]) => {
    for (const file of files) {
      await uploadDemoEvidence(deps, firm, {
        ...file,
        workersCovered: Math.max(1, Math.round(firm.headcount / 3)),
      });
      count++;
    }
  };
  for (let start = 0; start < firms.length; start += 6)
    await Promise.all(firms.slice(start, start + 6).map(seedFirm));
  await setMarker(deps.db, EVIDENCE_MARKER, deps.now().toISOString());
  return { seeded: true, files: count };
}

/** One demo file uploaded the way a browser does (presigned POST), then confirmed by the server. */
export async function uploadDemoEvidence(
  deps: AppDeps,
  firm: { id: string; zoneId: string },
  file: {
    kind: string;
    issuedOn: string;
    expiresOn?: string;
    trainingGroup?: number;
    workersCovered?: number;
    /** Pads the file to this many bytes: distinct sizes give distinct documents (a document counts once). */
    variant?: number;
  },
): Promise<void> {
  const { variant, ...facts } = file;
  const pdf = samplePdf(variant ?? 0);
  const id = deps.newId();
  const evidence = await createEvidence(deps.db, {
    id,
    enterpriseId: firm.id,
    zoneId: firm.zoneId,
    ...facts,
    fileName: `${file.kind}-${firm.id}.pdf`,
    contentType: 'application/pdf',
    size: pdf.length,
    sha256: sha256Hex(pdf),
    objectKey: deps.evidence.objectKey(firm.id, id),
    status: 'pending_upload',
    createdAt: deps.now().toISOString(),
    createdBy: 'seed',
  });
  const upload = await deps.evidence.presignUpload({
    key: evidence.objectKey,
    contentType: 'application/pdf',
    size: pdf.length,
    sha256Hex: evidence.sha256,
  });
  await postThroughForm(upload, pdf, evidence.fileName);
  await confirmEvidence(deps, evidence, 'seed');
}
