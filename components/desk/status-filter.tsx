import Link from 'next/link';
import { ARTICLE_STATUSES, type ArticleStatus, STATUS_LABELS } from '@/lib/domain-constants';

export function StatusFilter({ current }: { current: ArticleStatus | undefined }) {
  const options: { status: ArticleStatus | undefined; label: string }[] = [
    { status: undefined, label: 'All' },
    ...ARTICLE_STATUSES.map((status) => ({ status, label: STATUS_LABELS[status] })),
  ];
  return (
    <nav aria-label="Filter by status">
      <ul className="filters">
        {options.map(({ status, label }) => (
          <li key={label}>
            <Link href={status ? `/desk?status=${status}` : '/desk'} aria-current={status === current ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
