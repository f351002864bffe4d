import { describe, expect, it } from 'vitest';
import { filedArticle, HARBOUR_PHOTO, MARKET_PHOTO } from '@/tests/public-article-fixtures';
import { storyMetadata } from './story-metadata';

const NONE = { seoTitle: '', metaDescription: '', socialHeadline: '', socialPhoto: null };

describe('a story’s page metadata', () => {
  it('is the story’s own headline, standfirst and lead photo when the desk wrote nothing else', () => {
    const article = filedArticle({ updatedAt: '2025-05-21T10:00:00.000Z' });
    expect(storyMetadata(article, NONE)).toEqual({
      title: 'Port strike ends after nine days',
      description: 'Dockers accept a 6% pay rise.',
      alternates: { canonical: '/news/port-strike-ends' },
      openGraph: {
        type: 'article',
        url: '/news/port-strike-ends',
        title: 'Port strike ends after nine days',
        description: 'Dockers accept a 6% pay rise.',
        images: [
          {
            url: `/media/photos/${HARBOUR_PHOTO.sha256}/social.jpg`,
            width: 1200,
            height: 630,
            type: 'image/jpeg',
            alt: `Six container ships at anchor under a grey sky. Photo: ${HARBOUR_PHOTO.creditLine}`,
          },
        ],
        publishedTime: '2025-05-20T08:30:00.000Z',
        modifiedTime: '2025-05-21T10:00:00.000Z',
        section: 'Business',
        tags: ['Ports', expect.stringContaining('<script>')],
      },
      twitter: {
        card: 'summary_large_image',
        title: 'Port strike ends after nine days',
        description: 'Dockers accept a 6% pay rise.',
        images: [expect.objectContaining({ url: `/media/photos/${HARBOUR_PHOTO.sha256}/social.jpg` })],
      },
    });
  });

  it('takes the desk’s SEO title, description, social headline and photo over the story’s', () => {
    const metadata = storyMetadata(filedArticle(), { seoTitle: 'Rotterdam port strike over', metaDescription: 'Dockers vote to return.', socialHeadline: 'The strike is over', socialPhoto: MARKET_PHOTO });
    expect(metadata).toMatchObject({
      title: 'Rotterdam port strike over',
      description: 'Dockers vote to return.',
      openGraph: { title: 'The strike is over', description: 'Dockers vote to return.', images: [{ url: `/media/photos/${MARKET_PHOTO.sha256}/social.jpg` }] },
      twitter: { title: 'The strike is over' },
    });
    // A photo without alt text is described by its caption, and its credit is kept.
    expect(metadata.openGraph?.images).toEqual([expect.objectContaining({ alt: `${MARKET_PHOTO.caption}. Photo: ${MARKET_PHOTO.creditLine}` })]);
    // The SEO title is what a search engine shows; a network shows the social headline, else the SEO title.
    expect(storyMetadata(filedArticle(), { ...NONE, seoTitle: 'Rotterdam port strike over' }).openGraph?.title).toBe('Rotterdam port strike over');
  });

  it('keeps the article’s own credit for its lead photo, and has no image for a story without one', () => {
    const withCredit = filedArticle({ leadPhoto: { photoId: HARBOUR_PHOTO.id, caption: null, credit: 'Pool photo' } });
    expect(storyMetadata(withCredit, NONE).openGraph?.images).toEqual([expect.objectContaining({ alt: 'Six container ships at anchor under a grey sky. Photo: Pool photo' })]);
    const bare = storyMetadata(filedArticle({ leadPhoto: null, standfirst: '' }), NONE);
    expect(bare.openGraph).toMatchObject({ images: undefined, description: undefined });
    expect(bare.twitter).toMatchObject({ card: 'summary', images: undefined });
  });
});
