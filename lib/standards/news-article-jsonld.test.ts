import { describe, expect, it } from 'vitest';
import { bylineNames, jsonLdScriptContent, newsArticleJsonLd } from './news-article-jsonld';
import { cyrillicArticle, filedArticle, HARBOUR_PHOTO, HOSTILE_TEXT, MARKET_PHOTO, publicArticle, SITE } from '@/tests/public-article-fixtures';

describe('newsArticleJsonLd', () => {
  it('describes the story, its people and both its photos as Google reads a NewsArticle', () => {
    const article = publicArticle({
      corrections: [{ at: '2025-05-21T09:00:00.000Z', note: 'An earlier version gave the pay rise as 5%.' }],
      updatedAt: '2025-05-21T09:00:00.000Z',
    });
    const url = 'https://news.example.org/news/port-strike-ends';

    expect(newsArticleJsonLd(article, SITE)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Port strike ends after nine days',
      description: 'Dockers accept a 6% pay rise.',
      url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      datePublished: '2025-05-20T08:30:00.000Z',
      dateModified: '2025-05-21T09:00:00.000Z',
      author: [
        { '@type': 'Person', name: 'Ana Lima' },
        { '@type': 'Person', name: 'Tom Ruiz' },
      ],
      dateline: 'ROTTERDAM (Dateline)',
      inLanguage: 'en',
      publisher: { '@type': 'Organization', name: 'The Harbour Gazette', url: 'https://news.example.org' },
      isAccessibleForFree: true,
      image: [
        {
          '@type': 'ImageObject',
          contentUrl: `https://news.example.org/media/photos/${HARBOUR_PHOTO.sha256}/1600.jpg`,
          url: `https://news.example.org/media/photos/${HARBOUR_PHOTO.sha256}/1600.jpg`,
          width: 1600,
          height: 1200,
          caption: 'Ships queue as the strike ends.',
          creditText: '© Example Press / Ana Lens',
          creator: { '@type': 'Person', name: 'Ana Lens' },
          copyrightNotice: '© 2025 Example Press',
          copyrightHolder: { '@type': 'Organization', name: 'Example Press' },
          license: 'https://press.example/rights/editorial-use',
        },
        {
          '@type': 'ImageObject',
          contentUrl: `https://news.example.org/media/photos/${MARKET_PHOTO.sha256}/800.jpg`,
          url: `https://news.example.org/media/photos/${MARKET_PHOTO.sha256}/800.jpg`,
          width: 800,
          height: 600,
          caption: 'Traders at the fish market at dawn.',
          creditText: 'Pool photo',
          creator: { '@type': 'Person', name: 'Tom Shutter' },
        },
      ],
      correction: [
        {
          '@type': 'CorrectionComment',
          text: 'An earlier version gave the pay rise as 5%.',
          datePublished: '2025-05-21T09:00:00.000Z',
          url: 'https://news.example.org/news/port-strike-ends/changes',
        },
      ],
    });
  });

  it('gives the first publish as dateModified until an Update or Correction moves it', () => {
    expect(newsArticleJsonLd(publicArticle({ updatedAt: null }), SITE)).toMatchObject({
      datePublished: '2025-05-20T08:30:00.000Z',
      dateModified: '2025-05-20T08:30:00.000Z',
    });
    expect(newsArticleJsonLd(publicArticle({ updatedAt: '2025-05-22T17:45:00.000Z' }), SITE)).toMatchObject({
      datePublished: '2025-05-20T08:30:00.000Z',
      dateModified: '2025-05-22T17:45:00.000Z',
    });
  });

  it('leaves out what the story does not have instead of stating it empty', () => {
    const jsonLd = newsArticleJsonLd(publicArticle({ standfirst: '', byline: '', datelinePlace: '', datelineSource: '', leadPhoto: null, body: { type: 'doc', content: [] } }), SITE);
    for (const key of ['description', 'author', 'dateline', 'image', 'correction']) expect(jsonLd).not.toHaveProperty(key);
  });

  it('lists a photo placed twice once, with the caption it is first shown with', () => {
    const article = publicArticle({
      body: { type: 'doc', content: [{ type: 'photo', attrs: { photoId: HARBOUR_PHOTO.id, caption: 'Again, lower down.', credit: null, alt: null } }] },
    });
    expect(newsArticleJsonLd(article, SITE).image).toEqual([expect.objectContaining({ caption: 'Ships queue as the strike ends.' })]);
  });

  it('prints a dateline without a source as the place alone, in any script', () => {
    expect(newsArticleJsonLd(cyrillicArticle(), SITE)).toMatchObject({ dateline: 'МОСКВА', headline: 'Забастовка в порту закончилась' });
  });
});

describe('bylineNames', () => {
  it('reads the common shapes of a byline as a list of people', () => {
    expect(bylineNames('By Ana Lima and Tom Ruiz')).toEqual(['Ana Lima', 'Tom Ruiz']);
    expect(bylineNames('Ana Lima, Tom Ruiz')).toEqual(['Ana Lima', 'Tom Ruiz']);
    expect(bylineNames('BY Ana Lima, Tom Ruiz, and Lee Chan')).toEqual(['Ana Lima', 'Tom Ruiz', 'Lee Chan']);
    expect(bylineNames(' Ana Lima & Tom Ruiz ')).toEqual(['Ana Lima', 'Tom Ruiz']);
  });

  it('does not split a name that merely contains "and" or starts with "By"', () => {
    expect(bylineNames('Sandra Anderson')).toEqual(['Sandra Anderson']);
    expect(bylineNames('Byron Bay')).toEqual(['Byron Bay']);
    expect(bylineNames('')).toEqual([]);
  });
});

describe('a filed story in JSON-LD', () => {
  it('gives its section, its tags as keywords, and its authors as people with their pages', () => {
    expect(newsArticleJsonLd(filedArticle(), SITE)).toMatchObject({
      articleSection: 'Business',
      keywords: ['Ports', HOSTILE_TEXT],
      author: [
        { '@type': 'Person', name: 'Ana Lima', url: 'https://news.example.org/author/ana-lima' },
        { '@type': 'Person', name: 'Tom <i>Ruiz</i>', url: 'https://news.example.org/author/tom-ruiz' },
      ],
    });
    const unfiled = newsArticleJsonLd(publicArticle(), SITE);
    expect(unfiled).not.toHaveProperty('articleSection');
    expect(unfiled).not.toHaveProperty('keywords');
  });
});

describe('jsonLdScriptContent', () => {
  it('keeps a tag or author name with markup as text', () => {
    const content = jsonLdScriptContent(newsArticleJsonLd(filedArticle(), SITE));
    expect(content).not.toContain('<');
    expect(JSON.parse(content)).toMatchObject({ keywords: ['Ports', HOSTILE_TEXT] });
  });

  it('cannot end the script element, and parses back to the same text', () => {
    const headline = `</script><script>alert(1)</script><!-- ${HOSTILE_TEXT} \u2028\u2029`;
    const content = jsonLdScriptContent(newsArticleJsonLd(publicArticle({ headline }), SITE));

    expect(content).not.toMatch(/<\/script/i);
    expect(content).not.toContain('<');
    expect(content).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(content)).toMatchObject({ headline });
  });
});
