import type { BodyDoc } from './article-body';
import type { LeadPhoto } from './photos/photo-use';
import type { ArticleView } from './article-view';
import { datelineText } from './dateline';
import { bodyPlainText } from './editor/body-text';

/** What a writer edits: the fields of the working copy, before it is saved. */
export type ArticleDraft = {
  headline: string;
  standfirst: string;
  datelinePlace: string;
  datelineSource: string;
  byline: string;
  leadPhoto: LeadPhoto | null;
  body: BodyDoc;
};

export type DraftFields = Omit<ArticleDraft, 'body'>;
/** The fields edited as plain text. */
export type DraftField = Exclude<keyof DraftFields, 'leadPhoto'>;

/** The fields of an article's working copy other than the body, which is the editor's. */
export function fieldsOf(article: ArticleView): DraftFields {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    datelinePlace: article.datelinePlace,
    datelineSource: article.datelineSource,
    byline: article.byline,
    leadPhoto: article.leadPhoto,
  };
}

export function draftOf(article: ArticleView): ArticleDraft {
  return { ...fieldsOf(article), body: article.body };
}

/** The draft as running text, in reading order: what a word diff compares. */
export function draftText(draft: ArticleDraft): string {
  return [draft.headline, draft.standfirst, datelineText(draft.datelinePlace, draft.datelineSource), draft.byline, bodyPlainText(draft.body)].filter(Boolean).join('\n\n');
}

export function sameDraft(a: ArticleDraft, b: ArticleDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
