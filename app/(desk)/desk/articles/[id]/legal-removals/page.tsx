import type { Metadata } from 'next';
import { FilingForm } from '@/components/admin/filing-form';
import { ArticlePageHead } from '@/components/desk/article-page-head';
import { formatDeskTime } from '@/lib/desk-time';
import { LEGAL_REMOVAL_PLACEHOLDER } from '@/lib/legal-removals/redact';
import { can } from '@/lib/permissions';
import { parseId } from '@/lib/validation/parse-id';
import { getArticle } from '@/server/articles/queries';
import { env } from '@/server/env';
import { listLegalRemovals } from '@/server/legal-removals/queries';
import { forPage, requireSignedIn } from '@/server/session';
import { removeForLegalReasonsAction } from './actions';

export const metadata: Metadata = { title: 'Legal removals' };

export default async function LegalRemovalsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const user = await requireSignedIn(`/desk/articles/${rawId}/legal-removals`);
  const id = parseId(rawId, 'article');
  const article = forPage(() => getArticle(user, id));
  const removals = forPage(() => listLegalRemovals(user, id));
  const timeZone = env().NEWSROOM_TIMEZONE;
  return (
    <main id="content">
      <ArticlePageHead title="Legal removals" articleId={id} headline={article.headline} />
      <p className="muted">
        Words removed here read “{LEGAL_REMOVAL_PLACEHOLDER}” in every version of the story the public can see: the story page, its What changed page, feeds, JSON and
        lists. The desk keeps the full text. The reason goes to the audit log and is never shown to readers.
      </p>
      {removals.length > 0 && (
        <section aria-labelledby="removals-title">
          <h2 id="removals-title">Removed so far</h2>
          <ul className="legal-removals">
            {removals.map((removal) => (
              <li key={removal.id}>
                “{removal.text}”, by {removal.removedByName}, <time dateTime={removal.at}>{formatDeskTime(removal.at, timeZone)}</time>
              </li>
            ))}
          </ul>
        </section>
      )}
      {article.firstPublishedAt === null ? (
        <p>This story has not been published: change its text instead.</p>
      ) : can(user, 'article:legal-removal') ? (
        <section className="card" aria-labelledby="remove-title">
          <h2 id="remove-title">Remove words for legal reasons</h2>
          <FilingForm
            action={removeForLegalReasonsAction}
            title="Remove words for legal reasons"
            hidden={{ articleId: String(id) }}
            fields={[
              { kind: 'textarea', name: 'text', label: 'Exact words to remove', hint: 'As readers read them, within one paragraph (remove a longer passage paragraph by paragraph); case and spacing do not matter.' },
              { kind: 'textarea', name: 'reason', label: 'Reason (kept in the audit log, never shown)' },
            ]}
            submit="Remove for legal reasons"
          />
        </section>
      ) : null}
    </main>
  );
}
