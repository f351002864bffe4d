import { describe, expect, it } from 'vitest';
import { appErrorFromAsync } from '@/tests/app-error';
import { readIngestRequest } from './read-ingest-request';

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://localhost/api/v1/ingest', { method: 'POST', body, headers });

describe('readIngestRequest', () => {
  it('reads a raw body as the item, with no photos', async () => {
    const { text, photoFiles } = await readIngestRequest(post('<newsItem/>', { 'content-type': 'application/xml' }));
    expect(text).toBe('<newsItem/>');
    expect(await photoFiles('photo.jpg')).toBeNull();
  });

  it('refuses a body over the limit by its declared length, before reading it', async () => {
    const error = await appErrorFromAsync(() => readIngestRequest(post('x', { 'content-type': 'application/xml', 'content-length': '2000001' })));
    expect(error.code).toBe('TOO_LARGE');
  });

  it('takes a multipart item with its photos, and refuses one without an item part', async () => {
    const form = new FormData();
    form.set('item', new File(['<packageItem/>'], 'package.xml'));
    form.append('photo', new File([new Uint8Array([1, 2])], 'cranes.jpg'));
    const sent = new Request('http://localhost/api/v1/ingest', { method: 'POST', body: form });
    const bytes = await sent.clone().arrayBuffer();
    const request = post(bytes, { 'content-type': sent.headers.get('content-type')!, 'content-length': String(bytes.byteLength) });
    const { text, photoFiles } = await readIngestRequest(request);
    expect(text).toBe('<packageItem/>');
    expect(await photoFiles('cranes.jpg')).toMatchObject({ fileName: 'cranes.jpg', declaredBytes: 2 });

    const empty = new Request('http://localhost/api/v1/ingest', { method: 'POST', body: new FormData() });
    const emptyBytes = await empty.clone().arrayBuffer();
    const error = await appErrorFromAsync(() =>
      readIngestRequest(post(emptyBytes, { 'content-type': empty.headers.get('content-type')!, 'content-length': String(emptyBytes.byteLength) })),
    );
    expect(error.message).toBe('The multipart request has no “item” part with the NewsML-G2 or ninjs item.');
  });
});
