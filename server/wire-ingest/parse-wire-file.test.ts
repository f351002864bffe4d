import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyPlainText } from '@/lib/editor/body-text';
import { validateNinjs } from '@/lib/standards/ninjs-schema';
import { appErrorFrom } from '@/tests/app-error';
import { NINJS_EXAMPLES, newsmlExample, newsmlTextItem, ninjsExample } from '@/tests/wire-fixtures';
import { parseWireFile } from './parse-wire-file';

const only = (text: string) => {
  const items = parseWireFile(text);
  expect(items).toHaveLength(1);
  return items[0]!;
};

describe('NewsML-G2, with IPTC’s examples', () => {
  it('reads a news item’s identity, place, people, subjects, status, signal, embargo and rights (LISTING 1)', () => {
    const item = only(newsmlExample('LISTING_1_A_NewsML-G2_News_Item.xml'));
    expect(item).toMatchObject({
      guid: 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED',
      version: 11,
      format: 'newsml-g2',
      kind: 'text',
      headline: 'Fed to halt QE to avert "bubble"',
      slugline: 'US-Finance-Fed',
      provider: 'REUTERS',
      located: 'Berlin',
      byline: 'Meredith Jameson',
      pubStatus: 'usable',
      signals: ['update'],
      embargoedUntil: '2018-10-23T12:00:00.000Z',
      copyrightHolder: 'Example Enews LLP',
      copyrightNotice: 'Copyright 2017-18 Example Enews LLP, all rights reserved',
      usageTerms: 'Not for use outside the United States',
    });
    expect(item.subjects).toEqual([
      { code: 'medtop:04000000', name: 'economy, business and finance' },
      { code: 'medtop:20000523', name: 'labour market' },
    ]);
  });

  it('turns an inline NITF body into paragraphs, leaving the headline and byline to the metadata (LISTING 2)', () => {
    const item = only(newsmlExample('LISTING_2_NewsML-G2_Text_Document.xml'));
    expect(item.body.content.map((block) => block.type)).toEqual(['paragraph', 'paragraph']);
    const text = bodyPlainText(item.body);
    expect(text).toMatch(/^\(New York, NY - October 21\) Et, sent luptat luptat, commy Nim zzriureet/);
    expect(text).not.toContain('Staff Reporter');
    expect(item.located).toBe('New York, NY');
  });

  it('reads a picture item’s file, caption, photographer, credit and rights (LISTING 3)', () => {
    const item = only(newsmlExample('LISTING_3_Photo_in_NewsML-G2.xml'));
    expect(item.kind).toBe('picture');
    expect(item.photos).toEqual([
      expect.objectContaining({
        href: './GYI0062134533.jpg',
        creator: 'Spencer Platt',
        creditLine: 'Getty Images',
        caption: expect.stringMatching(/^A general view of part of downtown/),
        copyrightNotice: expect.stringMatching(/^Copyright 2010 Getty Images/),
        usageTerms: expect.stringMatching(/^Contact your local office/),
      }),
    ]);
  });

  it('reads the items a package groups (LISTING 6)', () => {
    const item = only(newsmlExample('LISTING_6_Simple_NewsML-G2_Package.xml'));
    expect(item.kind).toBe('package');
    expect(item.references.map((ref) => [ref.kind, ref.title])).toEqual([
      ['text', 'Obama annonce son équipe'],
      ['picture', 'Barack Obama arrive à Washington'],
    ]);
  });
});

describe('ninjs, with IPTC’s examples', () => {
  const examples21 = fs.readdirSync(NINJS_EXAMPLES).filter((name) => name.startsWith('2.1_'));

  it.each(examples21)('%s is valid against the ninjs schema and is read', (name) => {
    expect(validateNinjs(JSON.parse(ninjsExample(name)))).toBe(true);
    expect(only(ninjsExample(name)).format).toBe('ninjs');
  });

  it('takes an HTML body with its quotes and links, and the item’s subjects (TT’s text)', () => {
    const item = only(ninjsExample('2.1_tt_text_image_2.json'));
    expect(item).toMatchObject({ kind: 'text', headline: 'Militärövning i jätteformat hålls 2023', slugline: 'militärövning', provider: 'TT' });
    expect(item.body.content.some((block) => block.type === 'blockquote')).toBe(true);
    expect(JSON.stringify(item.body)).toContain('"href":"https://www.sydostran.se/');
    expect(bodyPlainText(item.body)).not.toContain('Militärövning i jätteformat hålls 2023');
    expect(item.photos[0]).toMatchObject({ creator: 'Karl Melander/TT', href: expect.stringMatching(/^https:/) });
  });

  it('refuses the 1.4 examples, which are not ninjs 2.x, in the schema’s words', () => {
    for (const name of ['1.4_ninjsExMediumText1.json', '1.4_ninjsExSimplePhoto1.json']) {
      const error = appErrorFrom(() => parseWireFile(ninjsExample(name)));
      expect(error.code).toBe('INVALID');
      expect(error.message).toMatch(/^The item is not valid ninjs 2\.x: /);
    }
  });

  it('refuses an item the schema does not allow', () => {
    const error = appErrorFrom(() => parseWireFile(JSON.stringify({ uri: 'urn:x', pubstatus: 'withdrawn' })));
    expect(error.message).toContain('/pubstatus must be equal to one of the allowed values');
  });
});

