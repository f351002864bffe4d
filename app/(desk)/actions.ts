'use server';

import { redirect } from 'next/navigation';
import { createArticle } from '@/server/articles/create-article';
import { signOut } from '@/server/auth/next-auth';
import { startLiveStory } from '@/server/live-coverage/start-live-story';
import { requireSignedIn } from '@/server/session';

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}

export async function newArticleAction(): Promise<void> {
  const user = await requireSignedIn('/desk');
  const { id } = createArticle(user);
  redirect(`/desk/articles/${id}`);
}

export async function newLiveStoryAction(): Promise<void> {
  const user = await requireSignedIn('/desk');
  const { id } = startLiveStory(user);
  redirect(`/desk/articles/${id}`);
}
