/**
 * The overview of a story drawn at build time: one row per year, one column per month, each bar as
 * tall as the month has events (major events marked), and above the bars the story's chapters as
 * labelled bands. Pure geometry: a component draws it as SVG, every month and every chapter a link.
 * Columns are 24 units wide, so each link is a target of at least 24 × 24 px (WCAG 2.5.8), and a
 * year's row (288 units) fits a 320 px screen.
 */
import { formatMonth, monthSlug } from './dates';
import type { EntryData, PhaseData } from './schema';

/** The least an entry must have for the overview. */
interface EntryLike {
  data: Pick<EntryData, 'date' | 'importance'>;
}

/** A month as YYYY-MM. */
export type MonthKey = string;

/** Sizes of the figure, in SVG units (px). */
export const OVERVIEW_SIZE = { column: 24, bar: 16, label: 16, band: 24, chart: 48, rowGap: 22 } as const;

/** One month: its column in its year's row, and its bar. */
export interface OverviewMonth {
  key: MonthKey;
  year: number;
  month: number;
  /** "May 2025". */
  label: string;
  count: number;
  /** How many of the month's events are major. */
  major: number;
  /** Left edge of the column. */
  x: number;
  /** Top of the column's chart area, and its bottom (the baseline). */
  top: number;
  baseline: number;
  /** Heights of the whole bar and of its major part (0 for none). */
  height: number;
  majorHeight: number;
}

/** One chapter's band within one year's row. */
export interface OverviewBand {
  id: string;
  title: string;
  x: number;
  y: number;
  width: number;
  /** Alternating shade, so neighbouring chapters can be told apart. */
  shade: 0 | 1;
}

/** The whole figure. */
export interface Overview {
  width: number;
  height: number;
  /** The count of the tallest bar (the scale). */
  max: number;
  years: { year: number; y: number; count: number }[];
  months: OverviewMonth[];
  bands: OverviewBand[];
}

/**
 * The overview of `entries` from the year of `from` to the year of `to` (by default the first and the
 * last entry's), with the chapters that overlap those years. Bars are scaled to the busiest month of
 * `scaleTo` (by default these entries), so that a filtered overview can share the whole story's scale.
 */
export function overview(
  entries: readonly EntryLike[],
  phases: readonly PhaseData[],
  span?: { from: MonthKey; to: MonthKey },
  scaleTo?: number,
): Overview {
  const { column, bar, label, band, chart, rowGap } = OVERVIEW_SIZE;
  const days = entries.map((e) => e.data.date).sort();
  const from = span?.from ?? days[0]?.slice(0, 7);
  const to = span?.to ?? days.at(-1)?.slice(0, 7);
  const counts = monthCounts(entries);
  const max = Math.max(1, scaleTo ?? 0, ...[...counts.values()].map((c) => c.count));
  const firstYear = from ? Number(from.slice(0, 4)) : 0;
  const lastYear = to ? Number(to.slice(0, 4)) : -1;
  const rowHeight = label + band + chart + rowGap;
  const years: Overview['years'] = [];
  const months: OverviewMonth[] = [];
  const scale = (n: number) => (n ? Math.max(3, Math.round((n / max) * (chart - 4))) : 0);
  for (let year = firstYear; year <= lastYear; year++) {
    const y = (year - firstYear) * rowHeight;
    let count = 0;
    for (let month = 1; month <= 12; month++) {
      const key = monthKey(year, month);
      const c = counts.get(key) ?? { count: 0, major: 0 };
      count += c.count;
      months.push({
        key,
        year,
        month,
        label: formatMonth(year, month),
        ...c,
        x: (month - 1) * column + (column - bar) / 2,
        top: y + label + band,
        baseline: y + label + band + chart,
        height: scale(c.count),
        majorHeight: scale(c.major),
      });
    }
    years.push({ year, y, count });
  }
  // Each month belongs to the chapter that holds its middle (or, failing that, any that overlaps it);
  // a chapter shorter than that still gets the month it starts in.
  const sorted = [...phases].sort((a, b) => a.start.localeCompare(b.start));
  const last = to ?? '';
  const overlaps = (p: PhaseData, key: MonthKey) =>
    p.start.slice(0, 7) <= key && (p.end ? p.end.slice(0, 7) : last) >= key;
  const owner = new Map<MonthKey, number>();
  for (const m of months) {
    const mid = `${m.key}-15`;
    const i = sorted.findIndex((p) => p.start <= mid && (!p.end || p.end >= mid) && overlaps(p, m.key));
    const j = i >= 0 ? i : sorted.findIndex((p) => overlaps(p, m.key));
    if (j >= 0) owner.set(m.key, j);
  }
  sorted.forEach((p, i) => {
    if (![...owner.values()].includes(i) && months.some((m) => m.key === p.start.slice(0, 7)))
      owner.set(p.start.slice(0, 7), i);
  });
  const bands: OverviewBand[] = [];
  for (const { year, y } of years) {
    let run: { i: number; a: number; b: number } | undefined;
    const flush = () => {
      if (!run) return;
      const p = sorted[run.i]!;
      bands.push({
        id: p.id,
        title: p.title,
        x: (run.a - 1) * column,
        y: y + label,
        width: (run.b - run.a + 1) * column,
        shade: (run.i % 2) as 0 | 1,
      });
      run = undefined;
    };
    for (let month = 1; month <= 12; month++) {
      const i = owner.get(monthKey(year, month));
      if (run && i === run.i) run.b = month;
      else {
        flush();
        if (i !== undefined) run = { i, a: month, b: month };
      }
    }
    flush();
  }
  return {
    width: 12 * column,
    // The last row keeps room below its bars for the month initials.
    height: years.length ? years.length * rowHeight - rowGap + 14 : 0,
    max,
    years,
    months,
    bands,
  };
}

