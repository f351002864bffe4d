import { ApiError, apiErrorFrom } from '@/lib/api-client';
import { PHOTO_MAX_BYTES } from '@/lib/domain-constants';
import { formatFileSize } from '@/lib/photos/file-size';
import type { UploadResult } from '@/lib/photos/photo-view';
import { displayFileName } from '@/lib/photos/file-name';

export type UploadOptions = {
  /** 0…1 of the file's bytes sent; 1 means the server is now checking the photo and making its sizes. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/**
 * Sends one photo to the library as the raw request body. XMLHttpRequest rather than fetch: only
 * it reports upload progress. Cancelling rejects with an ApiError (status 0, code NETWORK) saying
 * so; the caller that aborted knows it did from its own `signal.aborted`.
 */
export function uploadPhotoFile(file: File, { onProgress, signal }: UploadOptions = {}): Promise<UploadResult> {
  // The name the server's messages use, so a local refusal reads exactly like the server's.
  const name = displayFileName(file.name);
  const cancelled = () => new ApiError(0, 'NETWORK', `The upload of “${name}” was cancelled.`);

  return new Promise((resolve, reject) => {
    // Not worth 25 MB of someone's connection to hear no; the server still checks.
    if (file.size > PHOTO_MAX_BYTES) {
      reject(
        new ApiError(413, 'TOO_LARGE', `“${name}” is ${formatFileSize(file.size)}; photos may be at most ${formatFileSize(PHOTO_MAX_BYTES)}.`),
      );
      return;
    }
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }

    const request = new XMLHttpRequest();
    request.open('POST', `/api/photos?name=${encodeURIComponent(file.name)}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress?.(1);

    const abort = () => request.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const settle = () => signal?.removeEventListener('abort', abort);

    request.onload = () => {
      settle();
      const payload: unknown = request.response;
      if (request.status >= 200 && request.status < 300 && payload) {
        resolve(payload as UploadResult);
        return;
      }
      reject(apiErrorFrom(request.status, payload, `The server answered ${request.status} to “${name}”.`));
    };
    request.onerror = () => {
      settle();
      reject(new ApiError(0, 'NETWORK', `“${name}” was not uploaded: Dateline cannot be reached. Check your connection and try again.`));
    };
    request.onabort = () => {
      settle();
      reject(cancelled());
    };
    request.send(file);
  });
}
