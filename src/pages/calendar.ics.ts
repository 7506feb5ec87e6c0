/** The events as an iCalendar file, to subscribe to in a calendar application. */
import site from '../site.config';
import { getStoryData } from '../lib/content';
import { icalendar } from '../lib/icalendar';

export async function GET() {
  const data = await getStoryData();
  return new Response(icalendar(site, data.entries), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
