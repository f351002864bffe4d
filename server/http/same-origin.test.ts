import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/app-error';
import { assertSameOrigin, CROSS_SITE_REFUSED } from './same-origin';

const SITE_URL = 'https://news.example.org';

function request(method: string, headers: Record<string, string>): Request {
  return new Request('http://127.0.0.1:3000/api/articles', { method, headers });
}

function refusal(method: string, headers: Record<string, string>): AppError | undefined {
  try {
    assertSameOrigin(request(method, headers), SITE_URL);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('assertSameOrigin', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses a cross-site %s with 403 and a message for a person', (method) => {
    const error = refusal(method, { host: 'localhost:3000', origin: 'https://evil.example' });
    expect(error?.code).toBe('FORBIDDEN');
    expect(error?.status).toBe(403);
    expect(error?.message).toBe(CROSS_SITE_REFUSED);
  });

  it.each(['GET', 'HEAD', 'OPTIONS'])('lets a %s from anywhere through: it changes nothing', (method) => {
    expect(refusal(method, { host: 'localhost:3000', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toBeUndefined();
  });

  it('accepts the origin of the host the request was addressed to, whatever the scheme', () => {
    expect(refusal('POST', { host: 'localhost:3000', origin: 'http://localhost:3000' })).toBeUndefined();
    // TLS ends at a reverse proxy; this server is spoken to in http.
    expect(refusal('POST', { host: 'localhost:3000', origin: 'https://localhost:3000' })).toBeUndefined();
  });

  it('takes the host a reverse proxy forwarded over the one it connected to', () => {
    const headers = { host: '127.0.0.1:3000', 'x-forwarded-host': 'desk.example.org', origin: 'https://desk.example.org' };
    expect(refusal('POST', headers)).toBeUndefined();
    expect(refusal('POST', { ...headers, origin: 'https://127.0.0.1:3000' })).toBeDefined();
  });

  it('accepts SITE_URL as the origin', () => {
    expect(refusal('POST', { host: '127.0.0.1:3000', origin: SITE_URL })).toBeUndefined();
  });

  it('refuses another port, a sibling subdomain and the opaque origin "null"', () => {
    expect(refusal('POST', { host: 'localhost:3000', origin: 'http://localhost:3001' })).toBeDefined();
    expect(refusal('POST', { host: 'news.example.org', origin: 'https://blog.news.example.org' })).toBeDefined();
    expect(refusal('POST', { host: 'localhost:3000', origin: 'null' })).toBeDefined();
  });

  it('without Origin, goes by Sec-Fetch-Site: same-origin and none pass, same-site and cross-site do not', () => {
    expect(refusal('POST', { host: 'localhost:3000', 'sec-fetch-site': 'same-origin' })).toBeUndefined();
    expect(refusal('POST', { host: 'localhost:3000', 'sec-fetch-site': 'none' })).toBeUndefined();
    expect(refusal('POST', { host: 'localhost:3000', 'sec-fetch-site': 'same-site' })?.code).toBe('FORBIDDEN');
    expect(refusal('DELETE', { host: 'localhost:3000', 'sec-fetch-site': 'cross-site' })?.code).toBe('FORBIDDEN');
  });

  it('lets a client that is not a browser (no Origin, no Sec-Fetch-Site) through', () => {
    expect(refusal('PUT', { host: 'localhost:3000' })).toBeUndefined();
  });
});
