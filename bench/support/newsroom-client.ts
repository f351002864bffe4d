import { performance } from 'node:perf_hooks';
import type { BodyDoc } from '@/lib/article-body';

/**
 * A person at the desk, over HTTP as the browser does it: signs in through next-auth's credentials
 * endpoint, then calls the JSON API with the session cookie. Every call is timed; a refused or
 * failed one is returned, not thrown, so a soak can count it.
 */

/** Answers that never come back count as errors; nothing in a soak may wait forever. */
const REQUEST_TIMEOUT_MS = 15_000;

export type Timed<T> = { ok: boolean; status: number; ms: number; data?: T; error?: string };

export async function timedFetch<T>(url: string, init: RequestInit = {}): Promise<Timed<T>> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    const ms = performance.now() - started;
    const isJson = response.headers.get('content-type')?.includes('json');
    return { ok: response.ok, status: response.status, ms, data: isJson && text ? (JSON.parse(text) as T) : undefined, error: response.ok ? undefined : text.slice(0, 200) };
  } catch (error) {
    return { ok: false, status: 0, ms: performance.now() - started, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}

/** The fields a save sends. */
export function saveFields(headline: string, body: BodyDoc): Record<string, unknown> {
  return { headline, standfirst: 'Filed from the soak test.', datelinePlace: 'LONDON', datelineSource: 'Dateline', byline: 'Soak Desk', leadPhoto: null, body };
}

export class DeskSession {
  private constructor(
    /** Where the server is now: a crash test moves it to a restarted server. */
    public baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<DeskSession> {
    const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/desk` });
    const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrfResponse).join('; ') },
      body: form,
    });
    const session = cookiesOf(response).find((cookie) => cookie.includes('session-token='));
    if (!session) throw new Error(`signing in as ${email} failed: ${response.status} ${response.headers.get('location') ?? ''}`);
    return new DeskSession(baseUrl, session);
  }

  private call<T>(method: string, apiPath: string, body?: unknown): Promise<Timed<T>> {
    return timedFetch<T>(`${this.baseUrl}${apiPath}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  createArticle(): Promise<Timed<{ id: number }>> {
    return this.call('POST', '/api/articles');
  }

  /** A new article with its text saved once, as a writer's first save: its id and version. */
  async newDraft(headline: string, body: BodyDoc): Promise<{ id: number; version: number }> {
    const created = await this.createArticle();
    if (!created.data) throw new Error(`creating an article failed: ${created.status} ${created.error}`);
    const saved = await this.save(created.data.id, saveFields(headline, body), 1, 'save');
    if (!saved.data) throw new Error(`the first save failed: ${saved.status} ${saved.error}`);
    return { id: created.data.id, version: saved.data.version };
  }

  article(id: number): Promise<Timed<{ version: number; revisionNumber: number }>> {
    return this.call('GET', `/api/articles/${id}`);
  }

  save(id: number, fields: Record<string, unknown>, version: number, mode: 'save' | 'autosave'): Promise<Timed<{ version: number; revisionNumber: number }>> {
    return this.call('PUT', `/api/articles/${id}`, { ...fields, version, mode });
  }

  /** One step of the status flow (submit, approve, publish…) over the given version. */
  workflow(id: number, step: { action: string; version: number } & Record<string, unknown>): Promise<Timed<{ version: number; slug: string | null }>> {
    return this.call('POST', `/api/articles/${id}/workflow`, step);
  }

  makeLive(id: number): Promise<Timed<unknown>> {
    return this.call('POST', `/api/articles/${id}/live`);
  }

  postLiveEntry(id: number, entry: { headline: string; body: BodyDoc; authorIds: number[] }): Promise<Timed<{ id: number; postedAt: string }>> {
    return this.call('POST', `/api/articles/${id}/live/entries`, entry);
  }

  uploadPhoto(name: string, bytes: Buffer): Promise<Timed<{ photo: { id: number; sha256?: string } }>> {
    return timedFetch(`${this.baseUrl}/api/photos?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
  }
}
