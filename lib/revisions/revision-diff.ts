import { diffArrays } from 'diff';
import type { BodyBlock, BodyDoc, BodyListItem } from '@/lib/article-body';
import type { ArticleDraft, DraftField } from '@/lib/article-draft';
import { bodyPlainText } from '@/lib/editor/body-text';
import { bodyPhotoUses, type PhotoUse } from '@/lib/photos/photo-use';
import { type DiffPart, whole, wordDiff } from '@/lib/word-diff';

/** One side of a comparison: a revision's text and photos. */
export type RevisionSnapshot = ArticleDraft & { section: string };

export type RevisionField = DraftField | 'section';

export type FieldDiff = { field: RevisionField; label: string; changed: boolean; parts: DiffPart[] };

/**
 * One line of the body (a paragraph, heading or list item, or one line of it after a line break;
 * photo captions are in `PhotoDiff`), in the later revision's reading order. `before` and `after`
 * are the line's 0-based positions among the earlier and later revision's lines.
 * - `same`: unchanged; the desk folds these.
 * - `changed`: an edited line, its words marked (`parts` hold both the removed and the added words).
 * - `added` / `removed`: the whole line is new / gone; a removed line sits where it was.
 * - `moved`: the same text at another place: listed once, where it is now, `before` saying where it was.
 */
export type BlockDiff =
  | { change: 'same' | 'changed' | 'moved'; parts: DiffPart[]; before: number; after: number }
  | { change: 'added'; parts: DiffPart[]; after: number }
  | { change: 'removed'; parts: DiffPart[]; before: number };

/**
 * A photo in either revision: the lead photo, then the body's in the later revision's reading
 * order, then the body photos the later revision dropped. Body photos are matched by photo id.
 * `swapped` is a lead photo replaced by another library photo. Caption and credit are this
 * article's overrides ('' when it shows the library's own), diffed as words.
 */
export type PhotoDiff = {
  place: PhotoUse['place'];
  change: 'same' | 'changed' | 'added' | 'removed' | 'swapped';
  beforePhotoId: number | null;
  afterPhotoId: number | null;
  caption: DiffPart[];
  credit: DiffPart[];
};

/** What changed from one revision to another, as a reader would read it. Plain data: it goes to the browser as JSON. */
export type RevisionDiff = { changed: boolean; fields: FieldDiff[]; body: BlockDiff[]; photos: PhotoDiff[] };

const FIELD_LABELS: Record<RevisionField, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  datelinePlace: 'Dateline place',
  datelineSource: 'Dateline source',
  byline: 'Byline',
  section: 'Section',
};
const FIELDS = Object.keys(FIELD_LABELS) as RevisionField[];

/** The copy desk's comparison of an earlier revision (`before`) with a later one (`after`). */
export function compareRevisions(before: RevisionSnapshot, after: RevisionSnapshot): RevisionDiff {
  const fields = FIELDS.map((field) => ({
    field,
    label: FIELD_LABELS[field],
    changed: before[field] !== after[field],
    parts: wordDiff(before[field], after[field]),
  }));
  const body = compareBodies(before.body, after.body);
  const photos = [...compareLeadPhotos(before.leadPhoto, after.leadPhoto), ...compareBodyPhotos(before.body, after.body)];
  const changed = fields.some((field) => field.changed) || body.some((block) => block.change !== 'same') || photos.some((photo) => photo.change !== 'same');
  return { changed, fields, body, photos };
}

/**
 * The body's lines as `bodyPlainText` gives them, without photo captions: photos are compared on
 * their own (`compareBodyPhotos`), so a caption edit is not also reported as a changed line.
 */
function textLines(body: BodyDoc): string[] {
  return bodyPlainText({ type: 'doc', content: withoutPhotos(body.content) }).split('\n');
}

function withoutPhotos<Block extends BodyBlock | BodyListItem>(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block): Block[] => {
    if (block.type === 'photo') return [];
    if (block.type === 'blockquote' || block.type === 'bulletList' || block.type === 'orderedList' || block.type === 'listItem') {
      return [{ ...block, content: withoutPhotos<BodyBlock | BodyListItem>(block.content) } as Block];
    }
    return [block];
  });
}

type Line = { index: number; text: string };
/** Lines removed and added between two unchanged stretches of the body. */
type Run = { removed: Line[]; added: Line[] };

/**
 * Lines are aligned with jsdiff, then each run of removed and added lines is read again: a line
 * removed here and added unchanged elsewhere is a move, and the rest are paired as edits where they
 * share enough words. Only paired lines get a word diff, which keeps a long body fast.
 */
function compareBodies(beforeBody: BodyDoc, afterBody: BodyDoc): BlockDiff[] {
  const before = textLines(beforeBody);
  const after = textLines(afterBody);
  const blocks: (BlockDiff | Run)[] = [];
  let beforeIndex = 0;
  let afterIndex = 0;
  for (const part of diffArrays(before, after)) {
    if (!part.added && !part.removed) {
      for (const text of part.value) blocks.push({ change: 'same', parts: whole(text, 'same'), before: beforeIndex++, after: afterIndex++ });
      continue;
    }
    const last = blocks.at(-1);
    const run: Run = last && !('change' in last) ? last : { removed: [], added: [] };
    if (run !== last) blocks.push(run);
    for (const text of part.value) {
      if (part.added) run.added.push({ index: afterIndex++, text });
      else run.removed.push({ index: beforeIndex++, text });
    }
  }

  const moves = matchMoves(blocks.filter((block): block is Run => !('change' in block)));
  return blocks.flatMap((block) => ('change' in block ? [block] : compareRun(block, moves)));
}

