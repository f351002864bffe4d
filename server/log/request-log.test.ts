import { describe, expect, it } from 'vitest';
import { currentRequestContext, noteRequestUser, serializeError } from './logger';
import { logRequest, REQUEST_ID_HEADER } from './request-log';

describe('logRequest', () => {
  it('gives the request an id that every line logged inside it carries, and sends it back', async () => {
    let seen: unknown;
    const response = await logRequest(new Request('http://localhost/api/articles?q=secret'), async () => {
      await Promise.resolve();
      noteRequestUser(7);
      seen = currentRequestContext();
      return Response.json({ ok: true }, { status: 201 });
    });
    const id = response.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toEqual({ requestId: id, userId: 7 });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(currentRequestContext()).toBeUndefined();
  });

  it('keeps a well-formed id from a proxy in front, and replaces anything else', async () => {
    const answer = (forwarded: string) =>
      logRequest(new Request('http://localhost/api/x', { headers: { [REQUEST_ID_HEADER]: forwarded } }), async () => new Response(null));
    expect((await answer('nginx-4f1c2a9b')).headers.get(REQUEST_ID_HEADER)).toBe('nginx-4f1c2a9b');
    expect((await answer('bad id {"x":1}')).headers.get(REQUEST_ID_HEADER)).not.toContain('bad');
  });
});

describe('serializeError', () => {
  it("keeps a failed query's SQL and drops its parameters, which may hold an article's text", () => {
    const driver = Object.assign(new Error('UNIQUE constraint failed: articles.slug'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    const error = new Error('Failed query: insert into "revisions" ("body") values (?)\nparams: {"type":"doc","text":"Secret draft"}', { cause: driver });
    const line = JSON.stringify(serializeError(error));
    expect(line).not.toContain('Secret draft');
    expect(line).toContain('insert into');
    expect(serializeError(error)).toMatchObject({ cause: { code: 'SQLITE_CONSTRAINT_UNIQUE' } });
  });
});
