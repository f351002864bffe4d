/** Builders for integration tests: real rows through the real domain functions. */
import { randomUUID } from 'node:crypto';
import { plainTextToDoc } from '@/lib/article-body';
import type { Role } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import type { ArticleFieldsInput } from '@/lib/validation/article';
import { createArticle } from '@/server/articles/create-article';
import { saveArticle } from '@/server/articles/save-article';
import { SYSTEM } from '@/server/policy';
import { createUser } from '@/server/users/create-user';

export const TEST_PASSWORD = 'correct horse battery staple';

export function makeUser(role: Role, name = `Test ${role}`): Promise<SessionUser> {
  return createUser(SYSTEM, { email: `${role}-${randomUUID()}@test.example`, name, role, password: TEST_PASSWORD });
}

/** A story's editable fields, the body one paragraph per line of `body`. */
export function storyFields(headline: string, body = `${headline}, the story.`): ArticleFieldsInput {
  return {
    headline,
    standfirst: `About ${headline}`,
    datelinePlace: 'LONDON',
    datelineSource: 'Reuters',
    byline: 'By The Desk',
    leadPhoto: null,
    body: plainTextToDoc(body),
  };
}

/**
 * A story written and saved by `writer` through the real domain: its id and the version to act on.
 * `at` is when it was written, for tests that move the clock.
 */
export function writtenStory(writer: SessionUser, headline: string, at = new Date(), body?: string): { id: number; version: number } {
  const { id } = createArticle(writer, at);
  const saved = saveArticle(writer, id, { ...storyFields(headline, body), version: 1 }, at);
  return { id, version: saved.version };
}
