import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fieldsMap } from '@/lib/co-editing/article-document';
import type { SessionUser } from '@/lib/session-user';
import { makeUser, writtenStory } from '@/tests/factories';
import { issueCollabTicket } from './collab-ticket';
import { loadArticleDocument } from './load-document';

/**
 * `kill -9` in the middle of a co-editing session: every keystroke the server acknowledged is in
 * the database when it dies, and once it is started again every editor reconnects by itself and
 * goes on typing. The server runs in a process of its own, on this test's database.
 */

let port: number;
let server: ChildProcess | undefined;
let writer: SessionUser;
let desk: SessionUser;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

/** Starts the co-editing server on this test's DATA_DIR and port; resolves once it listens. */
function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/collab-server-process.ts'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the co-editing server exited with ${code} before it was ready`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  [writer, desk] = await Promise.all([makeUser('editor', 'Rita Writer'), makeUser('copy_editor', 'Cora Desk')]);
  port = await freePort();
  server = await startServer();
});

afterAll(async () => {
  if (server && server.exitCode === null) await killHard(server);
});

function join(user: SessionUser, articleId: number) {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: `ws://127.0.0.1:${port}/collab`,
    name: `article:${articleId}`,
    document: doc,
    token: () => issueCollabTicket(user, articleId).ticket,
  });
  return { doc, provider, headline: () => fieldsMap(doc).get('headline')! };
}

const acknowledged = (editor: ReturnType<typeof join>) => editor.provider.isSynced && !editor.provider.hasUnsyncedChanges;

describe('the co-editing server killed mid-session', () => {
  it('loses no acknowledged keystroke, and every editor reconnects by itself once it is back', async () => {
    const story = writtenStory(writer, 'Quake');
    const editors = [join(writer, story.id), join(desk, story.id)];
    try {
      await expect.poll(() => editors.every(acknowledged)).toBe(true);
      // Keystroke by keystroke, as people type, each acknowledged before the kill.
      for (const [index, letter] of [...' hits the coast'].entries()) {
        const editor = editors[index % 2]!;
        editor.headline().insert(editor.headline().length, letter);
        await expect.poll(() => editors.every(acknowledged)).toBe(true);
      }
      expect(editors[1]!.headline().toString()).toBe('Quake hits the coast');

      await killHard(server!);
      // What the dead server left in the database, read by another process: nobody has resent anything yet.
      const stored = new Y.Doc();
      loadArticleDocument(stored, story.id);
      expect(fieldsMap(stored).get('headline')!.toString()).toBe('Quake hits the coast');

      // Typed while the server is down: kept on the device and merged once it is back.
      editors[0]!.headline().insert(0, 'Breaking: ');
      server = await startServer();
      await expect.poll(() => editors.every(acknowledged), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => editors.map((editor) => editor.headline().toString())).toEqual(['Breaking: Quake hits the coast', 'Breaking: Quake hits the coast']);
      const after = new Y.Doc();
      loadArticleDocument(after, story.id);
      expect(fieldsMap(after).get('headline')!.toString()).toBe('Breaking: Quake hits the coast');
    } finally {
      for (const editor of editors) editor.provider.destroy();
    }
  });
});
