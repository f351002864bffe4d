import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/http/api-route';
import { ingestWireFile } from '@/server/wire-ingest/ingest-item';
import { readIngestRequest } from '@/server/wire-ingest/read-ingest-request';
import { authenticateWireSource } from '@/server/wire-ingest/wire-sources';

/**
 * An agency delivers an item: `Authorization: Bearer <ingest token>`, the NewsML-G2 XML or ninjs
 * JSON as the body, or multipart with the item in `item` and a package's photos as `photo` files.
 * The token is checked before the body is read.
 */
export const POST = apiRoute(async (request) => {
  const sender = authenticateWireSource(request.headers.get('authorization'));
  const { text, photoFiles } = await readIngestRequest(request);
  const items = await ingestWireFile(sender, text, photoFiles);
  const stored = items.some((item) => item.result !== 'unchanged');
  return NextResponse.json({ items }, { status: stored ? 201 : 200 });
});
