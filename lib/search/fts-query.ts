/**
 * What a person types into a search box, as an SQLite FTS5 MATCH expression. Only three things
 * are syntax: "a phrase in quotes", a -word or -"phrase" to leave out, and the last word matched
 * as a prefix while it is being typed. Everything else (AND, OR, NEAR, *, :, column names,
 * parentheses, SQL) is searched as the words it contains, because every term is written as an FTS5
 * string with its quotes doubled: inside a string FTS5 sees no operators at all.
 */

/** Longer input is searched by its start: a pasted paragraph is not a query anybody means. */
export const SEARCH_TEXT_MAX = 200;
/** Each term is one more index lookup; a dozen is more than any search a person writes. */
const TERMS_MAX = 12;
/**
 * A prefix shorter than this would ask FTS5 for every word starting with one letter: half a
 * second at 100,000 stories. The index keeps 2- and 3-letter prefixes, so those are cheap.
 */
const PREFIX_MIN = 2;

type Term = { text: string; phrase: boolean; exclude: boolean; open: boolean };

export type FtsSearch =
  /** Rows matching `match`, which already leaves out any excluded words. */
  | { match: string; exclude?: undefined }
  /** Only words to leave out: every row that does not match `exclude`. */
  | { match?: undefined; exclude: string };

export type FtsSearchOptions = {
  /**
   * 'last': only the word being typed is a prefix, so finished words match exactly (the desk).
   * 'every': each word is a prefix (the photo library, where captions are short and terse).
   */
  prefix: 'last' | 'every';
};

/**
 * unicode61 makes tokens of letters, numbers and private-use characters only; a term with none of
 * them (emoji, punctuation, a lone *) would be an empty phrase, so it is dropped.
 */
const TOKEN_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;

function splitTerms(input: string): { terms: Term[]; endsInSpace: boolean } {
  // Control characters and unpaired surrogates are nothing a person typed; a NUL would end the
  // expression early in FTS5's parser.
  const cleaned = input.replace(/[\p{Cc}\p{Cs}]/gu, ' ');
  const text = Array.from(cleaned).slice(0, SEARCH_TEXT_MAX).join('');
  const terms: Term[] = [];
  let at = 0;
  while (at < text.length) {
    if (/\s/.test(text[at]!)) {
      at += 1;
      continue;
    }
    // A minus starts an exclusion only before something: a "-" alone is nothing, "a-b" is a word.
    const exclude = text[at] === '-' && at + 1 < text.length && !/\s/.test(text[at + 1]!);
    if (exclude) at += 1;
    if (text[at] === '"') {
      // A phrase runs to its closing quote, or to the end while the person is still typing it.
      const close = text.indexOf('"', at + 1);
      const end = close === -1 ? text.length : close;
      terms.push({ text: text.slice(at + 1, end), phrase: true, exclude, open: close === -1 });
      at = end + 1;
    } else {
      const end = text.slice(at).search(/\s/);
      const stop = end === -1 ? text.length : at + end;
      terms.push({ text: text.slice(at, stop), phrase: false, exclude, open: true });
      at = stop;
    }
  }
  return { terms: terms.filter((term) => TOKEN_CHARACTER.test(term.text)).slice(0, TERMS_MAX), endsInSpace: /\s$/.test(text) };
}

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The length of the term's last token, as FTS5 will see it: the part a prefix would extend. */
function lastTokenLength(text: string): number {
  const tokens = text.split(/[^\p{L}\p{N}\p{Co}]+/u).filter(Boolean);
  return Array.from(tokens.at(-1) ?? '').length;
}

/** The FTS5 expression for a search box's text, or null when it holds nothing to search. */
export function ftsSearch(input: string, { prefix }: FtsSearchOptions): FtsSearch | null {
  const { terms, endsInSpace } = splitTerms(input);
  const wanted = terms.filter((term) => !term.exclude);
  const unwanted = terms.filter((term) => term.exclude).map((term) => quoted(term.text));
  const typing = wanted.at(-1);

  const included = wanted.map((term) => {
    const prefixed =
      prefix === 'every'
        ? !term.phrase
        : // The last word is still being typed until a space (or a closing quote) follows it.
          term === typing && term.open && !endsInSpace && term === terms.at(-1);
    return prefixed && lastTokenLength(term.text) >= PREFIX_MIN ? `${quoted(term.text)}*` : quoted(term.text);
  });

  const exclusion = unwanted.length > 0 ? unwanted.join(' OR ') : undefined;
  if (included.length === 0) return exclusion ? { exclude: exclusion } : null;
  const match = included.join(' ');
  // FTS5's NOT is binary and binds tighter than the implicit AND, hence the parentheses.
  return { match: exclusion ? `(${match}) NOT (${exclusion})` : match };
}
