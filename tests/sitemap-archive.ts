/**
 * A large archive for the sitemaps, written straight into the tables with prepared statements in one
 * transaction: 120,000 stories through the desk's own steps take minutes (bench/support/synthetic-
 * archive.ts does that, for benchmarks). The sitemaps read only the articles' ids, addresses, dates
 * and states, and the live revision's headline; every row here is one the domain could have written.
 */
import { getDb, sqliteOf } from '@/db/client';
import { SLUG_MAX } from '@/lib/slug';

export type ArchiveState = 'live' | 'withdrawn' | 'draft';
export type ArchiveStory = { id: number; slug: string; state: ArchiveState; firstPublishedAt: Date | null; updatedAt: Date | null };

const MINUTE_MS = 60_000;
const SLUG_WORDS = 'council-budget-vote-talks-ceasefire-court-ruling-strike-union-prices-inflation-election-minister-floods';

/**
 * `published` stories (live or withdrawn, as `stateOf` says by id) plus the drafts `stateOf` puts
 * among them, ids from 1 in order. The newest went out a minute before `now`, each earlier one a
 * minute before the next; every seventh got an Update half an hour after its first publish.
 * Addresses are as long as an address may be, so sizes are the most they can be.
 */
export function fillSitemapArchive({ published, authorId, now, stateOf }: { published: number; authorId: number; now: Date; stateOf: (id: number) => ArchiveState }): ArchiveStory[] {
  const states: ArchiveState[] = [];
  for (let count = 0; count < published; ) {
    const state = stateOf(states.length + 1);
    states.push(state);
    if (state !== 'draft') count += 1;
  }
  const stories = states.map((state, index): ArchiveStory => {
    const id = index + 1;
    const firstPublishedAt = state === 'draft' ? null : new Date(now.getTime() - (states.length - index) * MINUTE_MS);
    const update = firstPublishedAt && id % 7 === 0 ? new Date(firstPublishedAt.getTime() + 30 * MINUTE_MS) : null;
    const slug = `${SLUG_WORDS.slice(0, SLUG_MAX - `-${id}`.length).replace(/-+$/, '')}-${id}`;
    return { id, slug, state, firstPublishedAt, updatedAt: update && update < now ? update : null };
  });

  const sqlite = sqliteOf(getDb());
  if ((sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n > 0) throw new Error('fillSitemapArchive wants an empty articles table');
  const insertArticle = sqlite.prepare(
    `INSERT INTO articles (id, slug, status, version, author_id, working_revision_id, live_revision_id, first_published_at, updated_at, withdrawn_at, last_edited_at)
     VALUES (@id, @slug, @status, 3, @authorId, @id, @liveRevisionId, @firstPublishedAt, @updatedAt, @withdrawnAt, @lastEditedAt)`,
  );
  const insertRevision = sqlite.prepare(
    `INSERT INTO revisions (id, article_id, number, kind, author_id, created_at, headline, body, body_text)
     VALUES (@id, @id, 1, @kind, @authorId, @createdAt, @headline, '{"type":"doc","content":[]}', '')`,
  );
  // The article names its revision and the revision its article. Checked row by row, deferred or
  // not, each insert would scan the articles for the revision (no index is on those columns): the
  // fill would take minutes. So the keys are checked once, afterwards, over the whole archive.
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const story of stories) {
        const published = story.firstPublishedAt?.getTime() ?? null;
        const edited = story.updatedAt?.getTime() ?? published ?? now.getTime() - MINUTE_MS;
        insertArticle.run({
          id: story.id,
          slug: story.slug,
          status: { live: 'published', withdrawn: 'withdrawn', draft: 'draft' }[story.state],
          authorId,
          liveRevisionId: story.state === 'draft' ? null : story.id,
          firstPublishedAt: published,
          updatedAt: story.updatedAt?.getTime() ?? null,
          withdrawnAt: story.state === 'withdrawn' ? edited : null,
          lastEditedAt: edited,
        });
        insertRevision.run({ id: story.id, kind: story.state === 'draft' ? 'create' : 'publish', authorId, createdAt: edited, headline: `Story number ${story.id}` });
      }
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`fillSitemapArchive wrote rows whose keys point nowhere: ${JSON.stringify(broken.slice(0, 3))}`);
  return stories;
}
