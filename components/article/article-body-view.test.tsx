import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type BodyDoc, plainTextToDoc } from '@/lib/article-body';
import { FULL_BODY, linkTo } from '@/tests/body-fixtures';
import type { PhotoCard } from '@/lib/photos/photo-use';
import { ArticleBodyView } from './article-body-view';

const SHA = 'c0ffee'.padEnd(64, '0');
const CHAMBER: PhotoCard = {
  id: 7,
  sha256: SHA,
  originalName: 'chamber.jpg',
  width: 2000,
  height: 1000,
  caption: 'Library caption',
  creditLine: '© Dateline / Ana Lens',
  altText: 'Councillors voting',
};
const render = (body: unknown, photos: Record<number, PhotoCard> = { 7: CHAMBER }) =>
  renderToStaticMarkup(<ArticleBodyView body={body as BodyDoc} photos={photos} />);
const url = (file: string) => `/media/photos/${SHA}/${file}`;
const chamberFigure = (credit: string, caption: string) =>
  '<figure class="photo-figure" data-photo-id="7"><picture>' +
  `<source type="image/webp" srcSet="${url('320.webp')} 320w, ${url('640.webp')} 640w, ${url('1024.webp')} 1024w, ${url('1600.webp')} 1600w" sizes="(min-width: 48rem) 42rem, 100vw"/>` +
  `<img src="${url('1600.jpg')}" width="1600" height="800" alt="Councillors voting" loading="lazy" decoding="async"/></picture>` +
  `<p class="photo-figure__credit">${credit}</p><figcaption>${caption}</figcaption></figure>`;
const inPara = (...content: unknown[]) => render({ type: 'doc', content: [{ type: 'paragraph', content }] });
const linked = (href: string) => inPara({ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href } }] });

