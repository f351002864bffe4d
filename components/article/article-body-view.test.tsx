import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type BodyDoc, plainTextToDoc } from '@/lib/article-body';
import { FULL_BODY, linkTo } from '@/tests/body-fixtures';
import { ArticleBodyView } from './article-body-view';

const render = (body: unknown) => renderToStaticMarkup(<ArticleBodyView body={body as BodyDoc} />);
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
        '<figure class="body-photo" data-photo-id="7"><figcaption>The chamber <span class="body-photo-credit">Ana Lens/Dateline</span></figcaption></figure>' +
        '<p></p>' +
        '</div>',
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

  it('shows a photo’s caption and credit only when present', () => {
    const photo = (attrs: unknown) => render({ type: 'doc', content: [{ type: 'photo', attrs }] });
    expect(photo({ photoId: 2, caption: null, credit: null, alt: null })).toBe(
      '<div class="article-body"><figure class="body-photo" data-photo-id="2"></figure></div>',
    );
    expect(photo({ photoId: 2, caption: '', credit: 'AP', alt: null })).toContain(
      '<figcaption><span class="body-photo-credit">AP</span></figcaption>',
    );
  });
});

describe('ArticleBodyView with hostile content', () => {
  it('escapes markup in text, captions and credits', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }] },
        { type: 'photo', attrs: { photoId: 1, caption: '<b onmouseover="x">c</b>', credit: '"><script>', alt: null } },
      ],
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
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
