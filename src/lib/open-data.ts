/**
 * The story as data for others: feed items (RSS and JSON Feed 1.1), the open-data JSON with its
 * JSON Schema, a CSV of entries, Knight Lab's TimelineJS3 JSON, and an iCalendar file. Pure: pages
 * turn these into files. Nothing here reads the clock, so two builds give the same bytes.
 */
import { z } from 'astro/zod';
import { addDays, eventInstant, formatEventDate, parseDay, type Day } from './dates';
import { formatPlace, sourceOutlet } from './format';
import { actorSchema, makeEntrySchema, phaseSchema, type ActorData, type EntryData, type PhaseData } from './schema';
import { KIND_LABELS } from './taxonomy';

/** The version of the open-data format; raise it when a field changes meaning or goes away. */
export const DATA_VERSION = '1.0.0';

/** An entry as the exporters need it. */
export interface DataEntry {
  id: string;
  data: EntryData;
  /** The body as plain text. */
  text: string;
}

/** An actor as the exporters need it. */
export interface DataActor {
  id: string;
  data: ActorData;
  /** The bio as plain text. */
  text: string;
}

/** Builds absolute URLs for site paths. */
export type UrlOf = (path: string) => string;

/** One item of a feed. */
export interface FeedItem {
  id: string;
  title: string;
  link: string;
  summary: string;
  date: Date;
  categories: string[];
}

/** Feed items, newest first; categories are the actors' canonical names. */
export function feedItems(
  entries: readonly DataEntry[],
  actorName: (id: string) => string | undefined,
  urlOf: UrlOf,
  timeZone: string,
): FeedItem[] {
  return entries
    .map((e) => ({
      id: e.id,
      title: e.data.title,
      link: urlOf(`entries/${e.id}/`),
      summary: e.data.summary,
      date: eventInstant(e.data, timeZone),
      categories: e.data.actors.map(actorName).filter((n): n is string => Boolean(n)),
    }))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || b.id.localeCompare(a.id));
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(
  site: { title: string; description: string; lang: string },
  items: readonly FeedItem[],
  urlOf: UrlOf,
) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.title,
    description: site.description,
    language: site.lang,
    home_page_url: urlOf(''),
    feed_url: urlOf('feed.json'),
    items: items.map((i) => ({
      id: i.link,
      url: i.link,
      title: i.title,
      summary: i.summary,
      content_text: i.summary,
      date_published: i.date.toISOString(),
      tags: i.categories,
    })),
  };
}

/** The shape of /data/timeline.json, from which its published JSON Schema is generated. */
export function openDataSchema(topics: readonly string[]) {
  const entry = makeEntrySchema(topics).and(
    z.object({
      /** The entry's id: its file name, and its page's path. */
      id: z.string(),
      /** The entry page's canonical URL. */
      url: z.url(),
      /** The body as plain text. */
      text: z.string(),
    }),
  );
  const actor = actorSchema.extend({ id: z.string(), url: z.url(), bio: z.string() });
  return z.strictObject({
    /** The version of this format (semantic versioning). */
    version: z.string(),
    /** Site name and address. */
    title: z.string(),
    description: z.string(),
    url: z.url(),
    /** Every published entry, oldest first. */
    entries: z.array(entry),
    /** Every actor, by id. */
    actors: z.array(actor),
    /** The story's chapters. */
    phases: z.array(phaseSchema),
  });
}

