import 'server-only';
import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { type BodyBlock, type BodyDoc, plainTextToDoc } from '@/lib/article-body';
import { quoteAround } from '@/lib/comments/text-anchor';
import type { Role } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { localTimeInZone } from '@/lib/zoned-time';
import { getDb } from '@/db/client';
import { authors, mailOutbox, sections } from '@/db/schema';
import { slugFromHeadline } from '@/lib/slug';
import { createArticle } from '@/server/articles/create-article';
import { publishArticle } from '@/server/articles/publish-article';
import { approveArticle, returnArticle, submitArticle } from '@/server/articles/review-steps';
import { saveArticle } from '@/server/articles/save-article';
import { scheduleArticle } from '@/server/articles/schedule-article';
import { withdrawArticle } from '@/server/articles/withdraw-article';
import { addComment } from '@/server/comments/add-comment';
import { workingBodyText } from '@/server/comments/list-comments';
import { env } from '@/server/env';
import { pinEntry } from '@/server/live-coverage/pin-entry';
import { postEntry } from '@/server/live-coverage/post-entry';
import { saveKeyPoints } from '@/server/live-coverage/save-key-points';
import { SYSTEM } from '@/server/policy';
import { createUser } from '@/server/users/create-user';
import { type DemoPhotoKey, uploadDemoPhotos } from './demo-photos';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type DemoCredential = { role: Role; email: string; name: string; password: string };

/** The demo's people, a few in each role, by the name the seed's stories give them. */
const PEOPLE = {
  amira: { role: 'admin', email: 'amira@dateline.example', name: 'Amira Haddad' },
  kwame: { role: 'admin', email: 'kwame@dateline.example', name: 'Kwame Mensah' },
  tomas: { role: 'copy_editor', email: 'tomas@dateline.example', name: 'Tomás Ruiz' },
  mei: { role: 'copy_editor', email: 'mei@dateline.example', name: 'Mei Lin' },
  nadia: { role: 'editor', email: 'nadia@dateline.example', name: 'Nadia Petrova' },
  samuel: { role: 'editor', email: 'samuel@dateline.example', name: 'Samuel Okafor' },
  ingrid: { role: 'editor', email: 'ingrid@dateline.example', name: 'Ingrid Berg' },
} as const satisfies Record<string, Omit<DemoCredential, 'password'>>;

type Person = keyof typeof PEOPLE;

/** The demo's sections, in the front page's order, each with its IPTC Media Topic where one fits. */
const SECTIONS = {
  world: { name: 'World', description: 'News from beyond our borders, from our correspondents and the agencies.', mediaTopic: null },
  politics: { name: 'Politics', description: 'The council, parliament and the people who run them.', mediaTopic: '11000000' },
  business: { name: 'Business', description: 'Markets, money, work and the companies of the region.', mediaTopic: '04000000' },
  science: { name: 'Science', description: 'Research, health and the environment.', mediaTopic: '13000000' },
  culture: { name: 'Culture', description: 'Museums, stages, books and screens.', mediaTopic: '01000000' },
} as const;

type SectionKey = keyof typeof SECTIONS;

/** The writers and the copy desk as the public sees them: a page each, with a short bio. */
const AUTHOR_BIOS: Partial<Record<Person, string>> = {
  nadia: 'Nadia Petrova covers Russia, Ukraine and the economy, from Moscow and from the desk.',
  samuel: 'Samuel Okafor reports on the city: its council, its transport and its museums.',
  ingrid: 'Ingrid Berg covers transport, labour and the port.',
  tomas: 'Tomás Ruiz edits the news desk.',
  mei: 'Mei Lin edits the news desk.',
};

/** Where a story has got to on the desk: each of the states a newsroom meets. */
type Stage = 'draft' | 'in_review' | 'returned' | 'approved' | 'scheduled' | 'published' | 'withdrawn';

