/**
 * The search page's state as it lives in the URL (query, filters, sort, date range) and how it
 * becomes a Pagefind query. Pure and free of heavy imports: the search page's script bundles it.
 */
import { suggest } from './suggest';

/** Every filter an indexed page may carry (data-pagefind-filter names), typed once for the index and the page. */
export const FILTER_NAMES = ['type', 'actor', 'year', 'month', 'kind', 'topic', 'confidence', 'place'] as const;
/** One filter name. */
export type FilterName = (typeof FILTER_NAMES)[number];
/** The filter whose values, months as YYYY-MM, the date range is built from; it is not shown as a facet. */
export const MONTH_FILTER = 'month' satisfies FilterName;
/** The filters the search page shows as facets, in their order, and keeps in the URL. */
export const FACETS = FILTER_NAMES.filter((n): n is Exclude<FilterName, typeof MONTH_FILTER> => n !== MONTH_FILTER);
/** One facet. */
export type FacetName = (typeof FACETS)[number];
/** Reader-facing names of the filters. */
export const FILTER_LABELS: Record<FilterName, string> = {
  type: 'Result type',
  actor: 'Person or institution',
  year: 'Year',
  month: 'Month',
  kind: 'Kind of event',
  topic: 'Topic',
  confidence: 'How sure',
  place: 'Place',
};
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** The number (1–12) of an English month name as a reader types it ("may", "May"); undefined for anything else. */
function monthNumber(name: string): number | undefined {
  const i = MONTH_NAMES.indexOf(name.toLowerCase());
  return i < 0 ? undefined : i + 1;
}
/** YYYY-MM of a year and a month number. */
const monthOf = (year: string, month: number) => `${year}-${String(month).padStart(2, '0')}`;
/** Values of the `type` filter. */
export const RESULT_TYPES = { entry: 'Event', actor: 'Person or institution' } as const;

/** How results are ordered. */
export const SORTS = { relevance: 'Relevance', newest: 'Newest first', oldest: 'Oldest first' } as const;
/** One sort order. */
export type Sort = keyof typeof SORTS;

/** The whole state of the search page; it lives in the URL so a search can be shared and restored. */
export interface SearchState {
  q: string;
  filters: Partial<Record<FacetName, string[]>>;
  /** The order the reader chose; without a choice, see effectiveSort. */
  sort?: Sort;
  /** First and last month of the date range, YYYY-MM. */
  from?: string;
  to?: string;
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Reads the search state from a URL query string. Unknown or malformed values are dropped. */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const name of FACETS) {
    const values = [...new Set(params.getAll(name).filter(Boolean))];
    if (values.length) filters[name] = values;
  }
  const sort = params.get('sort');
  const state: SearchState = { q: (params.get('q') ?? '').trim(), filters };
  if (sort && Object.hasOwn(SORTS, sort)) state.sort = sort as Sort;
  const from = params.get('from');
  const to = params.get('to');
  if (from && MONTH_RE.test(from)) state.from = from;
  if (to && MONTH_RE.test(to)) state.to = to;
  if (state.from && state.to && state.from > state.to) [state.from, state.to] = [state.to, state.from];
  return state;
}

/** Writes the search state as a query string (stable order, defaults left out). */
export function serializeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FACETS) for (const v of state.filters[name] ?? []) params.append(name, v);
  if (state.sort) params.set('sort', state.sort);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** True when the state asks for nothing: no words, no filters, no range. */
export function isEmptyState(state: SearchState): boolean {
  return !state.q && Object.keys(state.filters).length === 0 && !state.from && !state.to;
}

/**
 * A query that is only a date ("16 May 2025", "May 16, 2025", "2025-05-16", "May 2025") becomes its
 * ISO form, which only the pages of that day or month carry; any other query is left as typed.
 */
export function dateQuery(q: string): string {
  return isoDate(q) ?? q;
}

/** The ISO day (YYYY-MM-DD) or month (YYYY-MM) a query that is only a date names, in any of the four forms; else undefined. */
export function isoDate(q: string): string | undefined {
  const text = q.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  const iso = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/.exec(text);
  if (iso) return text;
  const day = (y: string, month: string, d: string) => {
    const m = monthNumber(month);
    const n = Number(d);
    return m && n >= 1 && n <= 31 ? `${monthOf(y, m)}-${String(n).padStart(2, '0')}` : undefined;
  };
  let m = /^(\d{1,2}) (\p{L}+) (\d{4})$/u.exec(text);
  if (m) return day(m[3]!, m[2]!, m[1]!);
  m = /^(\p{L}+) (\d{1,2}) (\d{4})$/u.exec(text);
  if (m) return day(m[3]!, m[1]!, m[2]!);
  m = /^(\p{L}+) (\d{4})$/u.exec(text);
  const month = m ? monthNumber(m[1]!) : undefined;
  return m && month ? monthOf(m[2]!, month) : undefined;
}

/**
 * True when the search asks only "when": its words are a date, or it has no words but a date range.
 * Such a search lists events only, oldest first (unless the reader picks another order).
 */
export function isDateSearch(state: SearchState): boolean {
  return state.q ? isoDate(state.q) !== undefined : Boolean(state.from || state.to);
}

/** The order results come in: the reader's choice, else oldest first for a date search, else relevance. */
export function effectiveSort(state: SearchState): Sort {
  return state.sort ?? (isDateSearch(state) ? 'oldest' : 'relevance');
}

