import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/app-error';
import { HEADLINE_MAX } from '@/lib/domain-constants';
import { SaveArticleInput } from './article';
import { parseInput } from './parse-input';

const valid = {
  version: 3,
  headline: 'Council approves the bridge',
  standfirst: 'After two years of debate.',
  datelinePlace: 'LEEDS',
  datelineSource: 'PA',
  byline: 'By Ada Reporter',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The vote was 31 to 12.' }] }, { type: 'paragraph' }] },
};

/** The INVALID error parseInput throws, for asserting its message and fields. */
function refusal(data: unknown) {
  try {
    parseInput(SaveArticleInput, data);
  } catch (error) {
    if (isAppError(error, 'INVALID')) return error;
    throw error;
  }
  throw new Error('Expected the input to be refused');
}

describe('SaveArticleInput', () => {
  it('accepts a valid save and trims the text fields', () => {
    const parsed = parseInput(SaveArticleInput, {
      ...valid,
      headline: '  Council approves the bridge \n',
      byline: '\tBy Ada Reporter ',
    });
    // A save without a mode is an explicit save; without a lead photo, it has none.
    expect(parsed).toEqual({ ...valid, leadPhoto: null, mode: 'save' });
  });

  it('takes a lead photo with optional overrides, an empty override meaning the library’s own', () => {
    const lead = (leadPhoto: unknown) => parseInput(SaveArticleInput, { ...valid, leadPhoto }).leadPhoto;
    expect(lead({ photoId: 4, caption: ' Crowds at dawn ', credit: '' })).toEqual({ photoId: 4, caption: 'Crowds at dawn', credit: null });
    expect(lead({ photoId: 4 })).toEqual({ photoId: 4, caption: null, credit: null });
    expect(refusal({ ...valid, leadPhoto: { photoId: 0 } }).details.fields).toEqual({ leadPhoto: ['Choose a library photo'] });
    expect(refusal({ ...valid, leadPhoto: { photoId: 4, url: 'https://evil.example/x.jpg' } }).details.fields?.leadPhoto).toBeDefined();
  });

  it('accepts only the known save modes', () => {
    expect(parseInput(SaveArticleInput, { ...valid, mode: 'autosave' }).mode).toBe('autosave');
    expect(() => parseInput(SaveArticleInput, { ...valid, mode: 'overwrite' })).toThrow('Some fields need attention.');
  });

  it('accepts a headline of exactly the limit, refuses one over it on the headline field', () => {
    expect(parseInput(SaveArticleInput, { ...valid, headline: 'h'.repeat(HEADLINE_MAX) }).headline).toHaveLength(HEADLINE_MAX);
    const error = refusal({ ...valid, headline: 'h'.repeat(HEADLINE_MAX + 1) });
    expect(HEADLINE_MAX).toBe(300);
    expect(error.status).toBe(400);
    expect(error.details.fields).toEqual({ headline: ['Headline must be at most 300 characters'] });
  });

  it('measures the limit after trimming', () => {
    expect(() => parseInput(SaveArticleInput, { ...valid, headline: ` ${'h'.repeat(HEADLINE_MAX)} ` })).not.toThrow();
  });

  it('names an unknown field in the message', () => {
    const error = refusal({ ...valid, foo: 1 });
    expect(error.message).toBe('Unknown field: foo');
    expect(refusal({ ...valid, status: 'published', authorId: 1 }).message).toBe('Unknown fields: status, authorId');
  });

  it('refuses a version that is not a whole number on the version field', () => {
    for (const version of ['3', 'abc', 2.5, null, 0]) {
      const error = refusal({ ...valid, version });
      expect(Object.keys(error.details.fields ?? {})).toEqual(['version']);
    }
    expect(refusal({ ...valid, version: 'abc' }).details.fields?.version).toEqual(['Version must be a whole number']);
    const withoutVersion: Record<string, unknown> = { ...valid };
    delete withoutVersion.version;
    expect(refusal(withoutVersion).details.fields?.version).toBeDefined();
  });

  it('refuses missing text fields and non-text values on their fields', () => {
    const error = refusal({ ...valid, standfirst: 42, datelinePlace: undefined });
    expect(error.details.fields?.standfirst).toEqual(['Standfirst must be text']);
    expect(error.details.fields?.datelinePlace).toEqual(['Dateline place must be text']);
  });

  it('refuses a body node of an unknown type, such as a link to javascript:', () => {
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'link', href: 'javascript:alert(1)', text: 'click' }] }],
    };
    expect(Object.keys(refusal({ ...valid, body }).details.fields ?? {})).toEqual(['body']);
    const script = { type: 'doc', content: [{ type: 'script', content: [] }] };
    expect(Object.keys(refusal({ ...valid, body: script }).details.fields ?? {})).toEqual(['body']);
  });

  it('refuses extra attributes on body nodes, and reports them on the body field', () => {
    const withAttrs = {
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [{ type: 'text', text: 'Hi' }] }],
    };
    const error = refusal({ ...valid, body: withAttrs });
    expect(error.details.fields?.body?.join(' ')).toMatch(/onclick|attrs/);

    const withMarks = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi', marks: [{ type: 'link', attrs: { href: 'javascript:x' } }] }] }],
    };
    expect(refusal({ ...valid, body: withMarks }).details.fields?.body).toBeDefined();
  });

  it('refuses a body that is not a document, and empty text nodes', () => {
    expect(refusal({ ...valid, body: 'just a string' }).details.fields?.body).toEqual(['The body must be a document']);
    const emptyText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] };
    expect(refusal({ ...valid, body: emptyText }).details.fields?.body).toEqual(['Text nodes cannot be empty']);
  });
});
