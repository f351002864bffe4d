import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Connection, type Document, Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { checkUpdate } from '@/lib/co-editing/check-update';
import { collaboratorColour } from '@/lib/co-editing/collaborator-colour';
import type { SharedNotice } from '@/lib/co-editing/shared-notice';
import { log } from '@/server/log/logger';
import { currentCollabStanding } from './collab-access';
import { readCollabTicket, TicketRefusal } from './collab-ticket';
import { foldAndLog, foldArticleDocument } from './fold-document';
import { OPEN_DOCUMENTS_HOOK, type OpenDocuments } from './follow-working-copy';
import { loadArticleDocument } from './load-document';
import { storeCollabUpdate } from './store-update';

/** Where the editor's provider connects, on the same origin as the desk. */
export const COLLAB_PATH = '/collab';

/** What the server keeps about each person in a document, from their ticket. */
type Collaborator = { articleId: number; userId: number; sessionVersion: number; name: string; colour: string };

/** A refusal Hocuspocus passes on: `reason` is what the client is told and the log says. */
const refusal = (reason: string) => Object.assign(new Error(reason), { reason });

const DOCUMENT_NAME = /^article:([1-9][0-9]{0,15})$/;

function articleIdOf(documentName: string): number {
  const id = DOCUMENT_NAME.exec(documentName)?.[1];
  if (!id) throw refusal('unknown-document');
  return Number(id);
}

export function isCollabUpgrade(url: string | undefined): boolean {
  return url?.split('?')[0] === COLLAB_PATH;
}

export type CollabServerOptions = {
  /** A Yjs update larger than this is refused: a paste of a whole book, or an attack. */
  maxUpdateBytes: number;
  /** How often each connected person's rights are read again (disabled, role, article status). */
  recheckMs: number;
};

/** Presence messages one connection may send in a second: a caret moves with every key, so well above typing speed. */
const MAX_AWARENESS_PER_SECOND = 60;
const AWARENESS_WINDOW_MS = 1_000;

function announceTo(document: Document, notice: SharedNotice): void {
  document.broadcastStateless(JSON.stringify(notice));
}

/**
 * The co-editing endpoint (decision 023): Hocuspocus on WebSockets upgraded from Dateline's own
 * HTTP server. A person joins with a ticket (`POST /api/articles/:id/collab-ticket`); every update
 * they send is checked against the article's schema and stored before it is acknowledged; their
 * rights are read again every `recheckMs`, and a change closes their socket so that the provider
 * reconnects with a ticket for what they may do now.
 */
