import { formatWireTime } from '@/lib/wire-timestamp';
import { PUB_STATUS_LABELS, type PubStatus } from '@/lib/wire/wire-item';

/**
 * An agency item's publication status. Canceled and withheld copy must not run, so they are shown
 * loudly, in words, wherever the item or a story made from it appears.
 */
export function WireStatusBadge({ pubStatus }: { pubStatus: PubStatus }) {
  if (pubStatus === 'usable') return <span className="badge badge--approved">{PUB_STATUS_LABELS.usable}</span>;
  return <strong className="badge badge--wire-stop">{PUB_STATUS_LABELS[pubStatus]} by the agency</strong>;
}

/** "Embargoed until 12:00 GMT 23.10.2018", while the embargo holds. */
export function WireEmbargo({ until, timeZone, now = new Date() }: { until: string | null; timeZone: string; now?: Date }) {
  if (!until || new Date(until) <= now) return null;
  return (
    <span className="badge badge--embargo">
      Embargoed until <time dateTime={until}>{formatWireTime(until, timeZone)}</time>
    </span>
  );
}

/** An item's status and embargo, side by side, wherever it or a story made from it is shown. */
export function WireFlags({ pubStatus, embargoedUntil, timeZone }: { pubStatus: PubStatus; embargoedUntil: string | null; timeZone: string }) {
  return (
    <div className="wire-flags">
      <WireStatusBadge pubStatus={pubStatus} />
      <WireEmbargo until={embargoedUntil} timeZone={timeZone} />
    </div>
  );
}
