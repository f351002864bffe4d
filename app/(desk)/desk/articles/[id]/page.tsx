import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/editor/article-editor';
import { WireCopyPanel } from '@/components/wire/wire-copy-panel';
import { parseId } from '@/lib/validation/parse-id';
import { getArticle } from '@/server/articles/queries';
import { env } from '@/server/env';
import { filingChoices } from '@/server/filing/queries';
import { forPage, requireSignedIn } from '@/server/session';
import { getArticleWireState } from '@/server/wire-ingest/queries';

export const metadata: Metadata = { title: 'Edit article' };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSignedIn(`/desk/articles/${id}`);
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
        wireCopy={wire && <WireCopyPanel articleId={article.id} wire={wire} timeZone={env().NEWSROOM_TIMEZONE} />}
      />
    </main>
  );
}
