/**
 * `npm start`: Dateline's HTTP server. Next.js answers everything, except a reader's request for a
 * public document that the public cache holds, which is answered before Next's request handling
 * (docs/decisions/017-public-cache-in-front-of-next.md). Run by Node with tsx's loader and the
 * `react-server` condition, as the shell scripts are, so it shares the app's server modules; one
 * process, so signals reach it directly.
 */
import http from 'node:http';
import next from 'next';
import onHeaders from 'on-headers';
import { env } from '@/server/env';
import { log } from '@/server/log/logger';
import { isPreviewAddress } from '@/lib/preview-links/preview-link';
import { mustStayPrivate, PRIVATE_CACHE_CONTROL } from '@/server/public-cache/match-request';
import { exitUnlessSupportedNode } from '@/server/ops/supported-node';

/** Longer than a load balancer's idle timeout (60 s on most): the server never closes a connection the balancer is about to reuse. */
const KEEP_ALIVE_TIMEOUT_MS = 70_000;

/**
 * tsx turns Node's source maps on for the whole process, and Node then reads and keeps the map of
 * every module loaded after, Next's server chunks among them: 70 MB of the heap, and a third of the
 * server's memory (docs/decisions/017). `next start` runs without them too; `SOURCE_MAPS=1` keeps
 * them, for whoever chases a stack trace.
 */
function keepSourceMapsOnlyWhenAsked(): void {
  if (env().SOURCE_MAPS === '0') process.setSourceMapsEnabled(false);
}

/** A live reader with this much unsent is not reading, and is dropped to reconnect. */
const LIVE_STREAM_MAX_BUFFERED_BYTES = 1024 * 1024;
/** How soon a change committed by another server process on the same database reaches this one's readers. */
const LIVE_FOLLOW_MS = 250;
/** Within the idle timeouts of proxies and CDNs (Varnish's between-bytes timeout is 60 s). */
const LIVE_HEARTBEAT_MS = 15_000;
const LIVE_REPLAY_LIMIT = 1_000;
const LIVE_READERS_PER_TURN = 200;
/** Issue 18: a person whose rights end is disconnected within a second. */
const COLLAB_RECHECK_MS = 500;
/**
 * Room for a whole story in one update (a paste, or a reconnecting client's offline work): the body's
 * own limit is 1 MB of JSON, and Yjs encodes the same text in fewer bytes.
 */
const COLLAB_MAX_UPDATE_BYTES = 2 * 1024 * 1024;

async function start(): Promise<void> {
  // Before anything loads the database module, which crashes an unsupported Node outright.
  exitUnlessSupportedNode();
  keepSourceMapsOnlyWhenAsked();
  const { createPublicCache } = await import('@/server/public-cache/serve-from-cache');
  const { createLiveStreams, installLiveStreams } = await import('@/server/live-coverage/live-streams');
  const { isLiveEventsRequest, readerAddressOf, serveLiveEvents } = await import('@/server/live-coverage/serve-live-events');
  const { createCollabServer, isCollabUpgrade } = await import('@/server/co-editing/collab-server');
  const { installOpenDocuments } = await import('@/server/co-editing/follow-working-copy');
  const config = env();
  const app = next({ dev: false, dir: process.cwd(), port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const cache = createPublicCache({ origin: `http://127.0.0.1:${config.PORT}`, maxBytes: config.PUBLIC_CACHE_MAX_MB * 1024 * 1024 });
  const liveStreams = createLiveStreams({
    perAddress: config.LIVE_STREAMS_PER_ADDRESS,
    total: config.LIVE_STREAMS_MAX,
    maxBufferedBytes: LIVE_STREAM_MAX_BUFFERED_BYTES,
    followMs: LIVE_FOLLOW_MS,
    heartbeatMs: LIVE_HEARTBEAT_MS,
    replayLimit: LIVE_REPLAY_LIMIT,
    readersPerTurn: LIVE_READERS_PER_TURN,
  });
  installLiveStreams(liveStreams);
  const serveLive = serveLiveEvents(liveStreams, readerAddressOf(config.TRUSTED_PROXIES));

  const server = http.createServer((request, response) => {
    // Held open for as long as the reader reads: answered here, outside Next's request handling,
    // so that thousands cost a socket and a set entry each (docs/decisions/021).
    if (isLiveEventsRequest(request.url)) return serveLive(request, response);
    // Next marks a public page cacheable even when a signed-in editor reads it; nothing a session
    // or a write touches may be kept by a cache in front. Files named by their content (scripts,
    // photo renditions) are the same for everyone and stay immutable. A preview link's page is
    // private whoever opens it: Next would send its own, longer, cache-control for it.
    if (mustStayPrivate(request.method, request.headers) || isPreviewAddress(request.url)) {
      onHeaders(response, () => {
        if (!String(response.getHeader('cache-control') ?? '').includes('immutable')) response.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
      });
    }
    cache
      .serve(request, response)
      .then((served) => (served ? undefined : handle(request, response)))
      .catch((error: unknown) => {
        log.error({ err: error, path: request.url?.split('?')[0] }, 'request failed');
        if (!response.headersSent) {
          response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': PRIVATE_CACHE_CONTROL });
        }
        response.end('Internal Server Error');
      });
  });
  // Co-editing's WebSocket (docs/decisions/023) is the only upgrade this server accepts.
  const collab = createCollabServer({ maxUpdateBytes: COLLAB_MAX_UPDATE_BYTES, recheckMs: COLLAB_RECHECK_MS });
  installOpenDocuments(collab.openDocuments);
  server.on('upgrade', (request, socket, head) => {
    if (isCollabUpgrade(request.url)) return collab.handleUpgrade(request, socket, head);
    socket.destroy();
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;

  // Graceful stop (server/ops/shutdown.ts does the rest): no new connections, requests in flight
  // finish, idle keep-alive connections close, then the process exits and the database is closed.
  const stop = () => {
    server.close(() => process.exit(0));
    // Event streams never finish by themselves: ended, their readers reconnect elsewhere and resume.
    liveStreams.closeAll();
    collab.closeAll();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  server.listen(config.PORT, () => log.info({ url: `http://localhost:${config.PORT}`, cacheMb: config.PUBLIC_CACHE_MAX_MB }, 'ready'));
}

start().catch((error: unknown) => {
  log.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
