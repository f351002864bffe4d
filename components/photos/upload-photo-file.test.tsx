import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { uploadPhotoFile } from './upload-photo-file';

/** Stands in for the browser's XMLHttpRequest: the test plays the network's part. */
class FakeRequest {
  static last: FakeRequest | undefined;
  url = '';
  body: unknown;
  status = 0;
  response: unknown = null;
  responseType = '';
  upload: { onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;
  onabort?: () => void;

  constructor() {
    FakeRequest.last = this;
  }
  open(_method: string, url: string) {
    this.url = url;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, response: unknown) {
    this.status = status;
    this.response = response;
    this.onload?.();
  }
}

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name, { type: 'image/jpeg' });

beforeEach(() => {
  FakeRequest.last = undefined;
  vi.stubGlobal('XMLHttpRequest', FakeRequest);
});
afterEach(() => vi.unstubAllGlobals());

describe('uploadPhotoFile', () => {
  it('sends the raw file with its name and reports progress', async () => {
    const fractions: number[] = [];
    const photo = file('Kyiv & Lviv.jpg');
    const upload = uploadPhotoFile(photo, { onProgress: (fraction) => fractions.push(fraction) });
    const request = FakeRequest.last!;
    expect(request.url).toBe('/api/photos?name=Kyiv%20%26%20Lviv.jpg');
    expect(request.body).toBe(photo);
    request.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
    request.upload.onload?.();
    request.answer(200, { photo: { id: 7 }, duplicate: true });
    await expect(upload).resolves.toEqual({ photo: { id: 7 }, duplicate: true });
    expect(fractions).toEqual([0.5, 1]);
  });

  it('refuses a file over the cap before sending a byte, in the server’s words', async () => {
    const big = { name: 'big.jpg', size: 30_000_000 } as File;
    await expect(uploadPhotoFile(big)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: '“big.jpg” is 30 MB; photos may be at most 25 MB.',
    });
    expect(FakeRequest.last).toBeUndefined();
  });

  it('rejects with the server’s message and code', async () => {
    const upload = uploadPhotoFile(file('notes.jpg'));
    FakeRequest.last!.answer(415, { error: { code: 'UNSUPPORTED_TYPE', message: '“notes.jpg” was not accepted.' } });
    await expect(upload).rejects.toEqual(new ApiError(415, 'UNSUPPORTED_TYPE', '“notes.jpg” was not accepted.'));
  });

  it('says the upload was cancelled when its signal aborts, and NETWORK when the line drops', async () => {
    const controller = new AbortController();
    const cancelled = uploadPhotoFile(file('a.jpg'), { signal: controller.signal });
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'NETWORK', message: 'The upload of “a.jpg” was cancelled.' });

    const dropped = uploadPhotoFile(file('b.jpg'));
    FakeRequest.last!.onerror?.();
    await expect(dropped).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
});