/** The number of events in the busiest month: the scale that filtered overviews share with the whole story. */
export function busiestMonth(entries: readonly EntryLike[]): number {
  let busiest = busiestByList.get(entries);
  if (busiest === undefined) {
    busiest = Math.max(1, ...[...monthCounts(entries).values()].map((c) => c.count));
    busiestByList.set(entries, busiest);
  }
  return busiest;
}

/**
 * busiestMonth's answers by list: every actor and year page scales its chart to the whole story's
 * busiest month, which is the same list each time (a scan of every entry per page otherwise).
 */
const busiestByList = new WeakMap<readonly EntryLike[], number>();

/** Each month's number of events and of major events. */
function monthCounts(entries: readonly EntryLike[]): Map<MonthKey, { count: number; major: number }> {
  const counts = new Map<MonthKey, { count: number; major: number }>();
  for (const e of entries) {
    const c = counts.get(e.data.date.slice(0, 7)) ?? { count: 0, major: 0 };
    c.count += 1;
    if (e.data.importance === 'major') c.major += 1;
    counts.set(e.data.date.slice(0, 7), c);
  }
  return counts;
}

/** YYYY-MM of a year and a month number. */
const monthKey = (year: number, month: number): MonthKey => `${year}-${monthSlug(month)}`;

/** The month span of a list of days, or undefined when there are none. */
export function monthSpan(days: readonly string[]): { from: MonthKey; to: MonthKey } | undefined {
  let first: string | undefined;
  let last: string | undefined;
  for (const day of days) {
    if (first === undefined || day < first) first = day;
    if (last === undefined || day > last) last = day;
  }
  return first && last ? { from: first.slice(0, 7), to: last.slice(0, 7) } : undefined;
}

/** The month span of a list of entries (see monthSpan), remembered for the list: the same for every actor page. */
export function entriesMonthSpan(entries: readonly EntryLike[]): { from: MonthKey; to: MonthKey } | undefined {
  if (!spanByList.has(entries)) spanByList.set(entries, monthSpan(entries.map((e) => e.data.date)));
  return spanByList.get(entries);
}
const spanByList = new WeakMap<readonly EntryLike[], { from: MonthKey; to: MonthKey } | undefined>();
