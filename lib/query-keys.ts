/** TanStack Query keys: one factory, so every mutation can invalidate exactly what it changed. */
export const photoKeys = {
  all: ['photos'] as const,
  list: (filters: { q: string; missingCredit: boolean }) => ['photos', 'list', filters] as const,
  detail: (id: number) => ['photos', id] as const,
};

export const commentKeys = {
  list: (articleId: number) => ['articles', articleId, 'comments'] as const,
};

export const revisionKeys = {
  history: (articleId: number) => ['articles', articleId, 'revisions'] as const,
  comparison: (articleId: number, from: number, to: number) => ['articles', articleId, 'compare', from, to] as const,
};

export const previewLinkKeys = {
  list: (articleId: number) => ['articles', articleId, 'preview-links'] as const,
};

export const searchSocialKeys = {
  detail: (articleId: number) => ['articles', articleId, 'search-social'] as const,
};

export const liveKeys = {
  /** A live story's desk: its coverage, every entry and the viewer's unposted entry. */
  desk: (articleId: number) => ['articles', articleId, 'live'] as const,
  entryRevisions: (articleId: number, entryId: number) => ['articles', articleId, 'live', 'entries', entryId, 'revisions'] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
  bell: ['notifications', 'bell'] as const,
  list: ['notifications', 'list'] as const,
};

export const reviewKeys = {
  queue: ['review-queue'] as const,
};

export const tagKeys = {
  suggestions: (q: string) => ['tags', 'suggestions', q] as const,
};