describe('ArticleBodyView', () => {
  it('renders every node and mark of a story', () => {
    expect(render(FULL_BODY)).toBe(
      '<div class="article-body">' +
        '<h2>Council votes</h2>' +
        '<p>The vote was <strong><em>31 to 12</em></strong>, says the ' +
        '<a href="https://example.org/report" rel="noopener noreferrer nofollow">full report</a>.<br/>Write to ' +
        '<a href="mailto:desk@example.org" rel="noopener noreferrer nofollow">the desk</a></p>' +
        '<h3>Reaction</h3>' +
        '<blockquote><p>We listed three demands:</p>' +
        '<ol start="3"><li><p>Housing</p></li><li><p>Transport</p><ul><li><p>Buses</p></li></ul></li></ol></blockquote>' +
        chamberFigure('Ana Lens/Dateline', 'The chamber') +
        '<p></p>' +
        '</div>',
    );
  });

  it('opens the first paragraph with the dateline, after any heading or photo before it', () => {
    const body = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Live' }] }, ...plainTextToDoc('Signs of a deal.\nMore later.').content] };
    expect(renderToStaticMarkup(<ArticleBodyView body={body as BodyDoc} lede="MOSCOW (Sputnik) - " />)).toBe(
      '<div class="article-body"><h2>Live</h2><p><span class="dateline">MOSCOW (Sputnik) - </span>Signs of a deal.</p><p>More later.</p></div>',
    );
    const noParagraph = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Only a heading' }] }] };
    expect(renderToStaticMarkup(<ArticleBodyView body={noParagraph as BodyDoc} lede="KYIV - " />)).toBe(
      '<div class="article-body"><p><span class="dateline">KYIV - </span></p><h2>Only a heading</h2></div>',
    );
  });

  it('renders stored plain-text bodies as paragraphs', () => {
    expect(render(plainTextToDoc('One\n\nTwo'))).toBe('<div class="article-body"><p>One</p><p></p><p>Two</p></div>');
  });

  it('keeps one element for a mark shared by neighbouring text', () => {
    const link = { type: 'link', attrs: linkTo('https://example.org') };
    expect(
      inPara(
        { type: 'text', text: 'the ', marks: [link] },
        { type: 'text', text: 'full', marks: [link, { type: 'bold' }] },
        { type: 'text', text: ' report', marks: [link] },
        { type: 'text', text: ' now', marks: [{ type: 'bold' }] },
      ),
    ).toBe(
      '<div class="article-body"><p><a href="https://example.org" rel="noopener noreferrer nofollow">the <strong>full</strong> report</a>' +
        '<strong> now</strong></p></div>',
    );
  });

  it('renders a numbered list from 1 without a start, and its numbering style', () => {
    const list = (attrs: unknown) =>
      render({ type: 'doc', content: [{ type: 'orderedList', attrs, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] });
    expect(list({ start: 1, type: null })).toContain('<ol><li>');
    expect(list({ start: 2, type: 'i' })).toContain('<ol start="2" type="i">');
    expect(list({ start: -5, type: 'disc' })).toContain('<ol><li>');
  });

  it('shows a photo with the library’s credit and caption unless this article overrides them', () => {
    const photo = (attrs: unknown) => render({ type: 'doc', content: [{ type: 'photo', attrs }] });
    expect(photo({ photoId: 7, caption: null, credit: null, alt: null })).toBe(
      `<div class="article-body">${chamberFigure('© Dateline / Ana Lens', 'Library caption')}</div>`,
    );
    expect(photo({ photoId: 7, caption: '', credit: '© AP / Pool', alt: null })).toContain(
      '<p class="photo-figure__credit">© AP / Pool</p><figcaption>Library caption</figcaption>',
    );
  });

  it('leaves out a credit or caption nobody has written, and says so when the photo is gone', () => {
    const bare = { ...CHAMBER, caption: '', creditLine: '' };
    const html = render({ type: 'doc', content: [{ type: 'photo', attrs: { photoId: 7 } }] }, { 7: bare });
    expect(html).not.toContain('photo-figure__credit');
    expect(html).not.toContain('<figcaption');
    expect(render({ type: 'doc', content: [{ type: 'photo', attrs: { photoId: 8 } }] })).toBe(
      '<div class="article-body"><figure class="photo-figure photo-figure--missing" data-photo-id="8"><p>Photo 8 is not in the library.</p></figure></div>',
    );
  });
});

describe('ArticleBodyView with hostile content', () => {
  it('escapes markup in text, captions and credits', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }] },
        { type: 'photo', attrs: { photoId: 7, caption: '<b onmouseover="x">c</b>', credit: '"><script>', alt: null } },
      ],
    }, { 7: { ...CHAMBER, altText: '" onerror="alert(1)' } });
    expect(html).not.toContain('<script');
    // The one image is the photo's own, its alt text escaped.
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain('alt="&quot; onerror=&quot;alert(1)"');
    expect(html).not.toContain('<b ');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('renders links to anything but http(s) and mailto as plain text', () => {
    for (const href of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '/local']) {
      expect(linked(href)).toBe('<div class="article-body"><p>click</p></div>');
    }
    expect(inPara({ type: 'text', text: 'click', marks: [{ type: 'link' }] })).toBe('<div class="article-body"><p>click</p></div>');
  });

  it('ignores attributes it does not know, and the stored target, rel and class of links', () => {
    expect(render({ type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [{ type: 'text', text: 'x' }] }] })).toBe(
      '<div class="article-body"><p>x</p></div>',
    );
    const link = { type: 'link', attrs: { href: 'https://example.org', target: '_top', rel: 'opener', class: 'x', onclick: 'y' } };
    expect(inPara({ type: 'text', text: 'x', marks: [link] })).toBe(
      '<div class="article-body"><p><a href="https://example.org" rel="noopener noreferrer nofollow">x</a></p></div>',
    );
  });

  it('renders nothing for unknown nodes and leaves unknown marks off their text', () => {
    expect(
      render({
        type: 'doc',
        content: [
          { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
          { type: 'paragraph', content: [{ type: 'image', attrs: { src: 'x' } }, { type: 'text', text: 'kept', marks: [{ type: 'code' }] }] },
        ],
      }),
    ).toBe('<div class="article-body"><p>kept</p></div>');
  });
});
