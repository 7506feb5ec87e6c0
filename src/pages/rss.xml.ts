/** The story's RSS feed, newest first. */
import rss from '@astrojs/rss';
import site from '../site.config';
import { getStory, getStoryData } from '../lib/content';
import { feedItems, rssOptions } from '../lib/feeds';

export async function GET() {
  const [story, data] = await Promise.all([getStory(), getStoryData()]);
  return rss(rssOptions(site, feedItems(data.entries, story.actorName)));
}