/** The JSON Schema (draft 2020-12) of /data/timeline.json. */
export function openDataJsonSchema(topics: readonly string[], schemaUrl: string): Record<string, unknown> {
  const schema = z.toJSONSchema(openDataSchema(topics), { io: 'output', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { $id: schemaUrl, title: 'Timeline open data', ...schema };
}

/** The content of /data/timeline.json. */
export function openData(
  site: { title: string; description: string },
  entries: readonly DataEntry[],
  actors: readonly DataActor[],
  phases: readonly PhaseData[],
  urlOf: UrlOf,
) {
  return {
    version: DATA_VERSION,
    title: site.title,
    description: site.description,
    url: urlOf(''),
    entries: entries.map((e) => ({ id: e.id, url: urlOf(`entries/${e.id}/`), ...e.data, text: e.text })),
    actors: actors.map((a) => ({ id: a.id, url: urlOf(`actors/${a.id}/`), ...a.data, bio: a.text })),
    phases: [...phases],
  };
}

/** A CSV field, quoted when it must be (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The columns of /data/entries.csv. */
export const CSV_COLUMNS = [
  'id',
  'date',
  'end_date',
  'date_precision',
  'title',
  'summary',
  'kind',
  'importance',
  'confidence',
  'place',
  'actors',
  'topics',
  'sources',
  'url',
] as const;

/** /data/entries.csv: one row per entry, for spreadsheets (actors by name, sources by URL, separated by "; "). */
export function entriesCsv(
  entries: readonly DataEntry[],
  actorName: (id: string) => string | undefined,
  urlOf: UrlOf,
): string {
  const rows = entries.map((e) =>
    [
      e.id,
      e.data.date,
      e.data.endDate ?? '',
      e.data.datePrecision,
      e.data.title,
      e.data.summary,
      e.data.kind,
      e.data.importance,
      e.data.confidence,
      formatPlace(e.data.place),
      e.data.actors.map((id) => actorName(id) ?? id).join('; '),
      e.data.topics.join('; '),
      e.data.sources.map((s) => s.url).join('; '),
      urlOf(`entries/${e.id}/`),
    ].map(csvField),
  );
  return `${[[...CSV_COLUMNS], ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}

/** A TimelineJS3 date at the precision the entry has. */
function tlDate(day: Day, precision: 'day' | 'month' = 'day') {
  const { year, month, day: d } = parseDay(day);
  return precision === 'month'
    ? { year: String(year), month: String(month) }
    : { year: String(year), month: String(month), day: String(d) };
}

const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Knight Lab's TimelineJS3 JSON: a title slide, one event per entry grouped by phase, phases as eras. */
export function timelineJs(
  site: { title: string; description: string },
  entries: readonly DataEntry[],
  phases: readonly PhaseData[],
  phaseOf: (day: Day) => PhaseData | undefined,
  urlOf: UrlOf,
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
        text: `<p>${html(e.data.summary)}</p><p><a href="${html(urlOf(`entries/${e.id}/`))}">Read the entry and its sources</a></p>`,
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

/** Escapes an iCalendar text value (RFC 5545 §3.3.11). */
function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds an iCalendar content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compact = (day: Day) => day.replace(/-/g, '');
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * An iCalendar file of the events: all-day events for days and ranges (DTEND is the day after the
 * last), the whole month for month-precision entries, and UTC times for entries with a local time.
 */
export function icalendar(
  site: { title: string; site: string },
  entries: readonly DataEntry[],
  urlOf: UrlOf,
  timeZone: string,
): string {
  const host = new URL(site.site).host;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${host}//Peace Talks Timeline generator//EN`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${icsText(site.title)}`,
  ];
  for (const e of entries) {
    const d = e.data;
    const stamp = `${compact(d.updated ?? d.date)}T000000Z`;
    lines.push('BEGIN:VEVENT', `UID:${e.id}@${host}`, `DTSTAMP:${stamp}`);
    if (d.time && d.timeZone && !d.endDate) {
      lines.push(`DTSTART:${utcStamp(eventInstant(d, timeZone))}`);
    } else if (d.datePrecision === 'month') {
      const { year, month } = parseDay(d.date);
      const endMonth = d.endDate ? parseDay(d.endDate) : { year, month };
      const next =
        endMonth.month === 12
          ? `${endMonth.year + 1}-01-01`
          : `${endMonth.year}-${String(endMonth.month + 1).padStart(2, '0')}-01`;
      lines.push(`DTSTART;VALUE=DATE:${year}${String(month).padStart(2, '0')}01`, `DTEND;VALUE=DATE:${compact(next)}`);
    } else {
      lines.push(
        `DTSTART;VALUE=DATE:${compact(d.date)}`,
        `DTEND;VALUE=DATE:${compact(addDays(d.endDate ?? d.date, 1))}`,
      );
    }
    const url = urlOf(`entries/${e.id}/`);
    lines.push(`SUMMARY:${icsText(d.title)}`, `DESCRIPTION:${icsText(`${d.summary}\n\n${url}`)}`, `URL:${url}`);
    const place = formatPlace(d.place);
    if (place) lines.push(`LOCATION:${icsText(place)}`);
    lines.push(`CATEGORIES:${icsText(KIND_LABELS[d.kind])}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** Schema.org JSON-LD for an entry page: an Event, with its place and participants. */
export function entryJsonLd(
  e: { id: string; data: EntryData },
  actors: readonly { id: string; data: ActorData }[],
  url: string,
  image: string,
) {
  const d = e.data;
  const place = formatPlace(d.place);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: d.title,
    description: d.summary,
    url,
    image,
    startDate: d.time && d.timeZone ? formatEventDate(d).parts[0]!.datetime : d.date,
    ...(d.endDate ? { endDate: d.endDate } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    ...(place
      ? {
          location: {
            '@type': 'Place',
            name: place,
            ...(d.place?.country
              ? {
                  address: {
                    '@type': 'PostalAddress',
                    addressCountry: d.place.country,
                    ...(d.place.city ? { addressLocality: d.place.city } : {}),
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(actors.length
      ? {
          attendee: actors.map((a) => ({
            '@type': a.data.type === 'person' ? 'Person' : 'Organization',
            name: a.data.name,
          })),
        }
      : {}),
    subjectOf: d.sources.map((s) => ({
      '@type': 'NewsArticle',
      url: s.url,
      publisher: { '@type': 'Organization', name: sourceOutlet(s) },
      ...(s.title ? { headline: s.title } : {}),
    })),
  };
}

/** Schema.org JSON-LD for an actor page: a Person, or an Organization for institutions and states. */
export function actorJsonLd(a: { id: string; data: ActorData }, url: string, bio: string) {
  const latest = a.data.roles.at(-1);
  return {
    '@context': 'https://schema.org',
    '@type': a.data.type === 'person' ? 'Person' : 'Organization',
    name: a.data.name,
    ...(a.data.aliases.length ? { alternateName: a.data.aliases } : {}),
    description: bio,
    url,
    ...(a.data.type === 'person' && latest ? { jobTitle: latest.title } : {}),
    ...(a.data.type === 'person' ? { affiliation: { '@type': 'Organization', name: a.data.affiliation } } : {}),
  };
}
