/**
 * The events as an iCalendar file (RFC 5545), to subscribe to in a calendar application. Pure: the
 * endpoint in src/pages writes it. Nothing here reads the clock, so two builds give the same bytes.
 */
import { addDays, eventInstant, firstDayOfNextMonth, type Day } from './dates';
import { formatPlace } from './labels';
import { absoluteUrl, entryPath } from './paths';
import type { TextEntry } from './schema';
import { KIND_LABELS } from './taxonomy';

/** Escapes an iCalendar text value (RFC 5545 §3.3.11). */
export function icsText(s: string): string {
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

/** A day as iCalendar writes it: 20250516. */
const compact = (day: Day) => day.replace(/-/g, '');
/** An instant as iCalendar writes it in UTC: 20250516T103000Z. */
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * An iCalendar file of the events: all-day events for days and ranges (DTEND is the day after the
 * last), the whole month for month-precision entries, and UTC times for entries with a local time.
 */
export function icalendar(site: { title: string }, entries: readonly TextEntry[]): string {
  const host = new URL(absoluteUrl()).host;
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
      lines.push(`DTSTART:${utcStamp(eventInstant(d))}`);
    } else if (d.datePrecision === 'month') {
      const next = firstDayOfNextMonth(d.endDate ?? d.date);
      lines.push(`DTSTART;VALUE=DATE:${compact(d.date.slice(0, 7))}01`, `DTEND;VALUE=DATE:${compact(next)}`);
    } else {
      lines.push(
        `DTSTART;VALUE=DATE:${compact(d.date)}`,
        `DTEND;VALUE=DATE:${compact(addDays(d.endDate ?? d.date, 1))}`,
      );
    }
    const url = absoluteUrl(entryPath(e.id));
    lines.push(`SUMMARY:${icsText(d.title)}`, `DESCRIPTION:${icsText(`${d.summary}\n\n${url}`)}`, `URL:${url}`);
    const place = formatPlace(d.place);
    if (place) lines.push(`LOCATION:${icsText(place)}`);
    lines.push(`CATEGORIES:${icsText(KIND_LABELS[d.kind])}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