describe('bad input', () => {
  const item = newsmlTextItem({ guid: 'urn:test:bad', headline: 'Harbour reopens' });

  it('refuses malformed XML, saying where', () => {
    const error = appErrorFrom(() => parseWireFile(item.replace('</headline>', '</headlin>')));
    expect(error.code).toBe('INVALID');
    expect(error.message).toMatch(/^The XML is not well-formed \(line \d+, column \d+\)/);
  });

  it('refuses a file over the size limit before reading it', () => {
    const huge = item.replace('<p>', `<p>${'x'.repeat(2_100_000)}`);
    expect(appErrorFrom(() => parseWireFile(huge)).code).toBe('TOO_LARGE');
    expect(appErrorFrom(() => parseWireFile(JSON.stringify({ uri: 'urn:x', slugline: 'x'.repeat(2_100_000) }))).code).toBe('TOO_LARGE');
  });

  it('refuses a root outside the NewsML-G2 namespace, and a fragment with none (LISTING 28)', () => {
    const other = item.replace('xmlns="http://iptc.org/std/nar/2006-10-01/"', 'xmlns="http://example.com/not-nar/"');
    expect(appErrorFrom(() => parseWireFile(other)).message).toBe('The root element is not in the NewsML-G2 namespace http://iptc.org/std/nar/2006-10-01/.');
    expect(appErrorFrom(() => parseWireFile(newsmlExample('LISTING_28_Illustrating_Located_Subject_and_Dateline.xml'))).code).toBe('INVALID');
  });

  it('refuses XXE and billion laughs unread: any DOCTYPE or entity declaration', () => {
    const xxe = item.replace('<newsItem', '<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<newsItem').replace('Harbour reopens</headline>', '&xxe;</headline>');
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
    const laughs = item.replace('<newsItem', `<!DOCTYPE newsItem [${lol}]>\n<newsItem`).replace('Harbour reopens</headline>', '&lol9;</headline>');
    for (const hostile of [xxe, laughs]) {
      const error = appErrorFrom(() => parseWireFile(hostile));
      expect(error.code).toBe('INVALID');
      expect(error.message).toMatch(/declares a DOCTYPE or entities/);
    }
  });

  it('drops script, style and event handlers from a body, and links that are not http(s) or mailto', () => {
    const hostile = newsmlTextItem({
      guid: 'urn:test:script',
      headline: 'Harbour reopens',
      bodyXhtml:
        '<p onclick="steal()">The <b>harbour</b> reopened<script>alert(1)</script> today.</p><style>p{}</style>' +
        '<p><a href="javascript:alert(2)">Click</a> and <a href="https://port.example/">the port</a></p><iframe src="https://evil.example/"/>',
    });
    const { body } = only(hostile);
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/alert|steal|javascript|evil|style|onclick/);
    expect(bodyPlainText(body)).toBe('The harbour reopened today.\nClick and the port');
    expect(json).toContain('"type":"bold"');
    expect(json).toContain('"href":"https://port.example/"');

    const ninjs = JSON.stringify({
      uri: 'urn:test:ninjs-script',
      type: 'text',
      bodies: [{ role: 'main', contenttype: 'text/html', value: '<p>Calm<script>alert(1)</script> seas <img src=x onerror=alert(2)></p>' }],
    });
    expect(bodyPlainText(only(ninjs).body)).toBe('Calm seas');
  });

  it('refuses a body nested past the limits, in words', () => {
    const nested = (depth: number) => newsmlTextItem({ guid: 'urn:test:deep', headline: 'Deep', bodyXhtml: `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}` });
    expect(appErrorFrom(() => parseWireFile(nested(70))).message).toBe("The item's body is nested more than 60 elements deep.");
    expect(appErrorFrom(() => parseWireFile(nested(250))).message).toMatch(/^The XML could not be read: /);
    const associations = `${'{"uri":"urn:a","associations":['.repeat(20_000)}{"uri":"urn:b"}${']}'.repeat(20_000)}`;
    expect(appErrorFrom(() => parseWireFile(associations)).code).toBe('INVALID');
  });

  it('refuses what is neither XML nor JSON', () => {
    expect(appErrorFrom(() => parseWireFile('HEADLINE: Harbour reopens')).message).toBe('The file is neither NewsML-G2 XML nor ninjs JSON.');
  });
});
