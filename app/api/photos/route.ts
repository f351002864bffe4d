import { NextResponse } from 'next/server';
import { PhotoListQuery, UploadFileName } from '@/lib/validation/photo';
import { parseInput } from '@/lib/validation/parse-input';
import { apiRoute } from '@/server/http/api-route';
import { listPhotos } from '@/server/photos/queries';
import { uploadPhoto } from '@/server/photos/upload-photo';
import { requireUser } from '@/server/session';

export const GET = apiRoute(async (request) => {
  const user = await requireUser();
  const query = parseInput(PhotoListQuery, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(listPhotos(user, query));
});

/**
 * One photo per request, its bytes as the raw body (not multipart), so the server streams it to
 * disk as it arrives and the browser can show each file's own progress. `?name=` carries the
 * file's name for messages; it is never used as a path.
 */
export const POST = apiRoute(async (request) => {
  const user = await requireUser();
  const fileName = UploadFileName.parse(new URL(request.url).searchParams.get('name') ?? '');
  const declared = request.headers.get('content-length');
  const result = await uploadPhoto(user, {
    body: request.body,
    fileName,
    declaredBytes: declared && /^\d+$/.test(declared) ? Number(declared) : undefined,
  });
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
