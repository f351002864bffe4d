import Link from 'next/link';
import { UNTITLED_HEADLINE } from '@/lib/domain-constants';

/** The head of a page about one article (its comparisons, its audit trail): what, which story, and the way back. */
export function ArticlePageHead({ title, articleId, headline }: { title: string; articleId: number; headline: string }) {
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        <p className="page-head__sub">{headline || UNTITLED_HEADLINE}</p>
      </div>
      <Link href={`/desk/articles/${articleId}`}>Back to the article</Link>
    </div>
  );
}
