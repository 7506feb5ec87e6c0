/** One actor's RSS feed: every entry that names them, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import site from '../../../site.config';
import { getStory } from '../../../lib/content';
import { feedItems, rssOptions } from '../../../lib/feeds';

export async function getStaticPaths() {
  const story = await getStory();
  return story.actors.map((a) => ({ params: { id: a.id } }));
}

export async function GET(context: APIContext) {
  const story = await getStory();
  const actor = story.actorById.get(context.params.id!)!;
  // The entries the actor is tagged in (the story's index of them, not a scan of every entry per feed).
  const mine = story.actorIndex.get(actor.id)?.entries ?? [];
  const feed = {
    title: `${actor.data.name} · ${site.title}`,
    description: `Every event in ${site.title} that involves ${actor.data.name}.`,
    lang: site.lang,
  };
  return rss(rssOptions(feed, feedItems(mine, story.actorName)));
}
