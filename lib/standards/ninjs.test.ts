import { describe, expect, it } from 'vitest';
import { canceledNinjs, ninjsOf } from './ninjs';
import { ninjsProblems, validateNinjs } from '@/tests/ninjs-schema';
import { cyrillicArticle, filedArticle, HARBOUR_PHOTO, HOSTILE_TEXT, MARKET_PHOTO, publicArticle, SITE } from '@/tests/public-article-fixtures';

function expectValidNinjs(item: unknown) {
  expect(ninjsProblems(item)).toEqual([]);
}

describe('ninjsOf', () => {
  it('is valid ninjs 2.2 for a story with photos, without, in Cyrillic, and with hostile text', () => {
    expectValidNinjs(ninjsOf(publicArticle(), SITE));
    expectValidNinjs(ninjsOf(publicArticle({ leadPhoto: null, body: { type: 'doc', content: [] } }), SITE));
    expectValidNinjs(ninjsOf(cyrillicArticle(), SITE));
    expectValidNinjs(ninjsOf(publicArticle({ headline: HOSTILE_TEXT, standfirst: HOSTILE_TEXT, byline: HOSTILE_TEXT }), SITE));
  });

  it('names the section and tags as subjects, by Media Topic where they have one, and stays valid with markup in a name', () => {
    const item = ninjsOf(filedArticle(), SITE);
    expectValidNinjs(item);
    expect(item.subjects).toEqual([
      { name: 'Business', rel: 'section', uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000' },
      { name: 'Ports', rel: 'tag' },
      { name: HOSTILE_TEXT, rel: 'tag', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000349' },
    ]);
    expect(ninjsOf(publicArticle(), SITE)).not.toHaveProperty('subjects');
  });

  it('the validator does reject what 2.2 does not allow', () => {
    expect(validateNinjs({ ...ninjsOf(publicArticle(), SITE), pubstatus: 'withdrawn' })).toBe(false);
    expect(validateNinjs({ ...ninjsOf(publicArticle(), SITE), headline: 'not a ninjs property' })).toBe(false);
    // An association is a full ninjs object plus `name`, closed by unevaluatedProperties: no alt-text field.
    const [lead] = ninjsOf(publicArticle(), SITE).associations ?? [];
    expect(validateNinjs({ uri: 'https://news.example.org/articles/1', associations: [{ ...lead, alttext: 'Ships' }] })).toBe(false);
  });

  it('names the story by id, dates it by first publish and public Updated stamp, and counts its body', () => {
    const item = ninjsOf(publicArticle({ updatedAt: '2025-05-21T09:00:00.000Z' }), SITE);
    expect(item).toMatchObject({
      uri: 'https://news.example.org/articles/42',
      type: 'text',
      version: '3',
      firstcreated: '2025-05-20T08:30:00.000Z',
      versioncreated: '2025-05-21T09:00:00.000Z',
      pubstatus: 'usable',
      language: 'en',
      headlines: [{ role: 'main', value: 'Port strike ends after nine days' }],
      descriptions: [{ role: 'summary', value: 'Dockers accept a 6% pay rise.' }],
      by: 'By Ana Lima and Tom Ruiz',
      located: 'ROTTERDAM',
      copyrightholder: 'The Harbour Gazette',
    });
    expect(item.bodies).toEqual([
      {
        role: 'main',
        contenttype: 'text/plain',
        value: 'Dockers voted to return to work on Monday.\nTraders at the fish market at dawn.\nThe port expects a backlog until Friday.',
        charcount: 119,
        wordcount: 22,
      },
    ]);
    expect(ninjsOf(publicArticle({ updatedAt: null }), SITE).versioncreated).toBe('2025-05-20T08:30:00.000Z');
  });

  it('keeps the same uri when the slug changes', () => {
    expect(ninjsOf(publicArticle({ slug: 'a-new-title' }), SITE).uri).toBe(ninjsOf(publicArticle(), SITE).uri);
  });

  it('carries each photo as a full picture: credit, caption as shown, rights, and every rendition by absolute URL', () => {
    const [lead, inline, ...more] = ninjsOf(publicArticle(), SITE).associations ?? [];
    expect(more).toEqual([]);
    const media = (photo: { sha256: string }, file: string) => `https://news.example.org/media/photos/${photo.sha256}/${file}`;

    expect(lead).toEqual({
      name: 'lead',
      uri: `https://news.example.org/media/photos/${HARBOUR_PHOTO.sha256}`,
      type: 'picture',
      by: 'Ana Lens',
      copyrightholder: 'Example Press',
      copyrightnotice: '© 2025 Example Press',
      rightsinfo: { linkedrights: 'https://press.example/rights/editorial-use' },
      descriptions: [
        { role: 'caption', value: 'Ships queue as the strike ends.' },
        { role: 'creditline', value: '© Example Press / Ana Lens' },
        { role: 'alt', value: 'Six container ships at anchor under a grey sky' },
      ],
      renditions: [
        { name: 'webp-320', href: media(HARBOUR_PHOTO, '320.webp'), contenttype: 'image/webp', width: 320, height: 240 },
        { name: 'webp-640', href: media(HARBOUR_PHOTO, '640.webp'), contenttype: 'image/webp', width: 640, height: 480 },
        { name: 'webp-1024', href: media(HARBOUR_PHOTO, '1024.webp'), contenttype: 'image/webp', width: 1024, height: 768 },
        { name: 'webp-1600', href: media(HARBOUR_PHOTO, '1600.webp'), contenttype: 'image/webp', width: 1600, height: 1200 },
        { name: 'jpeg-1600', href: media(HARBOUR_PHOTO, '1600.jpg'), contenttype: 'image/jpeg', width: 1600, height: 1200 },
      ],
    });
    expect(inline).toEqual({
      name: 'photo-2',
      uri: `https://news.example.org/media/photos/${MARKET_PHOTO.sha256}`,
      type: 'picture',
      by: 'Tom Shutter',
      descriptions: [
        { role: 'caption', value: 'Traders at the fish market at dawn.' },
        { role: 'creditline', value: 'Pool photo' },
        // No alt text in the library: a reader is offered the caption, as on the page.
        { role: 'alt', value: 'The fish market.' },
      ],
      renditions: [
        { name: 'webp-320', href: media(MARKET_PHOTO, '320.webp'), contenttype: 'image/webp', width: 320, height: 240 },
        { name: 'webp-640', href: media(MARKET_PHOTO, '640.webp'), contenttype: 'image/webp', width: 640, height: 480 },
        { name: 'webp-800', href: media(MARKET_PHOTO, '800.webp'), contenttype: 'image/webp', width: 800, height: 600 },
        { name: 'jpeg-800', href: media(MARKET_PHOTO, '800.jpg'), contenttype: 'image/jpeg', width: 800, height: 600 },
      ],
    });
  });

  it('counts Cyrillic words and characters as a reader would, and leaves out what a story lacks', () => {
    const item = ninjsOf(cyrillicArticle(), SITE);
    expect(item.bodies?.[0]).toMatchObject({ value: 'Забастовка в порту закончилась в понедельник.', charcount: 45, wordcount: 6 });
    expect(item).toMatchObject({ located: 'МОСКВА', by: 'Анна Лима' });
    expect(item).not.toHaveProperty('associations');
    const bare = ninjsOf(publicArticle({ standfirst: '', byline: '', datelinePlace: '' }), SITE);
    for (const key of ['descriptions', 'by', 'located']) expect(bare).not.toHaveProperty(key);
  });
});

describe('canceledNinjs', () => {
  const canceled = canceledNinjs(
    { id: 42, slug: 'port-strike-ends', headline: 'Port strike ends after nine days', version: 4, withdrawnAt: '2025-05-23T12:00:00.000Z' },
    SITE,
  );

  it('is valid ninjs 2.2: the same item, canceled, headline kept, no words', () => {
    expectValidNinjs(canceled);
    expect(canceled).toEqual({
      uri: ninjsOf(publicArticle(), SITE).uri,
      type: 'text',
      version: '4',
      versioncreated: '2025-05-23T12:00:00.000Z',
      pubstatus: 'canceled',
      language: 'en',
      headlines: [{ role: 'main', value: 'Port strike ends after nine days' }],
    });
  });
});
