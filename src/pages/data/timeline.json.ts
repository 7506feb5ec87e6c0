/** Open data: every published entry (all fields, plain-text body, canonical URL), actor and phase. */
import site from '../../site.config';
import { getStory, getStoryData } from '../../lib/content';
import { openData } from '../../lib/open-data';

export async function GET() {
  const [story, data] = await Promise.all([getStory(), getStoryData()]);
  const body = openData(site, data.entries, data.actors, story.phases);
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
