/** A section, tag or author as the desk and the public name it. */
export type FilingName = { id: number; name: string; slug: string };

/** Where an article is filed, as the desk shows it. */
export type ArticleFiling = {
  section: FilingName | null;
  tags: FilingName[];
  authors: FilingName[];
};

/** What the editor offers to file a story under. */
export type FilingChoices = { sections: FilingName[]; authors: FilingName[] };

/** A tag as the admin's list shows it. */
export type TagSummary = FilingName & { mediaTopic: string | null; articles: number };

/** An author's public profile, and the staff account it belongs to (none for a contributor). */
export type AuthorProfile = FilingName & { bio: string; photoId: number | null; userId: number | null; userName: string | null };

/**
 * The filing as the editor holds it between saves: tags by name, since a new one only gets an id
 * when the save creates it; authors whole, to print their names and compose the byline.
 */
export type FilingDraft = { sectionId: number | null; tags: string[]; authors: FilingName[] };

export const filingDraftOf = (filing: ArticleFiling): FilingDraft => ({
  sectionId: filing.section?.id ?? null,
  tags: filing.tags.map((tag) => tag.name),
  authors: filing.authors,
});

/** The filing as a save carries it (FilingInput). */
export const filingSaved = (draft: FilingDraft) => ({ sectionId: draft.sectionId, tags: draft.tags, authorIds: draft.authors.map((author) => author.id) });

/** No section, tags or authors; of the type of any filing, the desk's or the public's. */
export const UNFILED = { section: null, tags: [], authors: [] } satisfies ArticleFiling;

/** "By A", "By A and B", "By A, B and C": the byline the credited authors make. */
export function composedByline(authors: readonly { name: string }[]): string {
  const names = authors.map((author) => author.name);
  if (names.length === 0) return '';
  const last = names.at(-1);
  return names.length === 1 ? `By ${last}` : `By ${names.slice(0, -1).join(', ')} and ${last}`;
}

/**
 * The byline after the credited authors change: composed from them, unless the person typed their
 * own ("By Agency staff"), which is theirs to keep. A byline counts as not typed when it is empty,
 * is the one a new draft starts with (`prefilled`, the writer's name), or reads exactly as the
 * authors before the change composed it.
 */
export function bylineAfterCredit(byline: string, before: readonly { name: string }[], after: readonly { name: string }[], prefilled = ''): string {
  const shown = byline.trim();
  const composed = shown === '' || shown === prefilled || shown === composedByline(before);
  return composed ? composedByline(after) : byline;
}