export function createCollabServer(options: CollabServerOptions) {
  const hocuspocus = new Hocuspocus<Collaborator>({
    quiet: true,
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const articleId = articleIdOf(documentName);
      let claims;
      try {
        claims = readCollabTicket(token, articleId);
      } catch (error) {
        if (error instanceof TicketRefusal) {
          log.warn({ articleId, reason: error.reason }, 'co-editing ticket refused');
          throw refusal(error.reason);
        }
        throw error;
      }
      const standing = currentCollabStanding(claims);
      if (!standing) throw refusal('no-longer-allowed');
      // The ticket's mode was the policy's answer a minute ago; the answer now is the one that counts.
      connectionConfig.readOnly = standing.mode === 'read';
      return {
        articleId,
        userId: standing.user.id,
        sessionVersion: claims.sessionVersion,
        name: standing.user.name,
        colour: collaboratorColour(standing.user.id),
      } satisfies Collaborator;
    },
    async onLoadDocument({ document, documentName }) {
      if (!loadArticleDocument(document, articleIdOf(documentName))) throw refusal('unknown-document');
    },
    // Hocuspocus calls this 2 s after the last change (at most every 10 s, and at once when the last
    // person leaves): the autosave rhythm the editor had alone.
    async onStoreDocument({ document, documentName }) {
      const outcome = foldAndLog(articleIdOf(documentName), document);
      if (outcome.folded) announceTo(document, { kind: 'article-changed' });
      else if (outcome.why === 'refused') announceTo(document, { kind: 'not-saved', problem: outcome.problem, fields: outcome.fields });
    },
    // Awaited before the update is applied and acknowledged: the only place where "acknowledged"
    // can mean "checked and stored". A refused update is neither applied nor stored.
    async beforeSync({ connection, document, type, payload, context }) {
      if (type === 0 || connection.readOnly) return;
      const verdict = checkUpdate(payload, document, { maxUpdateBytes: options.maxUpdateBytes });
      if (!verdict.ok) {
        log.warn({ articleId: context.articleId, userId: context.userId, reason: verdict.reason, bytes: payload.byteLength }, 'co-editing update refused');
        throw refusal(verdict.reason);
      }
      storeCollabUpdate(context.articleId, context.userId, payload);
    },
    // A person is shown to the others by the name and colour of their ticket, whatever their client
    // claims; a client sending presence faster than anyone types is cut off before it floods the others.
    async beforeHandleAwareness({ states, context, connection }) {
      if (!context || !connection) return;
      if (isFlooding(connection, Date.now())) {
        log.warn({ articleId: context.articleId, userId: context.userId }, 'co-editing awareness flood refused');
        throw refusal('awareness-flood');
      }
      for (const state of states.values()) state.user = { name: context.name, color: context.colour };
    },
  });

  const findDocument = (articleId: number) => hocuspocus.documents.get(`article:${articleId}`);

  const awarenessWindows = new WeakMap<Connection, { startedAt: number; count: number }>();
  function isFlooding(connection: Connection, now: number): boolean {
    const window = awarenessWindows.get(connection);
    if (!window || now - window.startedAt >= AWARENESS_WINDOW_MS) {
      awarenessWindows.set(connection, { startedAt: now, count: 1 });
      return false;
    }
    window.count += 1;
    return window.count > MAX_AWARENESS_PER_SECOND;
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxUpdateBytes + 1024 });

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const client = hocuspocus.handleConnection(webSocket, new Request(`http://${headers.get('host') ?? 'localhost'}${request.url ?? COLLAB_PATH}`, { headers }));
      webSocket.on('message', (data: Buffer) => client.handleMessage(new Uint8Array(data)));
      webSocket.on('close', (code, reason) => client.handleClose({ code, reason: reason.toString() }));
    });
  }

  /** Closes the socket of each person whose rights changed: they reconnect with what they may do now, or not at all. */
  function recheckRights(): void {
    for (const document of hocuspocus.documents.values()) {
      for (const connection of document.getConnections() as Connection<Collaborator>[]) {
        const standing = currentCollabStanding(connection.context);
        const mode = connection.readOnly ? 'read' : 'edit';
        if (standing?.mode === mode) continue;
        log.info({ articleId: connection.context.articleId, userId: connection.context.userId, now: standing?.mode ?? 'none' }, 'co-editing rights changed');
        connection.webSocket.close(4403, standing ? 'rights-changed' : 'no-longer-allowed');
      }
    }
  }
  const recheck = setInterval(recheckRights, options.recheckMs);
  recheck.unref();

  return {
    handleUpgrade,
    /** For a graceful stop: every client reconnects, to this server once it is back or to another. */
    closeAll(): void {
      clearInterval(recheck);
      // Sockets only: closing each document's connection first would tell the editors that the
      // server refused them, when it is only going away for a moment.
      for (const webSocket of sockets.clients) webSocket.close(1012, 'server-restarting');
    },
    /** The document as served, while people have it open. */
    find: findDocument,
    /** Writes from outside the shared document (restores, API saves, Save) reach the people in it through these. */
    openDocuments: {
      apply(articleId, update) {
        const document = findDocument(articleId);
        if (document) Y.applyUpdate(document, update, OPEN_DOCUMENTS_HOOK);
        return document !== undefined;
      },
      fold(articleId, savedBy) {
        const document = findDocument(articleId);
        return document ? foldArticleDocument(articleId, document, new Date(), savedBy) : null;
      },
      announce(articleId, notice) {
        const document = findDocument(articleId);
        if (document) announceTo(document, notice);
      },
    } satisfies OpenDocuments,
  };
}

export type CollabServer = ReturnType<typeof createCollabServer>;