type DemoStory = {
  stage: Stage;
  writer: Person;
  headline: string;
  standfirst: string;
  place: string;
  source?: string;
  /** Paragraphs, one a line. */
  body: string;
  section?: SectionKey;
  tags?: string[];
  /** When it was written; a story goes through the desk in the minutes after. Default: hours before the seed. */
  writtenAt?: Date;
  hoursAgo?: number;
  leadPhoto?: DemoPhotoKey;
  /** A photo placed after the first paragraph. */
  inlinePhoto?: DemoPhotoKey;
  /** The copy desk's comment on a passage of the body, and the writer's reply. */
  comment?: { by: Person; passage: string; text: string; reply?: string };
  /** The copy desk's note to the writer when it sends the story back. */
  returnNote?: string;
  /** The reason for the audit log when the story comes off the public site. */
  withdrawReason?: string;
  /**
   * A live story's coverage: its key points, and its entries, each posted this many minutes after the
   * story went out, by one of the people (the desk pins one).
   */
  live?: { keyPoints: string[]; entries: { by: Person; minutes: number; headline?: string; text: string; photo?: DemoPhotoKey; pinned?: boolean }[] };
  /** A later change to the live story: its whole new body, its kind, and when it went out (default: an hour after the story). */
  followUp?: { kind: 'update' | 'correction'; body: string; at?: Date; note: string; correction?: string };
};