/** Moved lines: each one's old position by its new one (`from`), and the old positions left (`away`). */
type Moves = { from: Map<number, number>; away: Set<number> };

/**
 * Pairs each added line with an identical removed line from anywhere in the body, first come first
 * served; blank lines are not moves.
 */
function matchMoves(runs: readonly Run[]): Moves {
  const removedByText = new Map<string, number[]>();
  for (const run of runs) {
    for (const line of run.removed) {
      if (!line.text.trim()) continue;
      const indexes = removedByText.get(line.text);
      if (indexes) indexes.push(line.index);
      else removedByText.set(line.text, [line.index]);
    }
  }
  const from = new Map<number, number>();
  for (const run of runs) {
    for (const line of run.added) {
      const oldIndex = removedByText.get(line.text)?.shift();
      if (oldIndex !== undefined) from.set(line.index, oldIndex);
    }
  }
  return { from, away: new Set(from.values()) };
}

/** A run's lines in the later revision's order: moves, edits paired by shared words, the rest whole. */
function compareRun(run: Run, moves: Moves): BlockDiff[] {
  const removed = run.removed.filter((line) => !moves.away.has(line.index));
  const added = run.added.filter((line) => !moves.from.has(line.index));
  const moved = run.added.filter((line) => moves.from.has(line.index));

  const blocks: BlockDiff[] = [];
  // A moved line goes in before the first line of the run that comes after it in the later revision.
  const placeMovedBefore = (afterIndex: number) => {
    while (moved.length > 0 && moved[0]!.index < afterIndex) {
      const line = moved.shift()!;
      blocks.push({ change: 'moved', parts: whole(line.text, 'same'), before: moves.from.get(line.index)!, after: line.index });
    }
  };

  const pairing = diffArrays(removed.map(wordSet), added.map(wordSet), { comparator: shareMostWords });
  let removedAt = 0;
  let addedAt = 0;
  for (const part of pairing) {
    for (let i = 0; i < part.value.length; i++) {
      if (part.removed) {
        const line = removed[removedAt++]!;
        blocks.push({ change: 'removed', parts: whole(line.text, 'removed'), before: line.index });
      } else if (part.added) {
        const line = added[addedAt++]!;
        placeMovedBefore(line.index);
        blocks.push({ change: 'added', parts: whole(line.text, 'added'), after: line.index });
      } else {
        const old = removed[removedAt++]!;
        const now = added[addedAt++]!;
        placeMovedBefore(now.index);
        blocks.push({ change: 'changed', parts: wordDiff(old.text, now.text), before: old.index, after: now.index });
      }
    }
  }
  placeMovedBefore(Infinity);
  return blocks;
}

/**
 * A line's distinct words as runs of letters and digits, so "rose." and "rose" are one word. A
 * regular expression rather than the segmenter: it is only a measure of likeness, and many times faster.
 */
function wordSet(line: Line): Set<string> {
  return new Set(line.text.toLowerCase().match(/[\p{L}\p{N}]+/gu));
}

/**
 * Whether two lines are one line edited rather than one line replaced by another: at least half
 * their distinct words in common (Dice coefficient). A rewrite reads better as the old line and
 * the new one than as a word diff with nearly every word struck.
 */
function shareMostWords(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size + b.size === 0) return true;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size) >= 0.5;
}

type PhotoOverrides = Pick<PhotoUse, 'photoId' | 'caption' | 'credit'>;

function comparePhotos(place: PhotoUse['place'], before: PhotoOverrides | null, after: PhotoOverrides | null): PhotoDiff {
  const caption = wordDiff(before?.caption ?? '', after?.caption ?? '');
  const credit = wordDiff(before?.credit ?? '', after?.credit ?? '');
  const overridesChanged = [...caption, ...credit].some((part) => part.change !== 'same');
  const change = !before ? 'added' : !after ? 'removed' : before.photoId !== after.photoId ? 'swapped' : overridesChanged ? 'changed' : 'same';
  return { place, change, beforePhotoId: before?.photoId ?? null, afterPhotoId: after?.photoId ?? null, caption, credit };
}

function compareLeadPhotos(before: PhotoOverrides | null, after: PhotoOverrides | null): PhotoDiff[] {
  return before || after ? [comparePhotos('lead', before, after)] : [];
}

/** A photo placed twice is matched use by use, in reading order. */
function compareBodyPhotos(beforeBody: BodyDoc, afterBody: BodyDoc): PhotoDiff[] {
  const unmatched = bodyPhotoUses(beforeBody);
  const diffs = bodyPhotoUses(afterBody).map((use) => {
    const at = unmatched.findIndex((old) => old.photoId === use.photoId);
    const [old] = at === -1 ? [null] : unmatched.splice(at, 1);
    return comparePhotos('body', old, use);
  });
  return [...diffs, ...unmatched.map((old) => comparePhotos('body', old, null))];
}
