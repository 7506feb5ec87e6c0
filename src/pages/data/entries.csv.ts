/** Open data for spreadsheets: one row per entry. */
import type { APIContext } from 'astro';
import site from '../../site.config';
import { getStory, getStoryData } from '../../lib/content';
import { entriesCsv } from '../../lib/open-data';
import { absoluteUrl } from '../../lib/paths';

export async function GET(context: APIContext) {
  const [story, data] = await Promise.all([getStory(), getStoryData()]);
  const csv = entriesCsv(
    data.entries,
    (id) => story.actorById.get(id)?.data.name,
    (p) => absoluteUrl(context.site ?? site.site, p),
  );
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
