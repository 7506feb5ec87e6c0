/** One actor's RSS feed: every entry that names them, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import site from '../../../site.config';
import { getStory, getStoryData } from '../../../lib/content';
import { feedItems } from '../../../lib/open-data';
import { absoluteUrl } from '../../../lib/paths';

export async function getStaticPaths() {
  const story = await getStory();
  return story.actors.map((a) => ({ params: { id: a.id } }));
}

export async function GET(context: APIContext) {
  const [story, data] = await Promise.all([getStory(), getStoryData()]);
  const id = context.params.id!;
  const actor = story.actorById.get(id)!;
  const siteUrl = context.site ?? site.site;
  const mine = data.entries.filter((e) => e.data.actors.includes(id));
  const items = feedItems(
    mine,
    (a) => story.actorById.get(a)?.data.name,
    (p) => absoluteUrl(siteUrl, p),
    site.timeZone,
  );
  return rss({
    title: `${actor.data.name} · ${site.title}`,
    description: `Every event in ${site.title} that involves ${actor.data.name}.`,
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
