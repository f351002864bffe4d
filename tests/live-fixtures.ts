/** Live stories for integration tests, through the real domain. */
import { plainTextToDoc } from '@/lib/article-body';
import type { SessionUser } from '@/lib/session-user';
import type { PostEntryInput } from '@/lib/validation/live-coverage';
import { publishArticle } from '@/server/articles/publish-article';
import { approveArticle, submitArticle } from '@/server/articles/review-steps';
import { saveArticle } from '@/server/articles/save-article';
import { startLiveStory } from '@/server/live-coverage/start-live-story';
import { storyFields } from './factories';

/** An entry's fields: `text` one paragraph per line. */
export function entryFields(headline: string, text = `${headline}: what we know.`): PostEntryInput {
  return { headline, body: plainTextToDoc(text), authorIds: [] };
}

/** A live story written by `writer`, approved by `desk` and published by the desk at `at`. */
export function publishedLiveStory(writer: SessionUser, desk: SessionUser, headline: string, at = new Date()): { id: number; slug: string } {
  const { id } = startLiveStory(writer, at);
  const saved = saveArticle(writer, id, { ...storyFields(headline), version: 1 }, at);
  const submitted = submitArticle(writer, id, { version: saved.version }, at);
  const approved = approveArticle(desk, id, { version: submitted.version }, at);
  const published = publishArticle(desk, id, { version: approved.version }, at);
  return { id, slug: published.slug! };
}