const STORIES: DemoStory[] = [
  {
    stage: 'draft',
    writer: 'samuel',
    headline: 'Council weighs night-bus cuts as budget gap widens',
    section: 'politics',
    tags: ['Transport', 'City council'],
    standfirst: 'Five routes could lose their overnight service from April.',
    place: 'LEEDS',
    body: 'The city council will vote next week on a plan to withdraw overnight service from five bus routes.\nOfficials say the cuts would save £2.1 million a year.',
    hoursAgo: 1,
  },
  {
    stage: 'in_review',
    writer: 'ingrid',
    headline: 'Rail strike talks resume after two-week pause',
    section: 'business',
    tags: ['Transport', 'Strikes'],
    standfirst: 'Unions and operators return to the table with a mediator.',
    place: 'MADRID',
    body: 'Talks between rail unions and the national operator resumed on Tuesday under a government-appointed mediator.\nBoth sides said they hoped for an agreement before the holiday timetable begins.',
    hoursAgo: 2,
    comment: {
      by: 'tomas',
      passage: 'before the holiday timetable begins',
      text: '@Ingrid Berg Which holiday, and from what date? Readers outside Spain will not know.',
      reply: 'Easter: the holiday timetable starts on 28 March. I will add it.',
    },
  },
  {
    stage: 'returned',
    writer: 'nadia',
    headline: 'Hospital waiting lists fall for a third month',
    section: 'science',
    tags: ['Health'],
    standfirst: 'The number of patients waiting more than a year dropped by 7%.',
    place: 'CARDIFF',
    body: 'The number of patients waiting more than a year for planned treatment fell for a third month running, health board figures showed on Thursday.\nThe board said extra weekend clinics had cleared part of the backlog.',
    hoursAgo: 3,
    returnNote: 'The 7% is England’s figure. Check the Welsh number with the health board, and say which month the figures cover.',
  },
  {
    stage: 'approved',
    writer: 'samuel',
    headline: 'Grain ships leave port under new corridor deal',
    section: 'world',
    tags: ['Ukraine', 'Shipping'],
    standfirst: 'Three vessels sailed at dawn, the first under the revised agreement.',
    place: 'ODESA',
    body: 'Three bulk carriers loaded with wheat left port at dawn, the first departures under the revised corridor agreement.\nInsurers said premiums had fallen since the deal was signed.',
    hoursAgo: 2,
    leadPhoto: 'port',
  },
  {
    stage: 'scheduled',
    writer: 'ingrid',
    headline: 'Jobless rate falls to lowest in a decade',
    section: 'business',
    tags: ['Jobs'],
    standfirst: 'Official figures put unemployment at 4.1% in the three months to January.',
    place: 'LONDON',
    body: 'Unemployment fell to 4.1% in the three months to January, its lowest in ten years, official figures showed.\nEconomists had expected the rate to hold at 4.3%.',
    hoursAgo: 4,
  },
  {
    stage: 'published',
    writer: 'nadia',
    headline: 'Central bank holds rates, signals cut in spring',
    section: 'business',
    tags: ['Interest rates', 'Economy'],
    standfirst: 'Policymakers voted 7-2 to keep the main rate at 3.75%.',
    place: 'FRANKFURT',
    body: 'The central bank left its main interest rate unchanged at 3.75% on Thursday and signalled that a cut could come in the spring.\nTwo members of the rate-setting council voted for an immediate reduction.',
    hoursAgo: 3,
    leadPhoto: 'bank',
    inlinePhoto: 'traders',
  },
  {
    stage: 'published',
    writer: 'samuel',
    headline: 'City museum reopens after five-year restoration',
    section: 'culture',
    tags: ['Museums'],
    standfirst: 'The building’s painted ceilings were cleaned by hand, panel by panel.',
    place: 'LISBON',
    body: 'The city museum reopened on Saturday after a five-year restoration that cost €83 million.\nMore than 4,000 visitors queued on the first morning.',
    hoursAgo: 8,
    followUp: {
      kind: 'correction',
      body: 'The city museum reopened on Saturday after a five-year restoration that cost €38 million.\nMore than 4,000 visitors queued on the first morning.',
      note: 'Cost was transposed',
      correction: 'An earlier version of this story gave the cost of the restoration as €83 million. It was €38 million.',
    },
  },
  {
    // The wire format's own example: 12:57 GMT 15.02.2022 (Updated: 13:03 GMT 15.02.2022).
    stage: 'published',
    writer: 'nadia',
    headline: 'Moscow says some troops are returning to base after drills',
    section: 'world',
    tags: ['Russia', 'Ukraine'],
    standfirst: 'European capitals welcomed the statement cautiously and asked for proof on the ground.',
    place: 'MOSCOW',
    source: 'Sputnik',
    body: 'Signs from Moscow that some units were returning to their bases after exercises were welcomed cautiously in European capitals on Tuesday.\nThe defence ministry said units of the southern and western military districts had completed their drills.',
    writtenAt: new Date('2022-02-15T12:50:00Z'),
    leadPhoto: 'armour',
    inlinePhoto: 'kremlin',
    followUp: {
      kind: 'update',
      body: 'Signs from Moscow that some units were returning to their bases after exercises were welcomed cautiously in European capitals on Tuesday.\nThe defence ministry said units of the southern and western military districts had completed their drills.\nNATO’s secretary general said the alliance had not yet seen any sign of de-escalation on the ground.',
      at: new Date('2022-02-15T13:03:00Z'),
      note: 'Adds NATO reaction',
    },
  },
  {
    // A live story, still going: key points at the top, entries from the reporters below.
    stage: 'published',
    writer: 'nadia',
    headline: 'Markets slide as new tariffs take effect',
    section: 'business',
    tags: ['Markets', 'Trade'],
    standfirst: 'Shares fell across Europe in early trading. Follow the markets and the reaction as they happen.',
    place: 'FRANKFURT',
    source: 'Dateline',
    body: 'European shares opened sharply lower on the first day of the new tariffs, with carmakers and chip stocks leading the fall.',
    hoursAgo: 2,
    leadPhoto: 'traders',
    live: {
      keyPoints: ['European shares fell about 2% at the open', 'Carmakers and chipmakers led the fall', 'The central bank says it is watching markets closely'],
      entries: [
        { by: 'nadia', minutes: 5, headline: 'A sharp open', text: 'The main European index was down 2.1% ten minutes into trading, its worst open since March.' },
        { by: 'ingrid', minutes: 25, headline: 'Ports brace for fewer sailings', text: 'Shipping agents at the port said two container lines had already cut their calls for next month.' },
        { by: 'nadia', minutes: 55, headline: 'Central bank: “watching closely”', text: 'A central bank spokesperson said it was watching markets closely and had the tools to keep them orderly.', photo: 'bank', pinned: true },
        { by: 'samuel', minutes: 80, text: 'City traders we spoke to expect a volatile afternoon, with US markets opening at 14:30 GMT.' },
      ],
    },
  },
  {
    stage: 'withdrawn',
    writer: 'ingrid',
    headline: 'Ferry operator to cut winter sailings',
    section: 'business',
    tags: ['Transport', 'Shipping'],
    standfirst: 'Two island routes would run only at weekends from November.',
    place: 'HELSINKI',
    body: 'The ferry operator plans to run its two island routes only at weekends from November, according to a schedule seen by Dateline.\nIslanders said the change would leave them without a weekday crossing.',
    hoursAgo: 6,
    withdrawReason: 'The operator says the schedule was an old draft; off the site until we confirm.',
  },
];

