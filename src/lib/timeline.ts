/**
 * Ordering and grouping of entries: the story in time order, by phase, year and month, the
 * neighbours of an entry, and how the home page stays light as the story grows.
 */
import { compareDays, formatDay, formatMonth, parseDay, type Day } from './dates';
import type { EntryData, PhaseData } from './schema';

/** The least an entry must have for the timeline functions: its id and data. */
export interface EntryLike {
  id: string;
  data: EntryData;
}

/** Orders entries as the story happened: by day, then local time, then end day, then id. */
export function compareEntries(a: EntryLike, b: EntryLike): number {
  return (
    compareDays(a.data.date, b.data.date) ||
    (a.data.time ?? '').localeCompare(b.data.time ?? '') ||
    compareDays(a.data.endDate ?? a.data.date, b.data.endDate ?? b.data.date) ||
    a.id.localeCompare(b.id)
  );
}

/** A new array of the entries in story order (oldest first). */
export function sortEntries<T extends EntryLike>(entries: readonly T[]): T[] {
  return [...entries].sort(compareEntries);
}

/** The entries of one month. */
export interface MonthGroup<T> {
  year: number;
  month: number;
  label: string;
  entries: T[];
}

/** The entries of one year, by month. */
export interface YearGroup<T> {
  year: number;
  count: number;
  months: MonthGroup<T>[];
}

/** Groups entries that are already in story order by year, then by month. */
export function groupByYearMonth<T extends EntryLike>(sorted: readonly T[]): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const entry of sorted) {
    const { year, month } = parseDay(entry.data.date);
    let y = years.at(-1);
    if (!y || y.year !== year) {
      y = { year, count: 0, months: [] };
      years.push(y);
    }
    let m = y.months.at(-1);
    if (!m || m.month !== month) {
      m = { year, month, label: formatMonth(year, month), entries: [] };
      y.months.push(m);
    }
    m.entries.push(entry);
    y.count += 1;
  }
  return years;
}

/** The phase a day falls in, if any. */
export function phaseOf<P extends PhaseData>(day: Day, phases: readonly P[]): P | undefined {
  return phases.find((p) => compareDays(p.start, day) <= 0 && (!p.end || compareDays(day, p.end) <= 0));
}

/** The entries of one phase, by year and month. */
export interface PhaseGroup<T, P extends PhaseData = PhaseData> {
  phase: P;
  count: number;
  years: YearGroup<T>[];
}

/** Groups entries in story order by phase (phases in time order), then year and month. */
export function groupByPhase<T extends EntryLike, P extends PhaseData>(
  sorted: readonly T[],
  phases: readonly P[],
): PhaseGroup<T, P>[] {
  const ordered = [...phases].sort((a, b) => compareDays(a.start, b.start));
  return ordered
    .map((phase) => {
      const inPhase = sorted.filter((e) => phaseOf(e.data.date, ordered) === phase);
      return { phase, count: inPhase.length, years: groupByYearMonth(inPhase) };
    })
    .filter((g) => g.count > 0);
}

/** Each sorted list's positions by id, built once per list: every entry page asks for its neighbours. */
const positionCache = new WeakMap<readonly EntryLike[], Map<string, number>>();

/** The entries just before and after one entry in story order. */
export function neighbours<T extends EntryLike>(sorted: readonly T[], id: string): { prev?: T; next?: T } {
  let positions = positionCache.get(sorted);
  if (!positions) positionCache.set(sorted, (positions = new Map(sorted.map((e, i) => [e.id, i]))));
  const i = positions.get(id) ?? -1;
  if (i < 0) return {};
  const out: { prev?: T; next?: T } = {};
  const prev = sorted[i - 1];
  const next = sorted[i + 1];
  if (prev) out.prev = prev;
  if (next) out.next = next;
  return out;
}

/** The newest entries, newest first. */
export function latest<T extends EntryLike>(sorted: readonly T[], count: number): T[] {
  return count > 0 ? sorted.slice(-count).reverse() : [];
}

/** One year of the story with its month counts, for jump links and date archives. */
export interface YearSummary {
  year: number;
  count: number;
  months: { month: number; label: string; count: number }[];
}

/** Years and months that have entries, oldest first, with counts. */
export function summarizeYears(sorted: readonly EntryLike[]): YearSummary[] {
  return groupByYearMonth(sorted).map((y) => ({
    year: y.year,
    count: y.count,
    months: y.months.map((m) => ({ month: m.month, label: m.label, count: m.entries.length })),
  }));
}

/** One public correction, with the entry it belongs to. */
export interface CorrectionItem<T> {
  entry: T;
  date: string;
  text: string;
}

/** Every correction of every entry, newest first (then by the entry's own date, newest first). */
export function allCorrections<T extends EntryLike>(entries: readonly T[]): CorrectionItem<T>[] {
  return entries
    .flatMap((entry) => entry.data.corrections.map((c) => ({ entry, date: c.date, text: c.text })))
    .sort((a, b) => b.date.localeCompare(a.date) || compareEntries(b.entry, a.entry));
}

/** A phase's span as readers see it: "24 February 2022 – 31 May 2022", or "from 22 January 2026" while open. */
export function phaseSpan(phase: Pick<PhaseData, 'start' | 'end'>): string {
  return phase.end ? `${formatDay(phase.start)} – ${formatDay(phase.end)}` : `from ${formatDay(phase.start)}`;
}

/**
 * The last day the story changed, read from the content (never from the clock, so builds stay
 * reproducible): the latest day on which any entry happened, was updated or was corrected.
 */
export function lastUpdated(entries: readonly EntryLike[]): Day | undefined {
  let last: Day | undefined;
  for (const { data } of entries) {
    for (const day of [data.date, data.endDate, data.updated, ...data.corrections.map((c) => c.date)]) {
      if (day && (!last || compareDays(day, last) > 0)) last = day;
    }
  }
  return last;
}

/** One topic of the story with its entries, year by year. */
export interface TopicGroup<T> {
  id: string;
  label: string;
  count: number;
  years: YearGroup<T>[];
}

/** The story's topics that have entries, in the site configuration's order, each with its entries in story order. */
export function groupByTopic<T extends EntryLike>(
  sorted: readonly T[],
  topics: Readonly<Record<string, string>>,
): TopicGroup<T>[] {
  return Object.entries(topics)
    .map(([id, label]) => {
      const entries = sorted.filter((e) => e.data.topics.includes(id));
      return { id, label, count: entries.length, years: groupByYearMonth(entries) };
    })
    .filter((t) => t.count > 0);
}
