import { describe, expect, it } from 'vitest';
import { isPlaceholderSlug, placeholderSlug, RESERVED_SLUGS, SLUG_MAX, SlugInput, slugFromHeadline } from './slug';

describe('slugFromHeadline', () => {
  it('lower-cases an English headline and joins its words with hyphens', () => {
    expect(slugFromHeadline('Council Votes on Budget')).toBe('council-votes-on-budget');
  });

  it('transliterates Cyrillic and Greek to readable Latin', () => {
    expect(slugFromHeadline('Москва: переговоры продолжаются')).toBe('moskva-peregovory-prodolzhayutsya');
    expect(slugFromHeadline('Ελλάδα εκλογές')).toBe('ellada-ekloges');
  });

  it('spells accents out, German umlauts the German way', () => {
    expect(slugFromHeadline('Zürich élection')).toBe('zuerich-election');
    expect(slugFromHeadline('São Paulo’s mayor: “Não!”')).toBe('sao-paulos-mayor-nao');
    expect(slugFromHeadline('Straße nach Øresund')).toBe('strasse-nach-oresund');
  });

  it('drops punctuation and quotes, and writes & as "and"', () => {
    expect(slugFromHeadline('‘We will not back down,’ says union leader — as strike enters “third week”')).toBe(
      'we-will-not-back-down-says-union-leader-as-strike-enters-third-week',
    );
    expect(slugFromHeadline('Q&A: what next?')).toBe('q-and-a-what-next');
    expect(slugFromHeadline('NHS pay: 3.5% rise')).toBe('nhs-pay-3-5-rise');
  });

  it('keeps brand names whole rather than splitting them at capitals', () => {
    expect(slugFromHeadline('iPhone sales fall at McDonald’s')).toBe('iphone-sales-fall-at-mcdonalds');
  });

  it('cuts a long headline back to a whole word within SLUG_MAX', () => {
    const slug = slugFromHeadline(
      'Council votes to approve the new bridge across the river after two years of heated public debate and delays',
    );
    expect(slug).toBe('council-votes-to-approve-the-new-bridge-across-the-river-after-two-years-of');
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
  });

  it('keeps a word that ends exactly at SLUG_MAX, and cuts a single overlong word', () => {
    const seventyNine = `${'parliament-'.repeat(7)}uk`;
    expect(seventyNine.length).toBe(SLUG_MAX - 1);
    expect(slugFromHeadline(`${seventyNine}x vote`)).toBe(`${seventyNine}x`);
    expect(slugFromHeadline(`${seventyNine}xy vote`)).toBe(`${'parliament-'.repeat(6)}parliament`);
    expect(slugFromHeadline('x'.repeat(100))).toBe('x'.repeat(SLUG_MAX));
  });

  it('gives nothing for emoji or Chinese, which the library drops rather than transliterates', () => {
    expect(slugFromHeadline('🎉🔥')).toBe('');
    expect(slugFromHeadline('北京新闻')).toBe('');
    expect(slugFromHeadline('  !!! ')).toBe('');
    expect(slugFromHeadline('北京 2026')).toBe('2026');
  });
});

describe('placeholderSlug', () => {
  it('is "draft-" and a UUID, new each time, and recognised as a placeholder', () => {
    const slug = placeholderSlug();
    expect(slug).toMatch(/^draft-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(placeholderSlug()).not.toBe(slug);
    expect(isPlaceholderSlug(slug)).toBe(true);
  });

  it('recognises only that shape', () => {
    expect(isPlaceholderSlug('draft-budget-approved')).toBe(false);
    expect(isPlaceholderSlug('draft-x')).toBe(false);
    expect(isPlaceholderSlug('council-votes-on-budget')).toBe(false);
    expect(isPlaceholderSlug(`${placeholderSlug()}-2`)).toBe(false);
    expect(isPlaceholderSlug(placeholderSlug().toUpperCase())).toBe(false);
  });
});

describe('SlugInput', () => {
  /** The messages a refused slug gets. */
  const refusal = (value: unknown) => {
    const result = SlugInput.safeParse(value);
    if (result.success) throw new Error(`Expected “${String(value)}” to be refused`);
    return result.error.issues.map((issue) => issue.message);
  };
  const onlyLetters = 'Use lower-case letters, digits and hyphens only, like council-votes-on-budget.';
  const singleHyphens = 'Put single hyphens between words, with none at the start or end, like council-votes-on-budget.';

  it('accepts a slug, trimmed', () => {
    expect(SlugInput.parse('council-votes-on-budget')).toBe('council-votes-on-budget');
    expect(SlugInput.parse('  g7-summit-2026 ')).toBe('g7-summit-2026');
    expect(SlugInput.parse('a'.repeat(SLUG_MAX))).toBe('a'.repeat(SLUG_MAX));
  });

  it('refuses paths, markup and capitals', () => {
    expect(refusal('../etc/passwd')).toEqual([onlyLetters]);
    expect(refusal('news/budget')).toEqual([onlyLetters]);
    expect(refusal('<script>alert(1)</script>')).toEqual([onlyLetters]);
    expect(refusal('council votes')).toEqual([onlyLetters]);
    expect(refusal('Feed')).toEqual([onlyLetters]);
  });

  it('refuses hyphens at the ends or doubled', () => {
    expect(refusal('a--b')).toEqual([singleHyphens]);
    expect(refusal('-a')).toEqual([singleHyphens]);
    expect(refusal('budget-')).toEqual([singleHyphens]);
  });

  it('refuses slugs too short or too long', () => {
    expect(refusal('ab')).toEqual(['Make the address at least 3 characters long.']);
    expect(refusal('   ')).toEqual(['Make the address at least 3 characters long.']);
    expect(refusal('a'.repeat(SLUG_MAX + 1))).toEqual([`Keep the address to ${SLUG_MAX} characters or fewer.`]);
  });

  it('refuses the site’s own words', () => {
    expect(refusal('feed')).toEqual(['“feed” would read as a section of the site. Choose another address.']);
    expect(refusal(' latest ')).toEqual(['“latest” would read as a section of the site. Choose another address.']);
    for (const word of RESERVED_SLUGS) expect(SlugInput.safeParse(word).success).toBe(false);
    expect(SlugInput.parse('feeds')).toBe('feeds');
  });

  it('refuses anything that looks like a draft’s placeholder', () => {
    const message = 'Addresses starting with “draft-” are kept for stories not yet published. Choose another address.';
    expect(refusal('draft-x')).toEqual([message]);
    expect(refusal(placeholderSlug())).toEqual([message]);
    expect(SlugInput.parse('draft')).toBe('draft');
  });

  it('refuses what is not text', () => {
    expect(refusal(42)).toEqual(['Give the address as text.']);
  });
});
