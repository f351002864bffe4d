import type { PublishBlocker, PublishRecommendation } from '@/lib/publish-blockers';

type Props = { blockers: PublishBlocker[]; recommendations: PublishRecommendation[] };

/**
 * What must be fixed before this article can be published, as the publish step will check it,
 * and what is recommended but not required.
 */
export function PublishChecklist({ blockers, recommendations }: Props) {
  return (
    <>
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
      {recommendations.length > 0 && (
        <section className="publish-checklist publish-checklist--recommended" aria-labelledby="publish-recommended-title">
          <h2 id="publish-recommended-title">Recommended</h2>
          <ul>
            {recommendations.map((recommendation) => (
              <li key={recommendation.field}>{recommendation.message}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
