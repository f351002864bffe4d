import { z } from 'zod';

/** How long a new preview link works, as the desk may choose it; two days unless they say otherwise. */
export const PREVIEW_LINK_HOURS = [24, 48, 168] as const;
export const DEFAULT_PREVIEW_LINK_HOURS = 48;

export const PREVIEW_LINK_HOURS_LABELS: Record<(typeof PREVIEW_LINK_HOURS)[number], string> = {
  24: '1 day',
  48: '2 days',
  168: '7 days',
};

export const CreatePreviewLinkInput = z.strictObject({
  /** `version`: the working copy as it is now, kept as it is; `latest`: always the newest working copy. */
  shows: z.enum(['version', 'latest']),
  hours: z.literal(PREVIEW_LINK_HOURS, { error: 'Choose how long the link works: 1, 2 or 7 days.' }).default(DEFAULT_PREVIEW_LINK_HOURS),
});
export type CreatePreviewLinkInput = z.infer<typeof CreatePreviewLinkInput>;

/** The address a preview link opens: the article's id, then the token. */
export function previewPath(articleId: number, token: string): string {
  return `/preview/${articleId}/${token}`;
}

/** One preview link as the article's panel lists it. Times are ISO-8601 UTC. */
export type PreviewLinkView = {
  id: number;
  /** The revision number it shows; null when it follows the latest working copy. */
  revisionNumber: number | null;
  createdByName: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastOpenedAt: string | null;
};

/** A link just made: the only time its address is known, as only a hash of its token is kept. */
export type CreatedPreviewLink = { link: PreviewLinkView; path: string };

/** Whether a request's path is under a preview link's address: private, whoever asks. */
export function isPreviewAddress(url: string | undefined): boolean {
  return url?.startsWith('/preview/') === true;
}
