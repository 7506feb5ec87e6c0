/** The events as an iCalendar file, to subscribe to in a calendar application. */
import type { APIContext } from 'astro';
import site from '../site.config';
import { getStoryData } from '../lib/content';
import { icalendar } from '../lib/open-data';
import { absoluteUrl } from '../lib/paths';

export async function GET(context: APIContext) {
  const data = await getStoryData();
  const ics = icalendar(site, data.entries, (p) => absoluteUrl(context.site ?? site.site, p), site.timeZone);
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
