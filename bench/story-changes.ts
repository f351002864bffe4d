/**
 * A story's What changed page on the server: `findStoryChanges` for a story whose two public
 * versions have 10,000-word bodies (the desk's edits of bench/revision-diff.ts: paragraphs edited,
 * one moved, some added and removed), with three legal removals applied to both. Times the whole
 * read the page makes: the revisions read from SQLite, the captions, the removals, the word diff.
 * React's render of the result is not in it. A fresh database in a temporary folder; nothing is
 * kept. Run alone: `npm run bench -- story-changes`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BodyDoc } from '@/lib/article-body';
import { bodyPlainText, countWords } from '@/lib/editor/body-text';
import type { RevisionSnapshot } from '@/lib/revisions/revision-diff';
import { revisions, timed } from './revision-diff';
import { describeMs, heading, summarize, verdict } from './support/stats';

const WARMUP = 10;
const ITERATIONS = 100;
const TARGET_P95_MS = 50;

export async function benchStoryChanges(): Promise<boolean> {
  heading('9. What changed (findStoryChanges, two public versions of 10,000 words, three legal removals)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-changes-'));
  // Read by env() at its first use, which must be this bench's: it writes a story of its own.
  process.env.DATA_DIR = dataDir;
  process.env.DEMO = '0';
  const { env } = await import('@/server/env');
  if (env().dataDir !== dataDir) throw new Error('run this benchmark alone (npm run bench -- story-changes): another one opened the database first');
  const { SYSTEM } = await import('@/server/policy');
  const { createUser } = await import('@/server/users/create-user');
  const { createArticle } = await import('@/server/articles/create-article');
  const { saveArticle } = await import('@/server/articles/save-article');
  const { publishArticle } = await import('@/server/articles/publish-article');
  const { removeForLegalReasons } = await import('@/server/legal-removals/remove-for-legal-reasons');
  const { findStoryChanges } = await import('@/server/story-changes/find-story-changes');

  try {
    const desk = await createUser(SYSTEM, { email: 'bench@dateline.example', name: 'Bench Desk', role: 'copy_editor', password: 'bench password 2026' });
    // The library photos of the pure diff's bodies are not in this database: the public versions are their words.
    const { before, after } = revisions();
    const fields = (snapshot: RevisionSnapshot) => ({
      headline: 'Archive story of ten thousand words',
      standfirst: 'A long read',
      datelinePlace: 'LONDON',
      datelineSource: 'Dateline',
      byline: 'By the desk',
      leadPhoto: null,
      body: { type: 'doc', content: snapshot.body.content.filter((block) => block.type !== 'photo') } as BodyDoc,
    });
    const { id } = createArticle(desk);
    let story = saveArticle(desk, id, { ...fields(before), version: 1 });
    story = publishArticle(desk, id, { version: story.version });
    story = saveArticle(desk, id, { ...fields(after), version: story.version });
    story = publishArticle(desk, id, { version: story.version, updateKind: 'update', note: 'bench' });
    const words = bodyPlainText(fields(after).body).split('\n');
    for (const line of [words[3]!, words[40]!, words[120]!]) removeForLegalReasons(desk, id, { text: line.split(' ').slice(2, 6).join(' '), reason: 'bench' });

    const read = () => findStoryChanges(story.slug!);
    const page = read()!;
    const diff = page.versions[0]!.diff!;
    console.log(
      `story: versions of ${countWords(bodyPlainText(fields(before).body))} and ${countWords(bodyPlainText(fields(after).body))} words; ` +
        `the Update's diff has ${diff.body.filter((block) => block.change !== 'same').length} changed lines; 3 removals applied`,
    );
    for (let i = 0; i < WARMUP; i++) read();
    const times = Array.from({ length: ITERATIONS }, () => timed(read));
    const summary = summarize(times);
    console.log(`${WARMUP} warm-up runs not counted`);
    console.log(describeMs('findStoryChanges (read, captions, removals, diff)', summary));
    return verdict('What changed p95', summary.p95, TARGET_P95_MS, 'ms');
  } finally {
    const { checkpointAndClose } = await import('@/db/client');
    checkpointAndClose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
