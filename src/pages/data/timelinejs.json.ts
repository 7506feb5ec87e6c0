/** The story in Knight Lab's TimelineJS3 format, to embed with TimelineJS unchanged. */
import type { APIContext } from 'astro';
import site from '../../site.config';
import { getStory, getStoryData } from '../../lib/content';
import { timelineJs } from '../../lib/open-data';
import { phaseOf } from '../../lib/timeline';
import { absoluteUrl } from '../../lib/paths';

export async function GET(context: APIContext) {
  const [story, data] = await Promise.all([getStory(), getStoryData()]);
  const body = timelineJs(
    site,
    data.entries,
    story.phases,
    (d) => phaseOf(d, story.phases),
    (p) => absoluteUrl(context.site ?? site.site, p),
  );
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
