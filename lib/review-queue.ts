/** One story waiting for the copy desk, as the review queue lists it. Times are ISO-8601 UTC. */
export type ReviewQueueItem = {
  id: number;
  version: number;
  headline: string;
  writerName: string;
  section: string;
  words: number;
  submittedAt: string;
  claim: { byId: number; byName: string; at: string } | null;
};

/** "45 min", "3 h 5 min", "2 days": how long a story has waited, as the desk says it. */
export function formatWaiting(since: string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}
