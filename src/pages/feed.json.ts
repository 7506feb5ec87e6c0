/** The story as a JSON Feed 1.1, newest first. */
import type { APIContext } from 'astro';
import site from '../site.config';
import { getStory, getStoryData } from '../lib/content';
import { feedItems, jsonFeed } from '../lib/open-data';
import { absoluteUrl } from '../lib/paths';

export async function GET(context: APIContext) {
  const [story, data] = await Promise.all([getStory(), getStoryData()]);
  const urlOf = (p: string) => absoluteUrl(context.site ?? site.site, p);
  const items = feedItems(data.entries, (id) => story.actorById.get(id)?.data.name, urlOf, site.timeZone);
  return new Response(`${JSON.stringify(jsonFeed(site, items, urlOf), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
}
