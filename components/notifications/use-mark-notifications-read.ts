'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { notificationKeys } from '@/lib/query-keys';
import type { MarkNotificationsReadInput } from '@/lib/validation/notifications';

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkNotificationsReadInput) =>
      apiFetch<{ unreadCount: number }>('/api/notifications', { method: 'POST', body: input }),
    // The bell and the notifications page show the same rows: both are refreshed, so neither keeps
    // an unread mark (or count) the other has cleared.
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
