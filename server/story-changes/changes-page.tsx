import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { StoryChangesView } from '@/components/story-changes/story-changes-view';
import { changesFeedPath, changesPath } from '@/lib/story-changes/story-changes';
import { env } from '@/server/env';
import { findStoryChanges } from './find-story-changes';

type Props = { params: Promise<{ slug: string; before?: string }> };

/** The page's versions, read once per render for the page and its metadata. */
const changesAt = cache((slug: string, before: string | undefined) => {
  const number = before === undefined ? undefined : Number(before);
  if (number !== undefined && !Number.isSafeInteger(number)) return undefined;
  return findStoryChanges(slug, number);
});

/**
 * `/news/<slug>/changes` and its older pages `/news/<slug>/changes/before/<version>`: one module for
 * both routes, which differ only in their address.
 */
export async function generateChangesMetadata({ params }: Props): Promise<Metadata> {
  const { slug, before } = await params;
  const changes = changesAt(slug, before);
  if (!changes) return {};
  return {
    title: `What changed: ${changes.headline}`,
    description: `Every version of “${changes.headline}” readers have read, with what each changed.`,
    robots: changes.withdrawn ? { index: false } : undefined,
    alternates: {
      canonical: changesPath(changes.slug, before === undefined ? undefined : Number(before)),
      types: { 'application/atom+xml': [{ url: changesFeedPath(changes.slug, 'atom'), title: `What changed: ${changes.headline}` }] },
    },
  };
}

export async function ChangesPage({ params }: Props) {
  const { slug, before } = await params;
  const changes = changesAt(slug, before);
  if (!changes) notFound();
  return (
    <main id="content" className="public-main">
      <StoryChangesView changes={changes} timeZone={env().NEWSROOM_TIMEZONE} />
    </main>
  );
}
