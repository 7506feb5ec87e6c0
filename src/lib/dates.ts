/**
 * Every date in the site goes through this module, the only one that imports date-fns.
 * A date-only value ("2025-05-16") is a calendar day, not an instant: it is read and formatted in
 * UTC so the build machine's time zone can never move it to the day before. An instant (a local
 * time with its IANA zone) is always formatted in an explicit zone.
 */
import { format } from 'date-fns/format';
import { TZDate } from '@date-fns/tz';

/** A calendar day written as YYYY-MM-DD. */
export type Day = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True when the string is a real calendar day written as YYYY-MM-DD. */
export function isCalendarDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** True when the string is a 24-hour local time written as HH:MM. */
export function isLocalTime(value: string): boolean {
  return TIME_RE.test(value);
}

/** True when the runtime knows the IANA time zone (e.g. "Europe/Istanbul"). */
export function isTimeZone(value: string): boolean {
  if (!value.includes('/') && value !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day of a Date that YAML parsed from a bare `2025-05-16` (midnight UTC). */
export function dayFromUtcDate(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/** Splits a calendar day into numbers. */
export function parseDay(day: Day): { year: number; month: number; day: number } {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`Not a calendar day (expected YYYY-MM-DD): "${day}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function utcDay(day: Day): TZDate {
  const p = parseDay(day);
  return new TZDate(p.year, p.month - 1, p.day, 'UTC');
}

/** The day n days after (or before, for negative n) a calendar day. */
export function addDays(day: Day, n: number): Day {
  const p = parseDay(day);
  return new Date(Date.UTC(p.year, p.month - 1, p.day + n)).toISOString().slice(0, 10);
}

/** The first day of the month after the one a calendar day falls in: 2025-12-16 → 2026-01-01. */
export function firstDayOfNextMonth(day: Day): Day {
  const { year, month } = parseDay(day);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${monthSlug(month + 1)}-01`;
}

/** The first and the last day a date as precise as it is known (YYYY, YYYY-MM or YYYY-MM-DD) can mean. */
export function partialDateSpan(value: string): { first: Day; last: Day } {
  if (isCalendarDay(value)) return { first: value, last: value };
  if (/^\d{4}$/.test(value)) return { first: `${value}-01-01`, last: `${value}-12-31` };
  const first = `${value}-01`;
  return { first, last: addDays(firstDayOfNextMonth(first), -1) };
}

/** Orders two calendar days (works because YYYY-MM-DD sorts as text). */
export function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A pure function of one text or number remembered by its argument: formatting through date-fns and
 * TZDate costs about 0.3 ms, and a build formats the same few thousand days and months many times.
 */
function remembered<K, V>(fn: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) seen.set(key, (value = fn(key)));
    return value;
  };
}

/** "16 May 2025". */
export const formatDay: (day: Day) => string = remembered((day: Day) => format(utcDay(day), 'd MMMM yyyy'));

const monthText = remembered((yearMonth: number) =>
  format(new TZDate(Math.floor(yearMonth / 100), (yearMonth % 100) - 1, 1, 'UTC'), 'MMMM yyyy'),
);

/** "May 2025" for a year and a month number (1–12). */
export function formatMonth(year: number, month: number): string {
  return monthText(year * 100 + month);
}

/** "May" for a month number (1–12). */
export function monthName(month: number): string {
  return format(new TZDate(2000, month - 1, 1, 'UTC'), 'MMMM');
}

/** Two-digit month, "05", as used in URLs. */
export function monthSlug(month: number): string {
  return String(month).padStart(2, '0');
}

/** Today's calendar day in a time zone. */
export function today(timeZone: string, now: Date = new Date()): Day {
  return format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd');
}

/** One piece of a rendered date: the text a reader sees and the machine value of its <time>. */
export interface DatePart {
  text: string;
  datetime: string;
}

/** What an entry says about when it happened. */
export interface EventDate {
  date: Day;
  endDate?: Day | undefined;
  datePrecision?: 'day' | 'month' | undefined;
  time?: string | undefined;
  timeZone?: string | undefined;
}

/** A rendered event date: its parts (each a <time>), the separator between them, and plain text. */
export interface DateDisplay {
  parts: DatePart[];
  separator: string;
  text: string;
}

function display(parts: DatePart[], separator = '–'): DateDisplay {
  return { parts, separator, text: parts.map((p) => p.text).join(separator) };
}

/** Offset of a zone at a local wall-clock time, as "+03:00". */
function offsetAt(day: Day, time: string, timeZone: string): string {
  const p = parseDay(day);
  const [h, min] = time.split(':').map(Number) as [number, number];
  return format(new TZDate(p.year, p.month - 1, p.day, h, min, timeZone), 'xxx');
}

/** "+03:00" → "GMT+3", "-09:30" → "GMT-9:30", "+00:00" → "GMT". */
function gmtLabel(offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m || (m[2] === '00' && m[3] === '00')) return 'GMT';
  return `GMT${m[1]}${Number(m[2])}${m[3] === '00' ? '' : `:${m[3]}`}`;
}

/** Renders an event date for every precision: a day, a month, a range, or a day with a local time. */
export function formatEventDate(e: EventDate): DateDisplay {
  const start = parseDay(e.date);
  if (e.datePrecision === 'month') {
    const monthText = formatMonth(start.year, start.month);
    const first: DatePart = { text: monthText, datetime: e.date.slice(0, 7) };
    if (!e.endDate || e.endDate.slice(0, 7) === e.date.slice(0, 7)) return display([first]);
    const end = parseDay(e.endDate);
    const endPart = { text: formatMonth(end.year, end.month), datetime: e.endDate.slice(0, 7) };
    if (end.year === start.year) first.text = monthName(start.month);
    return display([first, endPart], start.year === end.year ? '–' : ' – ');
  }
  if (e.endDate && e.endDate !== e.date) {
    const end = parseDay(e.endDate);
    const endPart = { text: formatDay(e.endDate), datetime: e.endDate };
    if (start.year === end.year && start.month === end.month) {
      return display([{ text: String(start.day), datetime: e.date }, endPart]);
    }
    const startText = start.year === end.year ? format(utcDay(e.date), 'd MMMM') : formatDay(e.date);
    return display([{ text: startText, datetime: e.date }, endPart], ' – ');
  }
  if (e.time && e.timeZone) {
    const offset = offsetAt(e.date, e.time, e.timeZone);
    const zone = gmtLabel(offset);
    return display([{ text: `${formatDay(e.date)}, ${e.time} ${zone}`, datetime: `${e.date}T${e.time}${offset}` }]);
  }
  return display([{ text: formatDay(e.date), datetime: e.date }]);
}

/**
 * The instant that stands for an event in feeds and calendars: its local time in its zone when the
 * sources give one; otherwise noon UTC of its day, which is the same calendar day everywhere from
 * UTC−11 to UTC+11, so feed readers west and east of the event show the event's own day.
 */
export function eventInstant(e: EventDate): Date {
  const p = parseDay(e.date);
  if (e.time && e.timeZone) {
    const [h, min] = e.time.split(':').map(Number) as [number, number];
    return new Date(new TZDate(p.year, p.month - 1, p.day, h, min, e.timeZone).getTime());
  }
  return new Date(Date.UTC(p.year, p.month - 1, p.day, 12));
}

/** A date as precise as it is known: "2025" → "2025", "2025-05" → "May 2025", a day → "16 May 2025". */
export function formatPartialDate(value: string): string {
  if (isCalendarDay(value)) return formatDay(value);
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m ? formatMonth(Number(m[1]), Number(m[2])) : value;
}
