'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // A refused or conflicting save must be seen by the person, never retried behind their
          // back; and requests go out even when the browser thinks it is offline, so the screen
          // can say "Offline — changes kept on this device" instead of waiting silently.
          mutations: { retry: false, networkMode: 'always' },
          queries: { staleTime: 30_000, networkMode: 'always' },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
