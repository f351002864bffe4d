'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiFetch } from '@/lib/api-client';
import { type EditLockState, HEARTBEAT_MS } from '@/lib/edit-lock';
import { articleKeys } from '@/lib/query-keys';

/**
 * Holds the article's edit lock while the screen is open: the heartbeat is a TanStack Query poll
 * that also tells a former holder, at their next beat, that someone took over. Released on leave.
 */
export function useEditLock(articleId: number, wanted: boolean) {
  const queryClient = useQueryClient();
  const url = `/api/articles/${articleId}/lock`;

  const heartbeat = useQuery({
    queryKey: articleKeys.lock(articleId),
    queryFn: () => apiFetch<EditLockState>(url, { method: 'POST', body: { takeOver: false } }),
    enabled: wanted,
    refetchInterval: HEARTBEAT_MS,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
    staleTime: 0,
    retry: false,
  });

  const takeOver = useMutation({
    mutationFn: () => apiFetch<EditLockState>(url, { method: 'POST', body: { takeOver: true } }),
    onSuccess: (state) => queryClient.setQueryData(articleKeys.lock(articleId), state),
  });

  useEffect(() => {
    if (!wanted) return;
    const release = () => {
      void fetch(url, { method: 'DELETE', keepalive: true });
    };
    window.addEventListener('pagehide', release);
    return () => {
      window.removeEventListener('pagehide', release);
      release();
    };
  }, [url, wanted]);

  return { lock: heartbeat.data ?? null, lockError: heartbeat.error, takeOver };
}
