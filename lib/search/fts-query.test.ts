import { describe, expect, it } from 'vitest';
import { ftsSearch, SEARCH_TEXT_MAX } from './fts-query';

const desk = (text: string) => ftsSearch(text, { prefix: 'last' });
const library = (text: string) => ftsSearch(text, { prefix: 'every' });

describe('ftsSearch for the desk', () => {
  it('quotes every word and matches the last as a prefix while it is typed', () => {
    expect(desk('gerasimov')).toEqual({ match: '"gerasimov"*' });
    expect(desk('talks in moscow')).toEqual({ match: '"talks" "in" "moscow"*' });
  });

  it('matches the last word exactly once a space follows it', () => {
    expect(desk('moscow ')).toEqual({ match: '"moscow"' });
  });

  it('never makes a one-letter prefix, which would match a whole letter of the index', () => {
    expect(desk('moscow g')).toEqual({ match: '"moscow" "g"' });
    expect(desk('ge')).toEqual({ match: '"ge"*' });
  });

  it('keeps "exact phrases", and a phrase still open is a prefix of what is typed so far', () => {
    expect(desk('"river bank" flood')).toEqual({ match: '"river bank" "flood"*' });
    expect(desk('flood "river ban')).toEqual({ match: '"flood" "river ban"*' });
    expect(desk('flood "river bank"')).toEqual({ match: '"flood" "river bank"' });
  });

  it('leaves out -words and -"phrases" with NOT', () => {
    expect(desk('election -council')).toEqual({ match: '("election") NOT ("council")' });
    expect(desk('-council election -"town hall" ')).toEqual({ match: '("election") NOT ("council" OR "town hall")' });
  });

  it('gives a search of only exclusions as the rows to leave out', () => {
    expect(desk('-council -vote')).toEqual({ exclude: '"council" OR "vote"' });
  });

  it('treats a minus inside a word or on its own as text', () => {
    expect(desk('rolls-royce')).toEqual({ match: '"rolls-royce"*' });
    expect(desk('flood - river ')).toEqual({ match: '"flood" "river"' });
  });

  it.each([
    ['AND', '"AND"*'],
    ['a OR b ', '"a" "OR" "b"'],
    ['NEAR(a b)', '"NEAR(a" "b)"'],
    ['headline:moscow', '"headline:moscow"*'],
    ['{headline body}: x ', '"{headline" "body}:" "x"'],
    ['say "no', '"say" "no"*'],
    ['a"bc', '"a""bc"*'],
    ["'; DROP TABLE articles; --", '"DROP" "TABLE" "articles;"*'],
  ])('searches %j as text: %s', (text, match) => {
    expect(desk(text)).toEqual({ match });
  });

  it.each(['', '   ', '*', '"', '""', '-', '()', ':', '😀 🎉', '- -', '\u0000'])('finds nothing to search in %j', (text) => {
    expect(desk(text)).toBeNull();
  });

  it('searches a 10,000-character text by its start, in at most a dozen terms', () => {
    const match = desk('word '.repeat(2000))?.match ?? '';
    expect(match.split(' ')).toHaveLength(12);
    expect(desk('x'.repeat(10_000))).toEqual({ match: `"${'x'.repeat(SEARCH_TEXT_MAX)}"*` });
  });

  it('drops control characters and unpaired surrogates', () => {
    expect(desk('a\u0000b \ud800c ')).toEqual({ match: '"a" "b" "c"' });
  });
});

describe('ftsSearch for the photo library', () => {
  it('matches every word as a prefix, but not a phrase', () => {
    expect(library('jose muller')).toEqual({ match: '"jose"* "muller"*' });
    expect(library('"river bank" afp ')).toEqual({ match: '"river bank" "afp"*' });
  });
});
