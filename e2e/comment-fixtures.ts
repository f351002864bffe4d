import { type APIRequestContext, expect } from '@playwright/test';
import { draftStory, takeStep } from './api-fixtures';
import { uniqueHeadline } from './publishing';

export const FARES = 'Fares start at 2 pounds.';

/** A story its writer has sent to the copy desk: set up through the API, as it is not what is tested. */
export async function storyInReview(writer: APIRequestContext, words: string): Promise<{ id: number; url: string; headline: string }> {
  const { headline } = uniqueHeadline(words);
  const draft = await draftStory(writer, { headline, place: 'EDINBURGH', paragraphs: [`Trams ran to the airport for the first time. ${FARES}`] });
  await takeStep(writer, draft.id, { action: 'submit', version: draft.version });
  return { id: draft.id, url: draft.url, headline };
}

/** The desk's comment on the fares sentence, posted through the API as the comment panel posts it. */
export async function commentOnFares(desk: APIRequestContext, articleId: number, body: string): Promise<void> {
  const posted = await desk.post(`/api/articles/${articleId}/comments`, {
    data: { body, anchor: { quote: FARES, prefix: 'to the airport for the first time. ', suffix: '' } },
  });
  expect(posted.status()).toBe(201);
}