/**
 * The sections and the people's public profiles, made as an admin would. Every writer has one, so
 * every story credits its writer; the tags are made by the stories' writers as they file them.
 */
function fileDemoNewsroom(people: Record<Person, SessionUser>) {
  const db = getDb();
  const sectionIds = {} as Record<SectionKey, number>;
  (Object.entries(SECTIONS) as [SectionKey, (typeof SECTIONS)[SectionKey]][]).forEach(([slug, section], position) => {
    sectionIds[slug] = db.insert(sections).values({ ...section, slug, position }).returning({ id: sections.id }).get().id;
  });
  const authorIds = {} as Record<Person, number>;
  for (const [key, person] of Object.entries(people) as [Person, SessionUser][]) {
    const bio = AUTHOR_BIOS[key];
    if (bio === undefined) continue;
    authorIds[key] = db.insert(authors).values({ userId: person.id, name: person.name, slug: slugFromHeadline(person.name), bio }).returning({ id: authors.id }).get().id;
  }
  return { sectionIds, authorIds };
}

function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** The story's body as the editor would hold it, with its inline photo after the first paragraph. */
function bodyWithPhoto(text: string, photoId: number | undefined): BodyDoc {
  const [opening, ...rest] = plainTextToDoc(text).content;
  const inline: BodyBlock[] = photoId === undefined ? [] : [{ type: 'photo', attrs: { photoId, caption: null, credit: null, alt: null } }];
  return { type: 'doc', content: [...(opening ? [opening] : []), ...inline, ...rest] };
}

/** A live story's key points and entries, posted and pinned by the people as the live desk would. */
function coverLive(
  articleId: number,
  live: NonNullable<DemoStory['live']>,
  { people, authorIds, photos, from }: { people: Record<Person, SessionUser>; authorIds: Record<Person, number>; photos: Awaited<ReturnType<typeof uploadDemoPhotos>>; from: Date },
) {
  const at = (minutes: number) => new Date(from.getTime() + minutes * MINUTE);
  saveKeyPoints(people.tomas, articleId, { keyPoints: live.keyPoints, basedOn: [] }, at(1));
  for (const entry of live.entries) {
    const body = bodyWithPhoto(entry.text, entry.photo && photos[entry.photo].id);
    const posted = postEntry(people[entry.by], articleId, { headline: entry.headline ?? '', body, authorIds: [authorIds[entry.by]] }, at(entry.minutes));
    if (entry.pinned) pinEntry(people.tomas, articleId, posted.id, { pinned: true, version: posted.version }, at(entry.minutes + 1));
  }
}

/** Tomorrow at 07:00 on the newsroom's clock: always hours ahead of the seed, so the scheduler leaves it be. */
function tomorrowMorning(now: Date, timeZone: string): string {
  return `${localTimeInZone(new Date(now.getTime() + DAY), timeZone).slice(0, 10)}T07:00`;
}

/**
 * A small newsroom to click through: a few people in each role, and a story in each state the desk
 * meets, taken there by the same steps the desk takes (submit, comment, return, approve, schedule,
 * publish, update, correct, withdraw), so the demo's history, stamps, notes and addresses are real.
 */
