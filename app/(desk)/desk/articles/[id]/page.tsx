import type { Metadata } from 'next';
import { z } from 'zod';
import { ArticleEditor } from '@/components/editor/article-editor';
import { WireCopyPanel } from '@/components/wire/wire-copy-panel';
import { parseId } from '@/lib/validation/parse-id';
import { getArticle } from '@/server/articles/queries';
import { env } from '@/server/env';
import { filingChoices } from '@/server/filing/queries';
import { forPage, requireSignedIn } from '@/server/session';
import { getArticleWireState } from '@/server/wire-ingest/queries';

export const metadata: Metadata = { title: 'Edit article' };

const ShownComment = z.coerce.number().int().positive();

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ comment?: string | string[] }> }) {
  const { id } = await params;
  // ?comment= is where a mention's email sends the person: kept through signing in.
  const shown = ShownComment.safeParse((await searchParams).comment);
  const shownCommentId = shown.success ? shown.data : undefined;
  const user = await requireSignedIn(`/desk/articles/${id}${shownCommentId === undefined ? '' : `?comment=${shownCommentId}`}`);
  const article = forPage(() => getArticle(user, parseId(id, 'article')));
  const wire = getArticleWireState(user, article.id);
  return (
    <main id="content">
      <ArticleEditor
        key={article.id}
        article={article}
        viewer={{ id: user.id, name: user.name, role: user.role }}
        timeZone={env().NEWSROOM_TIMEZONE}
        filingChoices={filingChoices(user)}
        shownCommentId={shownCommentId}
        wireCopy={wire && <WireCopyPanel articleId={article.id} wire={wire} timeZone={env().NEWSROOM_TIMEZONE} />}
      />
    </main>
  );
}
