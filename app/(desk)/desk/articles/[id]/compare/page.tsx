import type { Metadata } from 'next';
import { ArticlePageHead } from '@/components/desk/article-page-head';
import { RestoreRevisionForm } from '@/components/revisions/restore-revision-form';
import { type DiffLayout, RevisionDiffView } from '@/components/revisions/revision-diff-view';
import { isAppError } from '@/lib/app-error';
import { editRefusal } from '@/lib/article-edit-rules';
import { formatDeskTime } from '@/lib/desk-time';
import type { ComparedRevision, RevisionComparison } from '@/lib/revision-comparison';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { CompareQuery } from '@/lib/validation/revisions';
import { getArticle } from '@/server/articles/queries';
import { env } from '@/server/env';
import { compareArticleRevisions } from '@/server/revisions/compare-revisions';
import { forPage, requireSignedIn } from '@/server/session';

export const metadata: Metadata = { title: 'Compare revisions' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CompareRevisionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id: rawId } = await params;
  const { from, to, layout: rawLayout } = await searchParams;
  const user = await requireSignedIn(`/desk/articles/${rawId}/compare`);
  const id = parseId(rawId, 'article');
  const article = forPage(() => getArticle(user, id));
  const layout: DiffLayout = rawLayout === 'side-by-side' ? 'side-by-side' : 'inline';
  const timeZone = env().NEWSROOM_TIMEZONE;

  // A revision the person typed that the article does not have is their slip, not a missing page.
  let comparison: RevisionComparison | null = null;
  let problem: string | null = null;
  try {
    comparison = compareArticleRevisions(user, id, parseInput(CompareQuery, withoutEmpty({ from, to })));
  } catch (error) {
    if (!isAppError(error, 'NOT_FOUND') && !isAppError(error, 'INVALID')) throw error;
    problem = error.message;
  }
  const describe = (side: ComparedRevision) =>
    `Revision ${side.number} · ${side.label} · ${side.authorName}, ${formatDeskTime(side.createdAt, timeZone)}${side.live ? ' · live' : ''}${side.working ? ' · working copy' : ''}`;
  const sides: [string, string] | null = comparison && [describe(comparison.from), describe(comparison.to)];
  const mayRestore = comparison !== null && !comparison.from.working && editRefusal(user, article) === null;

  return (
    <main id="content" className="compare">
      <ArticlePageHead title="Compare revisions" articleId={id} headline={article.headline} />

      <form className="card compare__form" method="get">
        {(['from', 'to'] as const).map((side) => (
          <div key={side} className="field">
            <label className="field__label" htmlFor={`compare-${side}`}>
              {side === 'from' ? 'From' : 'To'} revision
            </label>
            <input
              id={`compare-${side}`}
              type="text"
              name={side}
              defaultValue={comparison?.[side].number ?? str(side === 'from' ? from : to)}
              aria-describedby="compare-hint"
            />
          </div>
        ))}
        <fieldset className="field">
          <legend className="field__label">Layout</legend>
          <label className="check">
            <input type="radio" name="layout" value="inline" defaultChecked={layout === 'inline'} /> Inline
          </label>
          <label className="check">
            <input type="radio" name="layout" value="side-by-side" defaultChecked={layout === 'side-by-side'} /> Side by side
          </label>
        </fieldset>
        <button type="submit" className="button">
          Compare
        </button>
        <p id="compare-hint" className="field__hint">
          A revision number from the history, or “live” or “working”.
        </p>
      </form>

      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {comparison && sides && (
        <section className="card" aria-labelledby="comparison-title">
          <h2 id="comparison-title" className="visually-hidden">
            Changes from revision {comparison.from.number} to revision {comparison.to.number}
          </h2>
          <dl className="compare__sides">
            <dt>From</dt>
            <dd>{sides[0]}</dd>
            <dt>To</dt>
            <dd>{sides[1]}</dd>
          </dl>
          <RevisionDiffView diff={comparison.diff} layout={layout} sides={sides} level={3} />
        </section>
      )}
      {comparison && mayRestore && <RestoreRevisionForm articleId={id} number={comparison.from.number} version={article.version} />}
    </main>
  );
}

const str = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** An empty box in the form means "the default", as if the parameter were not there. */
function withoutEmpty(query: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''));
}
