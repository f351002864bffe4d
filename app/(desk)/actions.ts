'use server';

import { redirect } from 'next/navigation';
import { createArticle } from '@/server/articles/create-article';
import { signOut } from '@/server/auth/next-auth';
import { requireSignedIn } from '@/server/session';

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}

export async function newArticleAction(): Promise<void> {
  const user = await requireSignedIn('/desk');
  const { id } = createArticle(user);
  redirect(`/desk/articles/${id}`);
}
