import type { PublishBlocker } from '@/lib/publish-blockers';

/** What must be fixed before this article can be published, as the publish step will check it. */
export function PublishChecklist({ blockers }: { blockers: PublishBlocker[] }) {
  return (
    <section className="publish-checklist" aria-labelledby="publish-checklist-title">
      <h2 id="publish-checklist-title">Before publishing</h2>
      {blockers.length === 0 ? (
        <p className="publish-checklist__ok">Ready: it has a headline and a body, and every photo has a credit and a caption.</p>
      ) : (
        <ul>
          {blockers.map((blocker, index) => (
            <li key={`${index}-${blocker.problem}`}>{blocker.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
