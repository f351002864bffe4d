import type { ArticleSearchQuery } from '@/lib/validation/article-search';

export type FilterChoice = { name: string; slug: string };
export type SearchFilterChoices = { sections: FilterChoice[]; tags: FilterChoice[]; authors: FilterChoice[] };

/** The URL of a desk search: only the fields that are set, in a stable order, so equal searches share one address. */
export function deskSearchHref(query: ArticleSearchQuery): string {
  const params = new URLSearchParams();
  for (const name of Object.keys(query).sort()) {
    const value = query[name as keyof ArticleSearchQuery];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `/desk?${text}` : '/desk';
}
