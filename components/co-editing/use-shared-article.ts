'use client';

import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { CollabMode, CollabTicket } from '@/lib/co-editing/collab-mode';
import { connectOnceClosed } from '@/lib/co-editing/connect-once-closed';
import { readSharedNotice, type SharedNotice } from '@/lib/co-editing/shared-notice';

/** How long to wait before asking for a ticket again after one was refused (signed out, no right yet). */
const TICKET_RETRY_MS = 3_000;

export type SharedArticle = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Whether the socket is open now (the status in state lags a render behind). */
  connected: () => boolean;
};

export type SharedState = {
  /** The document and its connection, once the provider has loaded (right after the page). */
  shared: SharedArticle | null;
  /** What the policy lets this person do, from their latest ticket; null until the first. */
  mode: CollabMode | null;
  /** The server's copy has arrived once: from here on the screen shows the shared document. */
  loaded: boolean;
  online: boolean;
  /** Changes made here that the server has not acknowledged (stored) yet. */
  unsynced: boolean;
  signedOut: boolean;
  /** The server closed this screen's connection to the article for good, and why. */
  refused: string | null;
};

type Listeners = { onNotice: (notice: SharedNotice) => void; onModeChange: (mode: CollabMode) => void };

/**
 * Joins the article's shared document (decision 023): a Yjs document kept in step with everyone
 * else's through Dateline's `/collab` WebSocket. Each (re)connection presents a fresh ticket, so a
 * person whose rights changed comes back with what they may do now; a refused ticket (the session
 * ended, say) is asked for again every few seconds, so signing in again in another tab is enough
 * for typing here to reach the server. Edits made offline stay in the document and merge on return.
 */
export function useSharedArticle(articleId: number, listeners: Listeners): SharedState {
  const [state, setState] = useState<SharedState>({
    shared: null,
    mode: null,
    loaded: false,
    online: false,
    unsynced: false,
    signedOut: false,
    refused: null,
  });
  const latest = useRef(listeners);
  useEffect(() => {
    latest.current = listeners;
  });

  useEffect(() => {
    const doc = new Y.Doc();
    const update = (change: Partial<SharedState>) => setState((current) => ({ ...current, ...change }));
    let stopped = false;
    let stop = () => doc.destroy();

    // The provider loads with the editor, after the page: the fields show the server's text meanwhile.
    void Promise.all([import('@hocuspocus/provider'), import('@hocuspocus/common')]).then(([{ HocuspocusProvider, WebSocketStatus }, { ResetConnection }]) => {
      if (stopped) return;
      let retry: ReturnType<typeof setTimeout> | undefined;
      let mode: CollabMode | null = null;

      const provider = new HocuspocusProvider({
        url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`,
        name: `article:${articleId}`,
        document: doc,
        token: async () => {
          try {
            const ticket = await apiFetch<CollabTicket>(`/api/articles/${articleId}/collab-ticket`, { method: 'POST' });
            if (ticket.mode !== mode) {
              mode = ticket.mode;
              latest.current.onModeChange(ticket.mode);
            }
            update({ mode: ticket.mode, signedOut: false });
            return ticket.ticket;
          } catch (error) {
            if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') update({ signedOut: true });
            throw error;
          }
        },
      });
      const socket = provider.configuration.websocketProvider;
      update({ shared: { doc, provider, connected: () => socket.status === WebSocketStatus.Connected } });

      provider.on('status', ({ status }: { status: string }) => update({ online: status === WebSocketStatus.Connected }));
      provider.on('synced', () => update({ loaded: true }));
      provider.on('unsyncedChanges', ({ number }: { number: number }) => update({ unsynced: number > 0 }));
      provider.on('stateless', ({ payload }: { payload: string }) => {
        const notice = readSharedNotice(payload);
        if (notice) latest.current.onNotice(notice);
      });
      // A new connection asks for a new ticket.
      const reconnectSoon = () => {
        clearTimeout(retry);
        retry = setTimeout(() => {
          socket.disconnect();
          connectOnceClosed(socket);
        }, TICKET_RETRY_MS);
      };
      // A ticket refused (or not given: signed out, rights gone) is asked for again on a new connection.
      provider.on('authenticationFailed', reconnectSoon);
      // A closed socket reconnects by itself. Closing only this document's connection is the server's
      // way of refusing something this screen sent: sending it again would be refused again, so the
      // screen stops and says so. A reset (the document failed to load) is worth another try.
      provider.on('close', ({ event }: { event: CloseEvent }) => {
        if (event.code !== 1000 || !event.reason) return;
        if (event.reason === ResetConnection.reason) reconnectSoon();
        else update({ refused: event.reason });
      });

      // The browser knows the network is gone before the socket does (a dead socket can take half a
      // minute to notice): say so at once, and connect again the moment it is back.
      const goOffline = () => socket.disconnect();
      const goOnline = () => connectOnceClosed(socket);
      window.addEventListener('offline', goOffline);
      window.addEventListener('online', goOnline);

      stop = () => {
        window.removeEventListener('offline', goOffline);
        window.removeEventListener('online', goOnline);
        clearTimeout(retry);
        provider.destroy();
        doc.destroy();
      };
    });

    return () => {
      stopped = true;
      stop();
    };
  }, [articleId]);

  return state;
}
