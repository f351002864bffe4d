/** One person named in a comment: `name` as the desk stores it; `start` is the `@`, `end` is past the name. */
export type MentionMatch = { name: string; start: number; end: number };

export type MentionScan = {
  mentions: MentionMatch[];
  /** Each `@Word` that looks like a mention but names nobody, once, as typed: `@Cora`. */
  unknown: string[];
};

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}_]/u;
/** What follows an `@` for it to be meant as a mention: a word starting with a letter. */
const MENTION_WORD = /\p{L}(?:[\p{L}\p{M}\p{N}]|['’-](?=[\p{L}\p{N}]))*/uy;

/**
 * The people a comment names with `@` and their full name. An `@` counts only at the start or after
 * a space or punctuation, so `desk@example.com` is no mention. Names match whatever their case but
 * with their accents (`@tomás ruiz` is Tomás Ruiz, `@Tomas Ruiz` is nobody), must end where a word
 * ends, and the longest name wins (`@Ana Lucia Reyes` over `@Ana Lucia`). Offsets are in the
 * text's UTF-16 units; names are compared in NFC, so the text must be NFC too.
 */
export function findMentions(text: string, names: readonly string[]): MentionScan {
  const longestFirst = [...new Set(names)]
    .map((name) => {
      const nfc = name.normalize('NFC');
      return { name, length: nfc.length, folded: nfc.toLowerCase() };
    })
    .filter(({ length }) => length > 0)
    .sort((a, b) => b.length - a.length);
  const mentions: MentionMatch[] = [];
  const unknown = new Set<string>();

  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHARACTER.test(text.charAt(at - 1))) continue;
    const from = at + 1;
    const person = longestFirst.find(
      ({ length, folded }) => text.slice(from, from + length).toLowerCase() === folded && !WORD_CHARACTER.test(text.charAt(from + length)),
    );
    if (person) {
      mentions.push({ name: person.name, start: at, end: from + person.length });
      continue;
    }
    MENTION_WORD.lastIndex = from;
    const word = MENTION_WORD.exec(text)?.[0];
    if (word) unknown.add(`@${word}`);
  }
  return { mentions, unknown: [...unknown] };
}
