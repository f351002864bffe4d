'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiFetch } from '@/lib/api-client';
import type { PhotoPage } from '@/lib/photos/photo-view';
import { photoKeys } from '@/lib/query-keys';

export type PhotoLibraryFilters = { q: string; missingCredit: boolean };

function listUrl({ q, missingCredit }: PhotoLibraryFilters, cursor: string | null): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (missingCredit) params.set('missingCredit', '1');
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/api/photos?${query}` : '/api/photos';
}

/** The library, newest first, a page at a time; a new search keeps the old grid up until it answers. */
export function usePhotoLibrary({ q, missingCredit }: PhotoLibraryFilters) {
  // "afp " and "afp" are the same search, so they share one cache entry.
  const filters = { q: q.trim(), missingCredit };
  const query = useInfiniteQuery({
    queryKey: photoKeys.list(filters),
    queryFn: ({ pageParam }) => apiFetch<PhotoPage>(listUrl(filters, pageParam), { method: 'GET' }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const { data } = query;
  const photos = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  return {
    photos,
    fetchNextPage: query.fetchNextPage,
    hasNextPage: query.hasNextPage,
    isFetching: query.isFetching,
    isFetchingNextPage: query.isFetchingNextPage,
    isPending: query.isPending,
    error: query.error,
  };
}
