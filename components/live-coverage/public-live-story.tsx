import { PublicStory } from '@/components/public/public-story';
import type { PublicLiveStory as Story } from '@/lib/public/public-article';
import { LiveEntries, LiveKeyPoints, LiveLabel, LiveUpdates } from './live-updates';
import './public-live.css';

/**
 * A live story as readers see it: the story (headline, standfirst, byline, stamp, lead photo, the
 * intro) with "Live" above the headline while coverage is on, then the key points and the entries,
 * kept current in the reader's browser as the desk changes them.
 */
export function PublicLiveStory({ story, timeZone }: { story: Story; timeZone: string }) {
  return (
    <LiveUpdates articleId={story.id} coverage={story.live}>
      <PublicStory article={story} timeZone={timeZone} label={<LiveLabel />}>
        <LiveKeyPoints />
        <LiveEntries coverageStart={story.live.startedAt} timeZone={timeZone} />
      </PublicStory>
    </LiveUpdates>
  );
}