export async function seedDemo(now = new Date()): Promise<DemoCredential[]> {
  const credentials: DemoCredential[] = [];
  const people = {} as Record<Person, SessionUser>;
  for (const [key, person] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const password = generatePassword();
    people[key] = await createUser(SYSTEM, { ...person, password });
    credentials.push({ ...person, password });
  }
  // The copy desk moves the stories; the editor-in-chief takes one off the site.
  const { tomas: copyDesk, mei: secondCopyDesk, amira: chief } = people;

  const { sectionIds, authorIds } = fileDemoNewsroom(people);

  const photos = await uploadDemoPhotos(people.nadia);
  for (const story of STORIES) {
    const writer = people[story.writer];
    const written = story.writtenAt ?? new Date(now.getTime() - (story.hoursAgo ?? 1) * HOUR);
    const step = (minutes: number) => new Date(written.getTime() + minutes * MINUTE);
    const fields = {
      headline: story.headline,
      standfirst: story.standfirst,
      datelinePlace: story.place,
      datelineSource: story.source ?? 'Dateline',
      byline: writer.name,
      leadPhoto: story.leadPhoto ? { photoId: photos[story.leadPhoto].id, caption: null, credit: null } : null,
      body: bodyWithPhoto(story.body, story.inlinePhoto && photos[story.inlinePhoto].id),
    };
    const filing = { sectionId: story.section ? sectionIds[story.section] : null, tags: story.tags ?? [], authorIds: [authorIds[story.writer]] };
    const { id } = createArticle(writer, written, story.live ? 'live' : 'article');
    let { version } = saveArticle(writer, id, { ...fields, filing, version: 1 }, written);
    if (story.stage === 'draft') continue;

    ({ version } = submitArticle(writer, id, { version }, step(2)));
    if (story.comment) {
      const { by, passage, text, reply } = story.comment;
      const body = workingBodyText(getDb(), id);
      const start = body.indexOf(passage);
      const [thread] = addComment(people[by], id, { body: text, anchor: quoteAround(body, start, start + passage.length) }, step(4));
      if (reply && thread) addComment(writer, id, { body: reply, parentId: thread.id }, step(6));
    }
    if (story.stage === 'in_review') continue;
    if (story.returnNote) {
      returnArticle(secondCopyDesk, id, { version, note: story.returnNote }, step(5));
      continue;
    }

    ({ version } = approveArticle(copyDesk, id, { version }, step(5)));
    if (story.stage === 'approved') continue;
    if (story.stage === 'scheduled') {
      const timeZone = env().NEWSROOM_TIMEZONE;
      scheduleArticle(secondCopyDesk, id, { version, localTime: tomorrowMorning(now, timeZone), timeZone }, step(7));
      continue;
    }

    ({ version } = publishArticle(writer, id, { version }, step(7)));
    if (story.withdrawReason) withdrawArticle(chief, id, { version, note: story.withdrawReason }, step(90));
    if (story.live) coverLive(id, story.live, { people, authorIds, photos, from: step(7) });
    if (!story.followUp) continue;
    const { kind, body, at = step(67), note, correction } = story.followUp;
    const revised = { ...fields, body: bodyWithPhoto(body, story.inlinePhoto && photos[story.inlinePhoto].id), version };
    ({ version } = saveArticle(copyDesk, id, revised, new Date(at.getTime() - MINUTE)));
    publishArticle(copyDesk, id, { version, updateKind: kind, note, correction }, at);
  }
  // The demo's history is made by the desk's own steps, which queue mail when mail is on: to invented
  // people (@dateline.example), and to a first admin about stories that never happened. Seeding runs
  // only on an empty newsroom, so everything waiting now is the seed's; none of it is sent.
  getDb().delete(mailOutbox).where(inArray(mailOutbox.status, ['queued', 'daily'])).run();
  return credentials;
}
