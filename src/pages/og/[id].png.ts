/** A share image per entry (title and date), and one for the rest of the site (og/site.png). */
import type { APIContext } from 'astro';
import site from '../../site.config';
import { getStory } from '../../lib/content';
import { formatEventDate } from '../../lib/dates';
import { renderPng, shareSvg } from '../../lib/share-image';

export async function getStaticPaths() {
  const story = await getStory();
  return [{ params: { id: 'site' } }, ...story.entries.map((e) => ({ params: { id: e.id } }))];
}

export async function GET(context: APIContext) {
  const story = await getStory();
  const entry = story.entryById.get(context.params.id!);
  const svg = entry
    ? shareSvg({ site: site.title, title: entry.data.title, date: formatEventDate(entry.data).text })
    : shareSvg({ site: site.title, title: site.tagline });
  return new Response(renderPng(svg) as BodyInit, { headers: { 'Content-Type': 'image/png' } });
}
