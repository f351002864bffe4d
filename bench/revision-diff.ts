/**
 * The copy desk's revision diff: `compareRevisions` on two 10,000-word revisions of a story (a few
 * paragraphs edited, one moved, some added and removed, a caption changed), against a raw jsdiff
 * `diffWords` of the two bodies' plain text in the same run. Run: `npm run bench -- revision-diff`.
 */
import { diffWords } from 'diff';
import { performance } from 'node:perf_hooks';
import type { BodyBlock, BodyParagraph, BodyPhoto } from '@/lib/article-body';
import { bodyPlainText, countWords } from '@/lib/editor/body-text';
import { type BlockDiff, compareRevisions, type RevisionDiff, type RevisionSnapshot } from '@/lib/revisions/revision-diff';
import { newsBody, randomSource } from './support/copy';
import { describeMs, heading, summarize, verdict } from './support/stats';

const SEED = 2026;
const BODY_WORDS = 10_000;
/** `newsBody` asked for this few words gives one paragraph, of whole sentences: about 40 words. */
const PARAGRAPH_WORDS = 25;
const PHOTO_EVERY = 60;
const EDITED_SHARE = 0.05;
const ADDED = 3;
const REMOVED = 3;
/** How far down the story the moved paragraph goes, in paragraphs. */
const MOVE_BY = 60;
/** Seeds for copy that is not the story's own paragraphs: photo captions and added paragraphs. */
const CAPTION_SEED = 1_000_000;
const ADDED_SEED = 2_000_000;
const REWRITE_SEED = 3_000_000;
/** The worst case, for scale (no target): every paragraph rewritten, so nothing pairs. */
const REWRITE_ITERATIONS = 20;
const WARMUP = 10;
const ITERATIONS = 100;
const TARGET_P95_MS = 50;

/** What a sub-editor types into a paragraph: a word or two replaced, inserted or cut. */
const EDIT_WORDS = ['reportedly', 'on Wednesday', 'nearly', 'regional', 'officials said', 'at least', 'revised', 'later'];

export async function benchRevisionDiff(): Promise<boolean> {
  heading('6. Revision diff (compareRevisions, two 10,000-word revisions)');
  const { before, after, rewritten, planted } = revisions();
  const beforeText = bodyPlainText(before.body);
  const afterText = bodyPlainText(after.body);
  console.log(
    `revisions: ${countWords(beforeText)} and ${countWords(afterText)} words, ${before.body.content.length} and ${after.body.content.length} blocks ` +
      `(${planted.paragraphs} paragraphs of ~40 words, a captioned photo every ${PHOTO_EVERY}); the second has ${planted.edited} paragraphs edited by a few words, ` +
      `1 moved ${MOVE_BY} paragraphs down, ${ADDED} added, ${REMOVED} removed and 1 caption changed`,
  );

  const diff = compareRevisions(before, after);
  const found = tally(diff);
  // The figures mean something only if the diff found what was planted.
  const expected = { ...found, changed: planted.edited, moved: 1, added: ADDED, removed: REMOVED, photosChanged: 1 };
  if (JSON.stringify(found) !== JSON.stringify(expected)) {
    throw new Error(`the diff found ${describeDiff(found)}, but ${describeDiff(expected)} were planted`);
  }
  console.log(`result: ${describeDiff(found)}; ${(JSON.stringify(diff).length / 1000).toFixed(1)} kB as JSON`);

  const compare = () => compareRevisions(before, after);
  const raw = () => diffWords(beforeText, afterText);
  for (let i = 0; i < WARMUP; i++) {
    compare();
    raw();
  }
  // Interleaved, so a busy moment on the machine falls on both alike.
  const compareTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    compareTimes.push(timed(compare));
    rawTimes.push(timed(raw));
  }

  const compared = summarize(compareTimes);
  const baseline = summarize(rawTimes);
  console.log(`${WARMUP} warm-up runs of each not counted`);
  console.log(describeMs('compareRevisions (fields, body, photos)', compared));
  console.log(describeMs('baseline: diffWords of the plain text', baseline));
  console.log(`ratio compareRevisions / raw diffWords: p50 ${(compared.p50 / baseline.p50).toFixed(2)}×, p95 ${(compared.p95 / baseline.p95).toFixed(2)}×`);
  const rewriteTimes = Array.from({ length: REWRITE_ITERATIONS }, () => timed(() => compareRevisions(before, rewritten)));
  console.log(describeMs('for scale: every paragraph rewritten', summarize(rewriteTimes)));
  return verdict('compareRevisions p95', compared.p95, TARGET_P95_MS, 'ms');
}

