/** The story as a JSON Feed 1.1, newest first. */
import site from '../site.config';
import { getStory, getStoryData } from '../lib/content';
import { feedItems, jsonFeed } from '../lib/feeds';

export async function GET() {
  const [story, data] = await Promise.all([getStory(), getStoryData()]);
  const feed = jsonFeed(site, feedItems(data.entries, story.actorName));
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
}
