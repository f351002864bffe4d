/** TanStack Query keys: one factory, so every mutation can invalidate exactly what it changed. */
export const articleKeys = {
  all: ['articles'] as const,
  detail: (id: number) => ['articles', id] as const,
  lock: (id: number) => ['articles', id, 'lock'] as const,
};
