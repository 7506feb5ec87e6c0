/** Open data for spreadsheets: one row per entry. */
import { getStory, getStoryData } from '../../lib/content';
import { entriesCsv } from '../../lib/open-data';

export async function GET() {
  const [story, data] = await Promise.all([getStory(), getStoryData()]);
  return new Response(entriesCsv(data.entries, story.actorName), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
}
