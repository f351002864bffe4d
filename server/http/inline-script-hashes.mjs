// @ts-check
/**
 * The CSP hashes ('sha256-…') of a page's inline scripts (React's payload, Next's bootstrap): a
 * cached page cannot carry the nonce of the request it is sent to, so its Content-Security-Policy
 * allows these instead (docs/decisions/013-security-headers-and-csp.md). Plain JavaScript: Next's
 * page cache handler, which Next loads outside the app's bundles, uses it too.
 */
import { createHash } from 'node:crypto';

// A data block such as the story's JSON-LD is never run, so CSP does not govern it.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)(?![^>]*\stype="(?!text\/javascript|module)[^"]*")[^>]*>([\s\S]*?)<\/script>/g;

/** @param {string} html @returns {string[]} */
export function inlineScriptHashes(html) {
  return Array.from(html.matchAll(INLINE_SCRIPT), ([, body]) => `'sha256-${createHash('sha256').update(body ?? '').digest('base64')}'`);
}