/** "August 2025" for 2025-08, "16 August 2025" for 2025-08-16 (English, as dateQuery reads them). */
export function isoLabel(iso: string): string {
  const [y, m, d] = iso.split('-');
  const name = MONTH_NAMES[Number(m) - 1]!;
  const month = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/**
 * The status line of a date search: "6 events in August 2025", "1 event on 16 May 2025", "12 events
 * from June 2025 to August 2025", "… since June 2025", "… until August 2025".
 */
export function dateSummary(state: SearchState, count: number): string {
  const events = `${count} ${count === 1 ? 'event' : 'events'}`;
  const iso = state.q ? isoDate(state.q) : undefined;
  if (iso) return `${events} ${iso.length > 7 ? 'on' : 'in'} ${isoLabel(iso)}`;
  const { from, to } = state;
  if (from && to && from === to) return `${events} in ${isoLabel(from)}`;
  if (from && to && from.endsWith('-01') && to.endsWith('-12') && from.slice(0, 4) === to.slice(0, 4)) {
    return `${events} in ${from.slice(0, 4)}`;
  }
  if (from && to) return `${events} from ${isoLabel(from)} to ${isoLabel(to)}`;
  if (from) return `${events} since ${isoLabel(from)}`;
  return to ? `${events} until ${isoLabel(to)}` : events;
}

/**
 * Every month (YYYY-MM) of the state's range, in order, an open end taken from the story's own span
 * (`first` and `last` month); undefined for no range.
 */
export function monthsInRange(
  state: Pick<SearchState, 'from' | 'to'>,
  span: { first: string; last: string },
): string[] | undefined {
  if (!state.from && !state.to) return undefined;
  const start = state.from ?? span.first;
  const end = state.to ?? span.last;
  const out: string[] = [];
  let [y, m] = start.split('-').map(Number) as [number, number];
  for (let key = start; key <= end && out.length < 1200;) {
    out.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
    key = monthOf(String(y), m);
  }
  return out;
}

/**
 * The filter object Pagefind's search() takes: values of one facet are alternatives (any), facets
 * combine (all); the range becomes "any of these months". A date search, or a name search whose
 * person the best-match card already shows (`eventsOnly`), lists events only, unless the reader chose
 * a result type.
 */
export function pagefindFilters(
  state: SearchState,
  span: { first: string; last: string },
  eventsOnly = isDateSearch(state),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of FACETS) {
    const values = state.filters[name];
    if (values?.length) out[name] = { any: values };
  }
  if (eventsOnly && !out.type) out.type = { any: [RESULT_TYPES.entry] };
  const months = monthsInRange(state, span);
  if (months) out[MONTH_FILTER] = { any: months.length ? months : ['none'] };
  return out;
}

/** How many values the reader has chosen among the filters (each facet value, and the range as one): the "Filters (n)" count. */
export function activeFilterCount(state: SearchState): number {
  return Object.values(state.filters).reduce((n, v) => n + (v?.length ?? 0), 0) + (state.from || state.to ? 1 : 0);
}

/** Pagefind's sort option for a sort order. */
export function pagefindSort(sort: Sort): Record<string, 'asc' | 'desc'> | undefined {
  return sort === 'newest' ? { date: 'desc' } : sort === 'oldest' ? { date: 'asc' } : undefined;
}

/** Facet values ordered for display: selected first, then by count, then alphabetically (years newest first). */
export function orderFacet(
  name: string,
  counts: Readonly<Record<string, number>>,
  selected: readonly string[],
): [string, number][] {
  return Object.entries(counts)
    .filter(([v, n]) => n > 0 || selected.includes(v))
    .sort(([a, x], [b, y]) => {
      const sa = selected.includes(a) ? 0 : 1;
      const sb = selected.includes(b) ? 0 : 1;
      if (sa !== sb) return sa - sb;
      if (name === 'year') return b.localeCompare(a);
      return y - x || a.localeCompare(b);
    });
}

/** The name nearest to what the reader typed, for a "did you mean" when a search finds nothing. */
export function suggestName(query: string, names: readonly string[]): string | undefined {
  const q = query.trim().toLowerCase();
  if (q.length < 3) return undefined;
  const candidates = new Map<string, string>();
  for (const name of names) {
    candidates.set(name.toLowerCase(), name);
    for (const part of name.toLowerCase().split(/\s+/))
      if (part.length > 2 && !candidates.has(part)) candidates.set(part, name);
  }
  const best = suggest(q, candidates.keys());
  return best === undefined ? undefined : candidates.get(best);
}

/** A piece of an excerpt: text, highlighted or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt around the first match in a page's own text. Pagefind's `content` ends with the page's
 * extra index words (aliases, dates written out; `extraCount` of them), which readers should not see;
 * `locations` are the indexes of matching words in `content` split by white space. No match in the
 * page's own text (the page was found by an alias or a date) gives no excerpt.
 */
export function buildExcerpt(
  content: string,
  locations: readonly number[],
  extraCount: number,
  radius = 14,
): ExcerptPart[] {
  const words = content.split(/\s+/).filter(Boolean);
  const visible = Math.max(0, words.length - extraCount);
  const inText = locations.filter((l) => l < visible).sort((a, b) => a - b);
  const first = inText[0];
  if (first === undefined) return [];
  const start = Math.max(0, first - Math.floor(radius / 2));
  const end = Math.min(visible, start + radius * 2);
  const marked = new Set(inText);
  const parts: ExcerptPart[] = [];
  const plain = (text: string) => {
    const last = parts.at(-1);
    if (last && !last.mark) last.text += text;
    else parts.push({ text, mark: false });
  };
  if (start > 0) plain('… ');
  for (let i = start; i < end; i++) {
    if (marked.has(i)) parts.push({ text: words[i]!, mark: true });
    else plain(words[i]!);
    if (i < end - 1) plain(' ');
  }
  if (end < visible) plain(' …');
  return parts;
}

/** How many white-space separated words a string has (the size of a page's extra index words). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
