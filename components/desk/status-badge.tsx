import { type ArticleStatus, STATUS_LABELS } from '@/lib/domain-constants';

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`badge badge--${status}`}>{STATUS_LABELS[status]}</span>;
}
