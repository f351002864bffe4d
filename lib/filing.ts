/** A section, tag or author as the desk and the public name it. */
export type FilingName = { id: number; name: string; slug: string };

/** Where an article is filed, as the desk shows it. */
export type ArticleFiling = {
  section: FilingName | null;
  tags: FilingName[];
  authors: FilingName[];
};

export const UNFILED: ArticleFiling = { section: null, tags: [], authors: [] };

/** "By A", "By A and B", "By A, B and C": the byline the credited authors make. */
export function composedByline(authors: readonly { name: string }[]): string {
  const names = authors.map((author) => author.name);
  if (names.length === 0) return '';
  const last = names.at(-1);
  return names.length === 1 ? `By ${last}` : `By ${names.slice(0, -1).join(', ')} and ${last}`;
}
