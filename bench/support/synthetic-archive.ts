import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { getDb, sqliteOf } from '@/db/client';
import { authors, sections } from '@/db/schema';
import type { BodyDoc } from '@/lib/article-body';
import type { SessionUser } from '@/lib/session-user';
import { slugFromHeadline } from '@/lib/slug';
import type { FilingInput } from '@/lib/validation/filing';
import { createArticle } from '@/server/articles/create-article';
import { publishArticle } from '@/server/articles/publish-article';
import { approveArticle, submitArticle } from '@/server/articles/review-steps';
import { saveArticle } from '@/server/articles/save-article';
import { withdrawArticle } from '@/server/articles/withdraw-article';
import { uploadPhoto } from '@/server/photos/upload-photo';
import { updatePhoto } from '@/server/photos/update-photo';
import { SYSTEM } from '@/server/policy';
import { createUser } from '@/server/users/create-user';
import { newsBody, randomSource } from './copy';
import { cameraJpeg, writeDistinctCopy } from './test-photo';

/**
 * A synthetic newsroom archive written through the same domain functions the app uses (the policy,
 * revisions, audit and the public version all run); `npm run archive:fill` is its command line.
 * Stories are written by a few staff writers and published by the copy desk, first published at
 * moments spread over the last ten years, with bodies of 400–1,500 words. Photos are uploaded once
 * through the real pipeline and reused as lead photos. About one story in six gets an update, one in
 * twenty a correction, one in fifty a minor fix, one in a hundred is withdrawn, and two in a hundred
 * are left with the desk (in review or approved), as a working newsroom would have. Stories are
 * filed as a desk files them: nine in ten in one of eight sections, with up to four tags drawn
 * from 400 so that a few tags are common and most are rare (as "Ukraine" and a village's name
 * are), crediting their writer and, one time in ten, a second writer.
 *
 * Speed comes from committing a batch of stories in one transaction (the domain's own
 * transactions nest as savepoints), and from treating the fill as the bulk load it is. While it
 * runs, its connection does not sync the disk at each commit (`synchronous = OFF`: a fill cut short
 * by a power cut is run again; a crash of the process alone still loses nothing committed, as the
 * WAL stays on), keeps the savepoints' journal in memory rather than in a temporary file
 * (`temp_store = MEMORY`), and keeps a page cache large enough for the indexes of a large archive.
 * All three are set back when it ends, before the final checkpoint.
 */

export type FillOptions = { articles: number; seed: number; photos?: number; log?: (line: string) => void };
/**
 * `cpuSeconds` is this process's own CPU time for the stories (user + system, all threads): on a
 * machine shared with other work it says what the fill costs where the wall clock cannot.
 */
export type FillResult = { articles: number; seconds: number; perSecond: number; cpuSeconds: number };

const BATCH = 500;
/** For the fill's connection only, while it runs (see above); the page cache in KiB, as SQLite takes it. */
const BULK_LOAD_PRAGMAS = { synchronous: 'OFF', temp_store: 'MEMORY', cache_size: String(-256 * 1024) };
/** Distinct bodies generated once and reused: building a 1,000-word body costs more than saving it. */
const BODY_POOL = 400;
const TEN_YEARS_MS = 10 * 365.25 * 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

const WRITERS = ['Anna Petrova', 'James Okafor', 'Lucía Fernández', 'Tom Becker', 'Mei Lin', 'Oleksandr Shevchenko'];
const DESK = ['Ruth Adler', 'Samir Haddad'];
const PLACES = ['MOSCOW', 'KYIV', 'LONDON', 'BRUSSELS', 'WASHINGTON', 'BEIJING', 'NEW DELHI', 'NAIROBI', 'SÃO PAULO', 'BERLIN'];
const SOURCES = ['Reuters', 'AP', 'AFP', 'Sputnik', 'Dateline'];
const SECTIONS = ['World', 'Politics', 'Business', 'Science', 'Health', 'Technology', 'Culture', 'Sport'];
const TAG_COUNT = 400;
const TAG_STEMS = ['Elections', 'Energy', 'Climate', 'Courts', 'Trade', 'Health care', 'Transport', 'Housing', 'Diplomacy', 'Farming'];
const HEADLINE_WORDS = (
  'council budget vote talks ceasefire court ruling strike union prices inflation election minister ' +
  'floods storm harvest drought railway airport energy bills hospital schools housing protest leader ' +
  'parliament coalition investigation trial border market shares bank rates summit deal sanctions'
).split(' ');

