/** The story's RSS feed, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import site from '../site.config';
import { getStory, getStoryData } from '../lib/content';
import { feedItems } from '../lib/open-data';
import { absoluteUrl } from '../lib/paths';

export async function GET(context: APIContext) {
  const [story, data] = await Promise.all([getStory(), getStoryData()]);
  const siteUrl = context.site ?? site.site;
  const items = feedItems(
    data.entries,
    (id) => story.actorById.get(id)?.data.name,
    (p) => absoluteUrl(siteUrl, p),
    site.timeZone,
  );
  return rss({
    title: site.title,
    description: site.description,
    site: absoluteUrl(siteUrl),
    items: items.map((i) => ({
      title: i.title,
      link: i.link,
      pubDate: i.date,
      description: i.summary,
      categories: i.categories,
    })),
    customData: `<language>${site.lang}</language>`,
  });
}
