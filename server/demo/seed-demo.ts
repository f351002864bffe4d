import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { type BodyBlock, plainTextToDoc } from '@/lib/article-body';
import type { ArticleStatus, Role } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { createArticle } from '@/server/articles/create-article';
import { saveArticle } from '@/server/articles/save-article';
import { SYSTEM } from '@/server/policy';
import { createUser } from '@/server/users/create-user';
import { DEMO_PICTURES, uploadDemoPhotos } from './demo-photos';

type DemoPictureKey = keyof typeof DEMO_PICTURES;

export type DemoCredential = { role: Role; email: string; name: string; password: string };

const PEOPLE: Omit<DemoCredential, 'password'>[] = [
  { role: 'admin', email: 'admin@dateline.example', name: 'Amira Haddad' },
  { role: 'copy_editor', email: 'copydesk@dateline.example', name: 'Tomás Ruiz' },
  { role: 'editor', email: 'reporter@dateline.example', name: 'Nadia Petrova' },
];

type DemoStory = {
  status: ArticleStatus;
  headline: string;
  standfirst: string;
  place: string;
  body: string;
  /** Hours before now that the story was first published. */
  publishedHoursAgo?: number;
  leadPhoto?: DemoPictureKey;
  /** A photo placed after the first paragraph. */
  inlinePhoto?: DemoPictureKey;
};

const STORIES: DemoStory[] = [
  {
    status: 'draft',
    headline: 'Council weighs night-bus cuts as budget gap widens',
    standfirst: 'Five routes could lose their overnight service from April.',
    place: 'LEEDS',
    body: 'The city council will vote next week on a plan to withdraw overnight service from five bus routes.\nOfficials say the cuts would save £2.1 million a year.',
  },
  {
    status: 'in_review',
    headline: 'Rail strike talks resume after two-week pause',
    standfirst: 'Unions and operators return to the table with a mediator.',
    place: 'MADRID',
    body: 'Talks between rail unions and the national operator resumed on Tuesday under a government-appointed mediator.\nBoth sides said they hoped for an agreement before the holiday timetable begins.',
  },
  {
    status: 'approved',
    headline: 'Grain ships leave port under new corridor deal',
    standfirst: 'Three vessels sailed at dawn, the first under the revised agreement.',
    place: 'ODESA',
    body: 'Three bulk carriers loaded with wheat left port at dawn, the first departures under the revised corridor agreement.\nInsurers said premiums had fallen since the deal was signed.',
    leadPhoto: 'port',
  },
  {
    status: 'published',
    headline: 'Central bank holds rates, signals cut in spring',
    standfirst: 'Policymakers voted 7-2 to keep the main rate at 3.75%.',
    place: 'FRANKFURT',
    body: 'The central bank left its main interest rate unchanged at 3.75% on Thursday and signalled that a cut could come in the spring.\nTwo members of the rate-setting council voted for an immediate reduction.',
    publishedHoursAgo: 3,
    leadPhoto: 'bank',
    inlinePhoto: 'traders',
  },
];

function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * A small newsroom to click through: one person per role, stories in several statuses. Statuses
 * are set directly here because the seed stands in for the desk's own review and publish steps.
 */
export async function seedDemo(now = new Date()): Promise<DemoCredential[]> {
  const credentials: DemoCredential[] = [];
  const people: Partial<Record<Role, SessionUser>> = {};
  for (const person of PEOPLE) {
    const password = generatePassword();
    people[person.role] = await createUser(SYSTEM, { ...person, password });
    credentials.push({ ...person, password });
  }
  const reporter = people.editor;
  if (!reporter) throw new Error('demo seed lost its reporter');

  const photos = await uploadDemoPhotos(reporter);
  const db = getDb();
  for (const story of STORIES) {
    const [opening, ...rest] = plainTextToDoc(story.body).content;
    const inline: BodyBlock[] = story.inlinePhoto
      ? [{ type: 'photo', attrs: { photoId: photos[story.inlinePhoto].id, caption: null, credit: null, alt: null } }]
      : [];
    const { id } = createArticle(reporter, now);
    saveArticle(
      reporter,
      id,
      {
        version: 1,
        headline: story.headline,
        standfirst: story.standfirst,
        datelinePlace: story.place,
        datelineSource: 'Dateline',
        byline: reporter.name,
        leadPhoto: story.leadPhoto ? { photoId: photos[story.leadPhoto].id, caption: null, credit: null } : null,
        body: { type: 'doc', content: [...(opening ? [opening] : []), ...inline, ...rest] },
      },
      now,
    );
    if (story.status === 'draft') continue;
    const published = story.publishedHoursAgo === undefined ? null : new Date(now.getTime() - story.publishedHoursAgo * 3_600_000);
    db.update(articles)
      .set({
        status: story.status,
        firstPublishedAt: published,
        liveRevisionId: published ? sql`${articles.workingRevisionId}` : null,
      })
      .where(eq(articles.id, id))
      .run();
  }
  return credentials;
}