export async function fillArchive({ articles: count, seed, photos = 12, log = () => {} }: FillOptions): Promise<FillResult> {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const started = performance.now();

  const writers = await Promise.all(WRITERS.map((name, i) => staffMember(name, 'editor', `writer${i + 1}`, seed)));
  const desk = await Promise.all(DESK.map((name, i) => staffMember(name, 'copy_editor', `desk${i + 1}`, seed)));
  const photoIds = await uploadPhotos(desk[0]!, photos);
  const taxonomy = newsroomTaxonomy(writers);
  const bodies = Array.from({ length: BODY_POOL }, (_, i) => newsBody(400 + Math.floor(random() * 1_100), seed + i));
  const setUp = performance.now();
  const cpuAtSetUp = process.cpuUsage();
  log(`archive:fill: ${writers.length} writers, ${desk.length} copy editors and ${photoIds.length} photos in ${((setUp - started) / 1000).toFixed(1)} s`);

  const sqlite = sqliteOf(getDb());
  const before = Object.fromEntries(Object.keys(BULK_LOAD_PRAGMAS).map((name) => [name, String(sqlite.pragma(name, { simple: true }))]));
  for (const [name, value] of Object.entries(BULK_LOAD_PRAGMAS)) sqlite.pragma(`${name} = ${value}`);
  try {
    const now = Date.now();
    let written = 0;
    while (written < count) {
      const size = Math.min(BATCH, count - written);
      getDb().transaction(
        () => {
          for (let i = 0; i < size; i += 1) {
            writeStory({
              writer: pick(writers),
              editor: pick(desk),
              body: pick(bodies),
              headline: headline(random, written + i),
              place: pick(PLACES),
              source: pick(SOURCES),
              leadPhotoId: random() < 0.7 ? pick(photoIds) : null,
              // Older stories are fewer: a newsroom publishes more now than ten years ago.
              firstPublishedAt: new Date(now - TEN_YEARS_MS * random() ** 1.5 - MINUTE_MS),
              fate: random(),
              filing: filingFor(taxonomy, random),
            });
          }
        },
        { behavior: 'immediate' },
      );
      written += size;
      if (written % 10_000 === 0 || written === count) {
        const seconds = (performance.now() - setUp) / 1000;
        log(`archive:fill: ${written.toLocaleString('en')} stories, ${Math.round(written / seconds).toLocaleString('en')} stories/s`);
      }
    }
  } finally {
    for (const [name, value] of Object.entries(before)) sqlite.pragma(`${name} = ${value}`);
  }
  const seconds = (performance.now() - setUp) / 1000;
  const cpu = process.cpuUsage(cpuAtSetUp);
  return { articles: count, seconds, perSecond: count / seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

type Story = {
  writer: SessionUser;
  editor: SessionUser;
  body: BodyDoc;
  headline: string;
  place: string;
  source: string;
  leadPhotoId: number | null;
  firstPublishedAt: Date;
  /** One random draw decides what happens to the story after its first publish. */
  fate: number;
  filing: (writer: SessionUser) => FilingInput;
};

type Taxonomy = { sectionIds: number[]; tagNames: string[]; authorIdOf: Map<number, number>; authorIds: number[] };

/** The archive's sections and its writers' author profiles (tags are made as stories are filed). */
function newsroomTaxonomy(writers: readonly SessionUser[]): Taxonomy {
  const db = getDb();
  const sectionIds = SECTIONS.map((name, position) => {
    const slug = slugFromHeadline(name);
    const row = db.insert(sections).values({ name, slug, position }).onConflictDoUpdate({ target: sections.slug, set: { position } }).returning({ id: sections.id }).get();
    return row.id;
  });
  const authorIdOf = new Map(
    writers.map((writer) => {
      const row = db
        .insert(authors)
        .values({ userId: writer.id, name: writer.name, slug: `${slugFromHeadline(writer.name)}-${writer.id}` })
        .onConflictDoUpdate({ target: authors.userId, set: { name: writer.name } })
        .returning({ id: authors.id })
        .get();
      return [writer.id, row.id] as const;
    }),
  );
  const tagNames = Array.from({ length: TAG_COUNT }, (_, i) => `${TAG_STEMS[i % TAG_STEMS.length]} ${Math.floor(i / TAG_STEMS.length) + 1}`);
  return { sectionIds, tagNames, authorIdOf, authorIds: [...authorIdOf.values()] };
}

/** A story's filing: tag i is drawn with weight 1/(i+1), as words are in a language. */
function filingFor(taxonomy: Taxonomy, random: () => number): (writer: SessionUser) => FilingInput {
  const sectionId = random() < 0.9 ? taxonomy.sectionIds[Math.floor(random() * taxonomy.sectionIds.length)]! : null;
  const tagCount = Math.floor(random() * 5);
  const tags = Array.from({ length: tagCount }, () => taxonomy.tagNames[Math.floor(taxonomy.tagNames.length ** random()) - 1]!);
  const second = random() < 0.1 ? taxonomy.authorIds[Math.floor(random() * taxonomy.authorIds.length)]! : null;
  return (writer) => {
    const own = taxonomy.authorIdOf.get(writer.id)!;
    return { sectionId, tags, authorIds: second === null || second === own ? [own] : [own, second] };
  };
}

/** One story's life through the desk's own steps, each at its own moment. */
function writeStory(story: Story): void {
  const at = (minutes: number) => new Date(story.firstPublishedAt.getTime() + minutes * MINUTE_MS);
  const { id } = createArticle(story.writer, at(-45));
  const fields = {
    headline: story.headline,
    standfirst: `${story.headline}: what happened and what comes next.`,
    datelinePlace: story.place,
    datelineSource: story.source,
    byline: `By ${story.writer.name}`,
    leadPhoto: story.leadPhotoId === null ? null : { photoId: story.leadPhotoId, caption: null, credit: null },
    body: story.body,
  };
  let view = saveArticle(story.writer, id, { ...fields, version: 1, mode: 'save', filing: story.filing(story.writer) }, at(-30));
  view = submitArticle(story.writer, id, { version: view.version }, at(-20));
  if (story.fate < 0.01) return; // still in review
  view = approveArticle(story.editor, id, { version: view.version }, at(-10));
  if (story.fate < 0.02) return; // approved, waiting for an editor
  view = publishArticle(story.editor, id, { version: view.version }, at(0));

  if (story.fate < 0.03) {
    withdrawArticle(story.editor, id, { version: view.version, note: 'Withdrawn: the source retracted the report.' }, at(90));
  } else if (story.fate < 0.08) {
    view = saveArticle(story.editor, id, { ...fields, headline: `${fields.headline} (corrected)`, version: view.version, mode: 'save' }, at(60));
    publishArticle(
      story.editor,
      id,
      { version: view.version, updateKind: 'correction', correction: 'An earlier version of this story gave the wrong date for the vote.' },
      at(61),
    );
  } else if (story.fate < 0.1) {
    view = saveArticle(story.editor, id, { ...fields, standfirst: `${fields.standfirst} `, version: view.version, mode: 'save' }, at(20));
    publishArticle(story.editor, id, { version: view.version, updateKind: 'minor_fix' }, at(21));
  } else if (story.fate < 0.27) {
    view = saveArticle(story.editor, id, { ...fields, headline: `${fields.headline}, officials say`, version: view.version, mode: 'save' }, at(120));
    publishArticle(story.editor, id, { version: view.version, updateKind: 'update' }, at(121));
  }
}

function headline(random: () => number, n: number): string {
  const words = Array.from({ length: 5 + Math.floor(random() * 5) }, () => HEADLINE_WORDS[Math.floor(random() * HEADLINE_WORDS.length)]!);
  const text = words.join(' ');
  // The number keeps addresses distinct without the slug's "-2", "-3" search growing with the archive.
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} ${n + 1}`;
}

/** A staff account with a random password nobody knows: the archive's people never sign in. */
async function staffMember(name: string, role: 'editor' | 'copy_editor', handle: string, seed: number): Promise<SessionUser> {
  const existing = sqliteOf(getDb())
    .prepare('SELECT id, email, name, role FROM users WHERE email = ?')
    .get(`${handle}.${seed}@archive.example`) as SessionUser | undefined;
  if (existing) return existing;
  return createUser(SYSTEM, {
    email: `${handle}.${seed}@archive.example`,
    name,
    role,
    password: `archive-${crypto.randomUUID()}`,
  });
}

/** Camera-like photos with their caption and credit in XMP, through the real upload pipeline. */
async function uploadPhotos(uploader: SessionUser, count: number): Promise<number[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-archive-photos-'));
  try {
    const jpeg = await cameraJpeg(1600, 1067);
    const ids: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const file = path.join(folder, `archive-${i + 1}.jpg`);
      writeDistinctCopy(jpeg, `archive photo ${i + 1}`, file);
      const result = await uploadPhoto(uploader, {
        body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>,
        fileName: `archive-${i + 1}.jpg`,
        declaredBytes: fs.statSync(file).size,
      });
      const photo = result.photo;
      // A lead photo needs alt text to be published; the file's XMP carries caption and credit.
      if (!photo.altText) {
        updatePhoto(uploader, photo.id, {
          caption: photo.caption,
          photographer: photo.photographer,
          agency: photo.agency,
          copyrightNotice: photo.copyrightNotice,
          altText: `A street scene, archive photo ${i + 1}`,
          rightsUrl: photo.rightsUrl,
          version: photo.version,
        });
      }
      ids.push(photo.id);
    }
    return ids;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