export function timed(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/** Two revisions of one story, the second edited as the desk edits: the same every run. Shared with bench/story-changes.ts. */
export function revisions() {
  const random = randomSource(SEED);

  const before: BodyBlock[] = [];
  const paragraphs: number[] = [];
  let words = 0;
  for (let seed = SEED; words < BODY_WORDS; seed++) {
    const paragraph = newsParagraph(seed);
    paragraphs.push(before.length);
    before.push(paragraph);
    words += countWords(paragraphText(paragraph));
    if (paragraphs.length % PHOTO_EVERY === 0) before.push(photo(before.length, paragraphText(newsParagraph(CAPTION_SEED + seed)).split('. ')[0]!));
  }

  // Each planted change touches paragraphs no other change touches, so what the diff should find is known.
  const shuffled = shuffle(paragraphs.filter((index) => index + MOVE_BY < before.length), random);
  const edited = shuffled.splice(0, Math.round(paragraphs.length * EDITED_SHARE));
  const removed = new Set(shuffled.splice(0, REMOVED));
  const addedAfter = new Set(shuffled.splice(0, ADDED));
  const moved = shuffled.splice(0, 1)[0]!;
  const movedTo = moved + MOVE_BY;

  const edits = new Map(edited.map((index) => [index, editParagraph(before[index] as BodyParagraph, random)]));
  const after: BodyBlock[] = [];
  before.forEach((block, index) => {
    if (!removed.has(index) && index !== moved) after.push(edits.get(index) ?? block);
    if (addedAfter.has(index)) after.push(newsParagraph(ADDED_SEED + index));
    if (index === movedTo) after.push(before[moved]!);
  });
  const captioned = after.findIndex((block) => block.type === 'photo');
  const photoBlock = after[captioned] as BodyPhoto;
  after[captioned] = { ...photoBlock, attrs: { ...photoBlock.attrs, caption: `${photoBlock.attrs.caption}, pictured on Monday` } };

  const fields = {
    headline: 'Council approves budget after all-night session',
    standfirst: 'The plan raises council tax by 4.9 percent and closes two libraries.',
    datelinePlace: 'LEEDS',
    datelineSource: 'Dateline',
    byline: 'Amira Khan',
    section: 'News',
    leadPhoto: { photoId: 1, caption: 'Councillors leave the chamber at dawn.', credit: 'Jo Reyes/Dateline' },
  };
  const snapshot = (content: BodyBlock[]): RevisionSnapshot => ({ ...fields, body: { type: 'doc', content } });
  const rewritten = before.map((block, index) => (block.type === 'paragraph' ? newsParagraph(REWRITE_SEED + index) : block));
  return {
    before: snapshot(before),
    after: snapshot(after),
    rewritten: snapshot(rewritten),
    planted: { paragraphs: paragraphs.length, edited: edited.length },
  };
}

function newsParagraph(seed: number): BodyParagraph {
  return newsBody(PARAGRAPH_WORDS, seed).content[0] as BodyParagraph;
}

function paragraphText(paragraph: BodyParagraph): string {
  return (paragraph.content ?? []).map((node) => (node.type === 'text' ? node.text : '')).join('');
}

function photo(index: number, caption: string): BodyPhoto {
  return { type: 'photo', attrs: { photoId: 100 + index, caption, credit: 'Jo Reyes/Dateline', alt: null } };
}

/** The paragraph with one to three words replaced, inserted or cut, in its last run of text (after any bold lead-in). */
function editParagraph(paragraph: BodyParagraph, random: () => number): BodyParagraph {
  const content = [...(paragraph.content ?? [])];
  const last = content.at(-1);
  if (last?.type !== 'text') throw new Error('a generated paragraph ends in text');
  const words = last.text.split(' ');
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i++) {
    const at = 1 + Math.floor(random() * (words.length - 2));
    const kind = pick(['replace', 'insert', 'cut'] as const, random);
    if (kind === 'replace') words[at] = pick(EDIT_WORDS, random);
    else if (kind === 'insert') words.splice(at, 0, pick(EDIT_WORDS, random));
    else words.splice(at, 1);
  }
  content[content.length - 1] = { ...last, text: words.join(' ') };
  return { ...paragraph, content };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Fisher–Yates, with the seeded source. */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function tally(diff: RevisionDiff) {
  const lines = (change: BlockDiff['change']) => diff.body.filter((block) => block.change === change).length;
  return {
    same: lines('same'),
    changed: lines('changed'),
    moved: lines('moved'),
    added: lines('added'),
    removed: lines('removed'),
    photosChanged: diff.photos.filter((photo) => photo.change !== 'same').length,
  };
}

function describeDiff(found: ReturnType<typeof tally>): string {
  return (
    `${found.same} lines same, ${found.changed} changed, ${found.moved} moved, ${found.added} added, ${found.removed} removed; ` +
    `${found.photosChanged} photo changed`
  );
}
