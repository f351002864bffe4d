/**
 * A Server-Sent Events reader over plain HTTP, for tests and benches: what EventSource does, with
 * the connection in the caller's hands (to drop it, to stop reading it, to count its bytes).
 */
import http from 'node:http';
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type EventStream = {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: EventSourceMessage[];
  /** The id of the last event received: what EventSource sends back as Last-Event-ID. */
  lastEventId: string | undefined;
  /** How long the server asked readers to wait before reconnecting (`retry:`), in ms, once it has said. */
  retry: number | undefined;
  /** Resolves with the first event (from now or already received) that matches. */
  next(match?: (event: EventSourceMessage) => boolean): Promise<EventSourceMessage>;
  /** Resolves when the server ends or drops the stream. */
  closed: Promise<void>;
  /** The client drops the connection. */
  close(): void;
  request: http.ClientRequest;
  response: http.IncomingMessage;
};

export type EventStreamOptions = {
  lastEventId?: string;
  onEvent?: (event: EventSourceMessage) => void;
  agent?: http.Agent;
  /**
   * Keep every event in `events` (the default), for `next()` to find one already received. A bench
   * holding thousands of streams reads them in `onEvent` instead, so their copies do not pile up.
   */
  keepEvents?: boolean;
};

export function openEventStream(url: string, options: EventStreamOptions = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: options.agent ?? false, headers: { accept: 'text/event-stream', ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}) } }, (response) => {
      const events: EventSourceMessage[] = [];
      const waiting: { match: (event: EventSourceMessage) => boolean; resolve: (event: EventSourceMessage) => void }[] = [];
      const stream: EventStream = {
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        lastEventId: options.lastEventId,
        retry: undefined,
        next(match = () => true) {
          const found = events.find(match);
          if (found) return Promise.resolve(found);
          return new Promise((done) => waiting.push({ match, resolve: done }));
        },
        closed: new Promise((done) => {
          response.on('close', () => done());
          request.on('error', () => done());
        }),
        close: () => request.destroy(),
        request,
        response,
      };
      const parser = createParser({
        onEvent(event) {
          if (options.keepEvents !== false) events.push(event);
          if (event.id) stream.lastEventId = event.id;
          options.onEvent?.(event);
          for (const waiter of [...waiting]) {
            if (!waiter.match(event)) continue;
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(event);
          }
        },
        onRetry(ms) {
          stream.retry = ms;
        },
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => parser.feed(chunk));
      response.on('error', () => undefined);
      resolve(stream);
    });
    request.on('error', reject);
  });
}
