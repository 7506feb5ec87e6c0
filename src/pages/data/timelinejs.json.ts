/** The story in Knight Lab's TimelineJS3 format, to embed with TimelineJS unchanged. */
import site from '../../site.config';
import { getStory, getStoryData } from '../../lib/content';
import { timelineJs } from '../../lib/timelinejs';
import { phaseOf } from '../../lib/timeline';

export async function GET() {
  const [story, data] = await Promise.all([getStory(), getStoryData()]);
  const body = timelineJs(site, data.entries, story.phases, (d) => phaseOf(d, story.phases));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
