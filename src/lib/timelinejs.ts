/**
 * The story in Knight Lab's TimelineJS3 JSON format (https://timeline.knightlab.com/docs/json-format.html),
 * to embed with TimelineJS unchanged. Pure: the endpoint in src/pages writes it.
 */
import { formatEventDate, parseDay, type Day } from './dates';
import { absoluteUrl, entryPath } from './paths';
import type { PhaseData, TextEntry } from './schema';

/** A TimelineJS3 date at the precision the entry has. */
export function tlDate(day: Day, precision: 'day' | 'month' = 'day') {
  const { year, month, day: d } = parseDay(day);
  return precision === 'month'
    ? { year: String(year), month: String(month) }
    : { year: String(year), month: String(month), day: String(d) };
}

/** Text escaped for the HTML that TimelineJS renders. */
const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Knight Lab's TimelineJS3 JSON: a title slide, one event per entry grouped by phase, phases as eras. */
export function timelineJs(
  site: { title: string; description: string },
  entries: readonly TextEntry[],
  phases: readonly PhaseData[],
  phaseOf: (day: Day) => PhaseData | undefined,
) {
  const last = entries.at(-1);
  return {
    title: { text: { headline: html(site.title), text: `<p>${html(site.description)}</p>` } },
    events: entries.map((e) => ({
      unique_id: e.id,
      start_date: tlDate(e.data.date, e.data.datePrecision),
      ...(e.data.endDate ? { end_date: tlDate(e.data.endDate, e.data.datePrecision) } : {}),
      display_date: formatEventDate(e.data).text,
      text: {
        headline: html(e.data.title),
        text: `<p>${html(e.data.summary)}</p><p><a href="${html(absoluteUrl(entryPath(e.id)))}">Read the entry and its sources</a></p>`,
      },
      ...(phaseOf(e.data.date) ? { group: phaseOf(e.data.date)!.title } : {}),
    })),
    eras: phases
      .filter((p) => p.end || last)
      .map((p) => ({
        start_date: tlDate(p.start),
        end_date: tlDate(p.end ?? last!.data.endDate ?? last!.data.date),
        text: { headline: html(p.title) },
      })),
  };
}
