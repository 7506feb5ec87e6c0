/**
 * Reads an existing Knight Lab TimelineJS3 timeline (its JSON, or the CSV export of its Google
 * Sheet) and turns each event into a draft entry file, so a newsroom can move a timeline here in
 * minutes. What TimelineJS does not know (the actors, and sources beyond a media link) is left empty
 * with a note, and `npm run check` lists exactly those gaps until an editor fills them.
 */
import Papa from 'papaparse';
import yaml from 'js-yaml';
import { isCalendarDay } from './dates';
import { slugify } from './content-files';
import { decodeText } from './frontmatter';
import type { Problem } from './validate';

/** One event read from a TimelineJS file. */
export interface ImportedEvent {
  date: string;
  endDate?: string;
  precision: 'day' | 'month';
  title: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  /** A https media link, kept as a first source. */
  sourceUrl?: string;
  sourceOutlet?: string;
  group?: string;
}

interface TlDate {
  year?: string | number;
  month?: string | number;
  day?: string | number;
}

function pad(n: string | number | undefined): string | undefined {
  if (n === undefined || n === null || String(n).trim() === '') return undefined;
  return String(n).trim().padStart(2, '0');
}

/** A TimelineJS date as a calendar day and its precision; undefined when it has no year. */
export function toDay(d: TlDate | undefined): { day: string; precision: 'day' | 'month' } | undefined {
  const year = d?.year === undefined ? '' : String(d.year).trim();
  if (!/^\d{4}$/.test(year)) return undefined;
  const month = pad(d?.month) ?? '01';
  const day = pad(d?.day);
  const value = `${year}-${month}-${day ?? '01'}`;
  if (!isCalendarDay(value)) return undefined;
  return { day: value, precision: day ? 'day' : 'month' };
}

/** Plain-text paragraphs from TimelineJS's HTML text. */
export function htmlToParagraphs(text: string): string[] {
  return text
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|h\d)\s*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function fromParts(parts: {
  start: TlDate;
  end?: TlDate;
  headline?: string;
  text?: string;
  media?: string;
  credit?: string;
  group?: string;
}): ImportedEvent | undefined {
  const start = toDay(parts.start);
  if (!start) return undefined;
  const end = toDay(parts.end);
  const paragraphs = htmlToParagraphs(parts.text ?? '');
  const title = htmlToParagraphs(parts.headline ?? '')[0] ?? paragraphs[0]?.slice(0, 100) ?? 'Untitled event';
  const media = parts.media?.trim();
  return {
    date: start.day,
    ...(end && end.day > start.day ? { endDate: end.day } : {}),
    precision: start.precision,
    title,
    paragraphs,
    ...(media && /^https:\/\//.test(media)
      ? { sourceUrl: media, sourceOutlet: parts.credit?.trim() || new URL(media).hostname.replace(/^www\./, '') }
      : {}),
    ...(parts.group?.trim() ? { group: parts.group.trim() } : {}),
  };
}

/** Events of a TimelineJS3 JSON document. */
export function fromTimelineJson(json: unknown): ImportedEvent[] {
  const doc = json as {
    events?: {
      start_date?: TlDate;
      end_date?: TlDate;
      text?: { headline?: string; text?: string };
      media?: { url?: string; credit?: string };
      group?: string;
    }[];
  };
  if (!Array.isArray(doc?.events)) throw new Error(IMPORT_ERRORS.notTimeline());
  // A hand-edited file may hold anything where a string or an object belongs: such values are left out.
  const str = (v: unknown) => (typeof v === 'string' && v ? { value: v } : undefined);
  const obj = <T>(v: T | undefined) => (v && typeof v === 'object' ? v : undefined);
  return doc.events.flatMap((e) => {
    if (!obj(e)) return [];
    const [headline, text, media, credit, group] = [
      str(obj(e.text)?.headline),
      str(obj(e.text)?.text),
      str(obj(e.media)?.url),
      str(obj(e.media)?.credit),
      str(e.group),
    ];
    const parsed = fromParts({
      start: obj(e.start_date) ?? {},
      ...(obj(e.end_date) ? { end: e.end_date! } : {}),
      ...(headline ? { headline: headline.value } : {}),
      ...(text ? { text: text.value } : {}),
      ...(media ? { media: media.value } : {}),
      ...(credit ? { credit: credit.value } : {}),
      ...(group ? { group: group.value } : {}),
    });
    return parsed ? [parsed] : [];
  });
}

/** Events of the CSV export of a TimelineJS Google Sheet (its standard column names). */
export function fromTimelineCsv(csv: string): ImportedEvent[] {
  const { data } = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const col = (row: Record<string, string>, name: string) => row[name] ?? row[name.toLowerCase()] ?? '';
  return data.flatMap((row) => {
    if (col(row, 'Type').toLowerCase() === 'title' || col(row, 'Type').toLowerCase() === 'era') return [];
    const parsed = fromParts({
      start: { year: col(row, 'Year'), month: col(row, 'Month'), day: col(row, 'Day') },
      end: { year: col(row, 'End Year'), month: col(row, 'End Month'), day: col(row, 'End Day') },
      headline: col(row, 'Headline'),
      text: col(row, 'Text'),
      media: col(row, 'Media'),
      credit: col(row, 'Media Credit'),
      group: col(row, 'Group'),
    });
    return parsed ? [parsed] : [];
  });
}

