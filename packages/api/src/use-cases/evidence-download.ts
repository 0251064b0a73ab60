import { type Enterprise, getEvidence } from '@antoan/db';
import type { AppDeps } from '../deps';
import { conflict, notFound } from '../errors';
import { failure, type Result, success } from './result';

/**
 * A presigned download of a firm's verified evidence file. Evidence that is not there, or was deleted from the
 * library, is not found; a rejected file sits in quarantine and was never proof, so its file is not found either;
 * a file still waiting for its confirmation is a 409 `not_verified`.
 */
export async function evidenceDownload(
  deps: Pick<AppDeps, 'db' | 'evidence'>,
  input: { enterprise: Enterprise; evidenceId: string },
): Promise<Result<Awaited<ReturnType<AppDeps['evidence']['presignDownload']>>>> {
  const evidence = await getEvidence(deps.db, input.enterprise.id, input.evidenceId);
  if (!evidence || evidence.deletedAt !== undefined) return failure(notFound('evidence'));
  if (evidence.status === 'rejected') return failure(notFound('evidence file'));
  if (evidence.status !== 'verified') {
    return failure(
      conflict(
        {
          vi: 'Tệp chưa được xác minh; hãy xác nhận tải lên trước.',
          en: 'The file is not verified yet; confirm the upload first.',
        },
        { code: 'not_verified' },
      ),
    );
  }
  return success(
    await deps.evidence.presignDownload({ key: evidence.objectKey, fileName: evidence.fileName }),
  );
}
