import 'server-only';
import { randomBytes } from 'node:crypto';
import { type BodyBlock, plainTextToDoc } from '@/lib/article-body';
import type { Role } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { createArticle } from '@/server/articles/create-article';
import { publishArticle } from '@/server/articles/publish-article';
import { approveArticle, submitArticle } from '@/server/articles/review-steps';
import { saveArticle } from '@/server/articles/save-article';
import { SYSTEM } from '@/server/policy';
import { createUser } from '@/server/users/create-user';
import { DEMO_PICTURES, uploadDemoPhotos } from './demo-photos';

type DemoPictureKey = keyof typeof DEMO_PICTURES;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type DemoCredential = { role: Role; email: string; name: string; password: string };

const PEOPLE: Omit<DemoCredential, 'password'>[] = [
  { role: 'admin', email: 'admin@dateline.example', name: 'Amira Haddad' },
  { role: 'copy_editor', email: 'copydesk@dateline.example', name: 'Tomás Ruiz' },
  { role: 'editor', email: 'reporter@dateline.example', name: 'Nadia Petrova' },
];

type DemoStory = {
  /** How far through the desk the story has gone. */
  stage: 'draft' | 'in_review' | 'approved' | 'published';
  headline: string;
  standfirst: string;
  place: string;
  source?: string;
  body: string;
  /** When it was written; a published story goes out a few minutes later. Default: hours before now. */
  writtenAt?: Date;
  hoursAgo?: number;
  leadPhoto?: DemoPictureKey;
  /** A photo placed after the first paragraph. */
  inlinePhoto?: DemoPictureKey;
  /** A later Update to the live story: its new last paragraph, and when it went out. */
  update?: { paragraph: string; at: Date; note: string };
};

const STORIES: DemoStory[] = [
  {
    stage: 'draft',
    headline: 'Council weighs night-bus cuts as budget gap widens',
    standfirst: 'Five routes could lose their overnight service from April.',
    place: 'LEEDS',
    body: 'The city council will vote next week on a plan to withdraw overnight service from five bus routes.\nOfficials say the cuts would save £2.1 million a year.',
    hoursAgo: 1,
  },
  {
    stage: 'in_review',
    headline: 'Rail strike talks resume after two-week pause',
    standfirst: 'Unions and operators return to the table with a mediator.',
    place: 'MADRID',
    body: 'Talks between rail unions and the national operator resumed on Tuesday under a government-appointed mediator.\nBoth sides said they hoped for an agreement before the holiday timetable begins.',
    hoursAgo: 2,
  },
  {
    stage: 'approved',
    headline: 'Grain ships leave port under new corridor deal',
    standfirst: 'Three vessels sailed at dawn, the first under the revised agreement.',
    place: 'ODESA',
    body: 'Three bulk carriers loaded with wheat left port at dawn, the first departures under the revised corridor agreement.\nInsurers said premiums had fallen since the deal was signed.',
    hoursAgo: 2,
    leadPhoto: 'port',
  },
  {
    stage: 'published',
    headline: 'Central bank holds rates, signals cut in spring',
    standfirst: 'Policymakers voted 7-2 to keep the main rate at 3.75%.',
    place: 'FRANKFURT',
    body: 'The central bank left its main interest rate unchanged at 3.75% on Thursday and signalled that a cut could come in the spring.\nTwo members of the rate-setting council voted for an immediate reduction.',
    hoursAgo: 3,
    leadPhoto: 'bank',
    inlinePhoto: 'traders',
  },
  {
    // The wire format's own example: 12:57 GMT 15.02.2022 (Updated: 13:03 GMT 15.02.2022).
    stage: 'published',
    headline: 'Moscow says some troops are returning to base after drills',
    standfirst: 'European capitals welcomed the statement cautiously and asked for proof on the ground.',
    place: 'MOSCOW',
    source: 'Sputnik',
    body: 'Signs from Moscow that some units were returning to their bases after exercises were welcomed cautiously in European capitals on Tuesday.\nThe defence ministry said units of the southern and western military districts had completed their drills.',
    writtenAt: new Date('2022-02-15T12:50:00Z'),
    update: {
      paragraph: 'NATO’s secretary general said the alliance had not yet seen any sign of de-escalation on the ground.',
      at: new Date('2022-02-15T13:03:00Z'),
      note: 'Adds NATO reaction',
    },
  },
];

function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * A small newsroom to click through: one person per role, and stories at each stage of the desk,
 * taken there by the same steps the desk takes (submit, approve, publish, update), so the demo's
 * history, stamps and addresses are real.
 */
export async function seedDemo(now = new Date()): Promise<DemoCredential[]> {
  const credentials: DemoCredential[] = [];
  const people: Partial<Record<Role, SessionUser>> = {};
  for (const person of PEOPLE) {
    const password = generatePassword();
    people[person.role] = await createUser(SYSTEM, { ...person, password });
    credentials.push({ ...person, password });
  }
  const { editor: reporter, copy_editor: copyEditor } = people;
  if (!reporter || !copyEditor) throw new Error('demo seed lost its staff');

  const photos = await uploadDemoPhotos(reporter);
  for (const story of STORIES) {
    const written = story.writtenAt ?? new Date(now.getTime() - (story.hoursAgo ?? 1) * HOUR);
    const step = (minutes: number) => new Date(written.getTime() + minutes * MINUTE);
    const [opening, ...rest] = plainTextToDoc(story.body).content;
    const inline: BodyBlock[] = story.inlinePhoto
      ? [{ type: 'photo', attrs: { photoId: photos[story.inlinePhoto].id, caption: null, credit: null, alt: null } }]
      : [];
    const fields = {
      headline: story.headline,
      standfirst: story.standfirst,
      datelinePlace: story.place,
      datelineSource: story.source ?? 'Dateline',
      byline: reporter.name,
      leadPhoto: story.leadPhoto ? { photoId: photos[story.leadPhoto].id, caption: null, credit: null } : null,
      body: { type: 'doc' as const, content: [...(opening ? [opening] : []), ...inline, ...rest] },
    };
    const { id } = createArticle(reporter, written);
    let view = saveArticle(reporter, id, { ...fields, version: 1 }, written);
    if (story.stage === 'draft') continue;
    view = submitArticle(reporter, id, { version: view.version }, step(2));
    if (story.stage === 'in_review') continue;
    view = approveArticle(copyEditor, id, { version: view.version }, step(5));
    if (story.stage === 'approved') continue;
    view = publishArticle(reporter, id, { version: view.version }, step(7));
    if (!story.update) continue;
    const body = { ...fields.body, content: [...fields.body.content, ...plainTextToDoc(story.update.paragraph).content] };
    view = saveArticle(copyEditor, id, { ...fields, body, version: view.version }, new Date(story.update.at.getTime() - MINUTE));
    publishArticle(copyEditor, id, { version: view.version, updateKind: 'update', note: story.update.note }, story.update.at);
  }
  return credentials;
}
