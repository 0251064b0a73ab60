/** What a presigned POST needs: the form fields S3 signed, in order, then the file. */
export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

/**
 * Sends `file` straight to storage with a presigned POST form (fields first, the file last, as S3 requires),
 * reporting progress from 0 to 1. XMLHttpRequest, because fetch does not report upload progress.
 */
export function uploadWithProgress(
  target: PresignedPost,
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
  form.append('file', file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', target.url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(new Error(`storage answered HTTP ${request.status}`));
      }
    });
    request.addEventListener('error', () => reject(new Error('the upload could not reach storage')));
    request.addEventListener('abort', () => reject(new Error('the upload was cancelled')));
    request.send(form);
  });
}
