import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftOfDocument } from '@/lib/co-editing/article-body-document';
import { bodyFragment, fieldsMap, leadPhotoMap } from '@/lib/co-editing/article-document';
import { connectOnceClosed } from '@/lib/co-editing/connect-once-closed';
import type { SessionUser } from '@/lib/session-user';
import { makeUser, writtenStory } from '@/tests/factories';
import { uploadDistinctPhoto } from '@/tests/photos-fixtures';
import { getArticle } from '@/server/articles/queries';
import { issueCollabTicket } from './collab-ticket';
import { COLLAB_PATH, createCollabServer, type CollabServer } from './collab-server';
import { foldArticleDocument } from './fold-document';
import { loadArticleDocument } from './load-document';

/**
 * Three people edit one article through the real server at random: typing, deleting, bold and
 * italic, new paragraphs, photos placed and taken out, captions changed, the headline and the lead
 * photo's caption, with random pauses, and with each of them dropping off the network and coming
 * back now and then. However the edits cross, all three and the server must end with the same
 * document, and that document must be one a save accepts (the fold runs the server's body check).
 * The seed is printed with a failure: it fixes what each person chooses to do, though not how the
 * network orders it.
 */

const ROUNDS = 3;
const EDITS_PER_PERSON = 40;

let people: SessionUser[];
let photoIds: number[];
let collab: CollabServer;
let server: http.Server;
let url: string;

beforeAll(async () => {
  people = await Promise.all([makeUser('copy_editor', 'Ann Desk'), makeUser('copy_editor', 'Ben Desk'), makeUser('editor', 'Cy Writer')]);
  photoIds = [(await uploadDistinctPhoto(people[0]!)).photo.id, (await uploadDistinctPhoto(people[0]!)).photo.id];
  collab = createCollabServer({ maxUpdateBytes: 512 * 1024, recheckMs: 60_000 });
  server = http.createServer((_request, response) => response.writeHead(404).end());
  server.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}${COLLAB_PATH}`;
});

afterAll(async () => {
  collab.closeAll();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (below: number) => Math.floor(next() * below), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}
type Random = ReturnType<typeof randomFrom>;

const WORDS = ['port', 'strike', 'council', 'паром', 'Zürich', 'ends', 'talks', 'vote', 'tonight'];

/** The paragraphs' text containers, the places a person can type. */
function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return bodyFragment(doc)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
    .map((paragraph) => paragraph.get(0))
    .filter((text): text is Y.XmlText => text instanceof Y.XmlText);
}

/** One edit a person might make, as y-tiptap would write it into the shared document. */
function randomEdit(doc: Y.Doc, random: Random): void {
  const body = bodyFragment(doc);
  const texts = paragraphTexts(doc);
  const kind = random.int(9);
  if (kind <= 2 && texts.length > 0) {
    const text = random.pick(texts);
    text.insert(random.int(text.length + 1), `${random.pick(WORDS)} `);
  } else if (kind === 3 && texts.length > 0) {
    const text = random.pick(texts);
    if (text.length > 0) {
      const at = random.int(text.length);
      text.delete(at, Math.min(text.length - at, 1 + random.int(6)));
    }
  } else if (kind === 4 && texts.length > 0) {
    const text = random.pick(texts);
    if (text.length > 1) {
      const at = random.int(text.length - 1);
      text.format(at, 1 + random.int(text.length - at - 1), random.next() < 0.5 ? { bold: {} } : { italic: {} });
    }
  } else if (kind === 5) {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, random.pick(WORDS));
    paragraph.insert(0, [text]);
    body.insert(random.int(body.length + 1), [paragraph]);
  } else if (kind === 6) {
    const photo = new Y.XmlElement('photo');
    photo.setAttribute('photoId', random.pick(photoIds) as unknown as string);
    body.insert(random.int(body.length + 1), [photo]);
  } else if (kind === 7 && body.length > 1) {
    const photos = body.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'photo');
    if (photos.length > 0 && random.next() < 0.5) {
      const photo = random.pick(photos);
      photo.setAttribute('caption', `${random.pick(WORDS)} caption`);
    } else if (photos.length > 0) {
      const photo = random.pick(photos);
      const index = body.toArray().indexOf(photo);
      if (index >= 0) body.delete(index, 1);
    }
  } else {
    const field = random.next() < 0.5 ? fieldsMap(doc).get('headline') : leadPhotoMap(doc).get('caption');
    if (field instanceof Y.Text) {
      if (field.length > 3 && random.next() < 0.3) field.delete(random.int(field.length - 2), 2);
      else field.insert(random.int(field.length + 1), `${random.pick(WORDS)} `);
    }
  }
}

type Person = { provider: HocuspocusProvider; doc: Y.Doc };

function join(user: SessionUser, articleId: number): Person {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url, name: `article:${articleId}`, document: doc, token: () => issueCollabTicket(user, articleId).ticket });
  return { provider, doc };
}

const settled = (person: Person) => person.provider.isSynced && !person.provider.hasUnsyncedChanges;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('three people editing one article at random', () => {
  it.each(Array.from({ length: ROUNDS }, (_, round) => 20_261_205 + round))('converge on one document a save accepts (seed %i)', async (seed) => {
    const story = writtenStory(people[2]!, `Convergence ${seed}`);
    const everyone = people.map((user) => join(user, story.id));
    try {
      await expect.poll(() => everyone.every(settled)).toBe(true);

      await Promise.all(
        everyone.map(async (person, index) => {
          const random = randomFrom(seed * 3 + index);
          for (let edit = 0; edit < EDITS_PER_PERSON; edit += 1) {
            // A dropped connection: edits go on offline and merge when it comes back.
            if (random.next() < 0.06) person.provider.disconnect();
            if (random.next() < 0.15) connectOnceClosed(person.provider.configuration.websocketProvider);
            randomEdit(person.doc, random);
            await pause(random.int(15));
          }
          connectOnceClosed(person.provider.configuration.websocketProvider);
        }),
      );
      await expect.poll(() => everyone.every(settled), { timeout: 20_000 }).toBe(true);

      const served = collab.find(story.id)!;
      const stateOf = (doc: Y.Doc) => JSON.stringify({ body: bodyFragment(doc).toJSON(), fields: fieldsMap(doc).toJSON(), lead: leadPhotoMap(doc).toJSON() });
      await expect.poll(() => everyone.map((person) => stateOf(person.doc))).toEqual(everyone.map(() => stateOf(served)));

      // What the server stored loads as the same document, and folds as a save would accept it.
      const reloaded = new Y.Doc();
      loadArticleDocument(reloaded, story.id);
      expect(stateOf(reloaded), `seed ${seed}`).toBe(stateOf(served));
      const outcome = foldArticleDocument(story.id, served);
      expect(outcome, `seed ${seed}`).toMatchObject({ folded: true });
      expect(getArticle(people[2]!, story.id).body).toEqual(draftOfDocument(served).body);
    } finally {
      for (const person of everyone) person.provider.destroy();
    }
  });
});
