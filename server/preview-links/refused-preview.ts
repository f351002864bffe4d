import 'server-only';
import { PRIVATE_CACHE_CONTROL } from '@/server/public-cache/match-request';
import { plainPageHtml } from '@/server/public/plain-page';
import type { PreviewRefusalReason } from './preview-token';

/** Every answer at a preview address, shown or refused: never kept by a cache, never indexed. */
export const PREVIEW_HEADERS = { 'cache-control': PRIVATE_CACHE_CONTROL, 'x-robots-tag': 'noindex' } as const;

/**
 * What a refused preview link answers. A link that was real but has ended is Gone (410), and says
 * so, so its reader knows to ask for a new one; anything else (made up, altered, or moved to another
 * story's address) is Not Found (404), as if there were nothing there.
 */
export function refusedPreviewResponse(reason: PreviewRefusalReason, site: { name: string; language: string }): Response {
  const ended = reason === 'expired' || reason === 'revoked';
  const page = ended
    ? {
        title: 'Preview link ended',
        code: '410 · Gone',
        main: `<h1>This preview link has ${reason === 'expired' ? 'expired' : 'been withdrawn'}</h1>
<p>${reason === 'expired' ? 'Preview links work for a limited time.' : 'The newsroom has switched this link off.'} Ask the person who sent it for a new one.</p>
`,
      }
    : {
        title: 'Preview link not valid',
        code: '404 · Not found',
        main: `<h1>This preview link is not valid</h1>
<p>Check that the whole address was copied, or ask the person who sent it for a new one.</p>
`,
      };
  return new Response(plainPageHtml(page, site), { status: ended ? 410 : 404, headers: { 'content-type': 'text/html; charset=utf-8', ...PREVIEW_HEADERS } });
}
