/**
 * Real mail servers for tests, in the test process: an SMTP server (`smtp-server`) that keeps what
 * it receives, parsed by `mailparser`, and the two ways a mail server fails: nobody listening, and
 * one that takes the connection and never says a word.
 */
import net from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { envelopeTo: string[]; raw: string; parsed: ParsedMail };

export type TestMailServer = { url: string; received: ReceivedMail[]; close: () => Promise<void> };

function listen(server: net.Server | SMTPServer, port = 0): Promise<number> {
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = (server as { server?: net.Server }).server?.address() ?? (server as net.Server).address();
      resolve((address as net.AddressInfo).port);
    });
  });
}

/**
 * An SMTP server that accepts every message (no TLS, no auth: it is loopback only), on a free port
 * or the one given; the e2e suite's (e2e/mail.ts) is one too.
 */
export async function startMailServer(options: { port?: number; onMessage?: (mail: ReceivedMail) => void } = {}): Promise<TestMailServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            const mail = { envelopeTo: session.envelope.rcptTo.map((to) => to.address), raw, parsed };
            received.push(mail);
            options.onMessage?.(mail);
            callback();
          })
          .catch(callback);
      });
    },
  });
  const port = await listen(server, options.port);
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A server that accepts the connection and then says nothing, ever: the greeting never comes. */
export async function startSilentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An address where nothing listens: connecting is refused at once. */
export async function refusingAddress(): Promise<string> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return `smtp://127.0.0.1:${port}`;
}