/** MDX-safe text: braces and angle brackets written as characters, not code. */
function mdxText(s: string): string {
  return s.replace(/[{}<>]/g, (c) => `\\${c}`);
}

/** The first sentence of an event's text (at most 280 characters), or its title. */
function summaryOf(e: ImportedEvent): string {
  const first = e.paragraphs[0]?.match(/^.+?[.!?](\s|$)/)?.[0]?.trim() ?? e.paragraphs[0] ?? `${e.title}.`;
  return first.length <= 280 ? first : `${first.slice(0, 277).replace(/\s+\S*$/, '')}…`;
}

/** The id (and file name) of an imported event; `taken` avoids duplicates. */
export function importedId(e: ImportedEvent, taken: Set<string>): string {
  const base = `${e.date}-${slugify(e.title)}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/** The text of the draft entry for an imported event. `actorId` is set when groups become actors. */
export function importedEntryFile(e: ImportedEvent, actorId?: string): string {
  const q = (s: string) => JSON.stringify(s);
  return [
    '---',
    '# Imported from TimelineJS. Check every field against the sources, then set draft: false.',
    `title: ${q(e.title.slice(0, 140))}`,
    `summary: ${q(summaryOf(e))}`,
    `date: ${e.date}`,
    ...(e.endDate ? [`endDate: ${e.endDate}`] : []),
    `datePrecision: ${e.precision}`,
    '# TODO: who took part: registry ids from content/actors/ (npm run new -- --actor adds one).',
    actorId ? `actors:\n  - ${actorId}` : 'actors: []',
    '# TODO: one of talks, meeting, call, summit, agreement, exchange, proposal, statement, deadline, ceasefire, sanctions, other.',
    'kind: other',
    'topics: []',
    '# TODO: the reports this entry rests on (outlet, title, https url, published).',
    e.sourceUrl
      ? `sources:\n  - outlet: ${q(e.sourceOutlet ?? 'Unknown outlet')}\n    url: ${q(e.sourceUrl)}`
      : 'sources: []',
    'importance: minor',
    'confidence: confirmed',
    'related: []',
    'draft: true',
    '---',
    '',
    ...(e.paragraphs.length
      ? e.paragraphs.map(mdxText).flatMap((p) => [p, ''])
      : ['TODO: write the entry in your own words.', '']),
  ].join('\n');
}

/** What can be wrong with a file given to `npm run import`. */
export const IMPORT_ERRORS = {
  empty: () => 'the file is empty; expected a TimelineJS3 JSON file or the CSV export of its Google Sheet',
  json: (reason: string) => `the JSON does not parse: ${reason}`,
  notTimeline: () => 'not a TimelineJS3 file: expected an object with an "events" list',
  csvQuote: () => 'a quoted field is never closed; close the quote " or remove it',
  csvColumns: (found: string) =>
    `not a TimelineJS sheet: expected the columns Year, Month, Day, Headline, Text…; found ${found || 'none'}`,
  noEvents: () => 'no event with a year was found; expected at least one event with a start date',
} as const;

/**
 * Where JSON that JSON.parse refused goes wrong, when its message gives no position: YAML is (nearly)
 * a superset of JSON, and js-yaml says where it stops.
 */
function yamlMark(text: string): { line: number; column: number } | undefined {
  try {
    yaml.load(text);
    return undefined;
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    return mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined;
  }
}

/** The 1-based line and column of a character offset in a text. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * The events of a TimelineJS3 JSON file or sheet CSV (by its name), or every reason it cannot be read
 * (not UTF-8, empty, JSON that does not parse, a sheet without TimelineJS's columns, no dated event).
 */
export function readTimeline(
  file: string,
  bytes: Uint8Array | string,
): { events: ImportedEvent[] } | { problems: Problem[] } {
  const problem = (message: string, at?: { line: number; column: number }, field = '(file)') => ({
    problems: [{ file, ...at, field, message }],
  });
  const decoded = decodeText(file, bytes);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return problem(IMPORT_ERRORS.empty(), { line: 1, column: 1 });
  let events: ImportedEvent[];
  if (file.toLowerCase().endsWith('.csv')) {
    const { errors, meta } = Papa.parse(text, { header: true, skipEmptyLines: true });
    const quote = errors.find((e) => e.code === 'MissingQuotes');
    // Papa Parse gives the offset just after the opening quote.
    if (quote) return problem(IMPORT_ERRORS.csvQuote(), position(text, Math.max(0, (quote.index ?? 1) - 1)));
    if (!meta.fields?.some((f) => f.toLowerCase() === 'year')) {
      return problem(IMPORT_ERRORS.csvColumns((meta.fields ?? []).slice(0, 5).join(', ')), { line: 1, column: 1 });
    }
    events = fromTimelineCsv(text);
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const reason = (error as Error).message;
      const offset = /at position (\d+)/.exec(reason)?.[1];
      return problem(
        IMPORT_ERRORS.json(reason.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/, '')),
        offset === undefined ? yamlMark(text) : position(text, Number(offset)),
      );
    }
    const doc = json as { events?: unknown };
    if (!Array.isArray(doc?.events)) return problem(IMPORT_ERRORS.notTimeline(), { line: 1, column: 1 }, 'events');
    events = fromTimelineJson(json);
  }
  return events.length === 0 ? problem(IMPORT_ERRORS.noEvents()) : { events };
}
