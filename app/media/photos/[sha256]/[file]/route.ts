import { openRendition } from '@/server/photos/open-rendition';

type Params = { params: Promise<{ sha256: string; file: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { sha256, file } = await params;
  const rendition = await openRendition(sha256, file);
  if (!rendition) return new Response('No such photo rendition.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(rendition.body, {
    headers: {
      'content-type': rendition.contentType,
      'content-length': String(rendition.size),
      // The address names the content's hash: it can never change, so caches keep it for a year.
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}
