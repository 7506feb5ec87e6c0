/**
 * What each indexed page tells Pagefind: filters, metadata, sort key, and extra words such as
 * aliases and dates written out. Pure: the layouts render these as data-pagefind-* attributes.
 */
import { addDays, formatDay, formatEventDate, formatMonth, parseDay, type Day } from './dates';
import { formatPlace, plural } from './labels';
import type { ActorData, EntryData } from './schema';
import { CONFIDENCE_LABELS, KIND_LABELS } from './taxonomy';
import type { Named } from './names';
import { MONTH_FILTER, RESULT_TYPES, type FilterName } from './search-state';

/** What one page tells the search index. */
export interface SearchData {
  /** Filter name and value, once per value (a page may have several actors or topics). */
  filters: [FilterName, string][];
  /** Metadata shown with a result. */
  meta: [string, string][];
  /** The sort key: the page's date, YYYY-MM-DD. */
  sortDate: Day;
  /** Extra words to index but not show: aliases, dates written in other ways. */
  words: string;
}

/** Every way a reader may type a day: "16 May 2025", "May 16, 2025", "2025-05-16", "May 2025", "2025-05". */
export function dateWords(day: Day, precision: 'day' | 'month' = 'day'): string[] {
  const { year, month, day: d } = parseDay(day);
  const monthText = formatMonth(year, month);
  if (precision === 'month') return [monthText, day.slice(0, 7)];
  const [monthName] = monthText.split(' ');
  return [formatDay(day), `${monthName} ${d}, ${year}`, day, monthText, day.slice(0, 7)];
}

/** Every day of a range as words, so any day of a multi-day event finds it (at most 31 days). */
function rangeWords(from: Day, to: Day | undefined, precision: 'day' | 'month'): string[] {
  const words = new Set(dateWords(from, precision));
  if (to && precision === 'day') {
    for (let day = addDays(from, 1), i = 0; day <= to && i < 31; day = addDays(day, 1), i++) {
      for (const w of dateWords(day)) words.add(w);
    }
  }
  return [...words];
}

/** Lower-case words of a text (hyphenated forms kept whole), for comparing what a page already says. */
function wordSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}-]+/u)
      .filter(Boolean),
  );
}

/**
 * The extra phrases to index, minus those whose every word the page (or an earlier phrase) already
 * has: a search for them finds the page anyway. Hyphenated forms such as 2025-05-16 count as one word.
 */
export function extraWords(phrases: Iterable<string>, pageText: string): string {
  const present = wordSet(pageText);
  const out: string[] = [];
  for (const phrase of phrases) {
    const words = [...wordSet(phrase)];
    if (words.every((w) => present.has(w))) continue;
    out.push(phrase);
    for (const w of words) present.add(w);
  }
  return out.join(' · ');
}

/** The text an entry page shows (title, summary, body, note, source titles or URLs), for matching names. */
export function entryPageText(data: EntryData, body: string): string {
  return [data.title, data.summary, body, data.confidenceNote ?? '', ...data.sources.map((s) => s.title ?? s.url)].join(
    ' ',
  );
}

/** What an indexed page's text is made of, for the search data. */
export interface PageContext {
  /** The page's visible text (title, summary, body, notes, source titles and URLs). */
  text: string;
  /** The actors that text names (see mentionedActors). */
  mentioned: readonly Named[];
}

/** The search data of an entry page. */
export function entrySearchData(
  data: EntryData,
  actors: readonly (Named & { id: string })[],
  topicLabels: Readonly<Record<string, string>>,
  page: PageContext = { text: '', mentioned: [] },
): SearchData {
  const { year } = parseDay(data.date);
  const places = [data.place?.city, data.place?.country].filter((p): p is string => Boolean(p));
  const filters: [FilterName, string][] = [
    ['type', RESULT_TYPES.entry],
    ...actors.map((a): [FilterName, string] => ['actor', a.data.name]),
    ['year', String(year)],
    [MONTH_FILTER, data.date.slice(0, 7)],
    ['kind', KIND_LABELS[data.kind]],
    ...data.topics.map((t): [FilterName, string] => ['topic', topicLabels[t] ?? t]),
    ['confidence', CONFIDENCE_LABELS[data.confidence]],
    ...places.map((p): [FilterName, string] => ['place', p]),
  ];
  const shown = formatEventDate(data);
  return {
    filters,
    meta: [
      ['date', data.date],
      ['displayDate', shown.text],
      ['summary', data.summary],
      [
        'actors',
        actors
          .map((a) => (data.unconfirmedActors.includes(a.id) ? `${a.data.name} (part not confirmed)` : a.data.name))
          .join(', '),
      ],
      ['kind', KIND_LABELS[data.kind]],
      ['place', formatPlace(data.place)],
      ['type', RESULT_TYPES.entry],
    ],
    sortDate: data.date,
    words: extraWords(
      [
        ...rangeWords(data.date, data.endDate, data.datePrecision),
        formatPlace(data.place),
        ...[...actors, ...page.mentioned].flatMap((a) => [a.data.name, ...a.data.aliases]),
      ],
      page.text,
    ),
  };
}

/** The search data of an actor page; its sort date is the actor's latest appearance. */
export function actorSearchData(
  data: ActorData,
  latestDay: Day | undefined,
  count: number,
  page: PageContext = { text: '', mentioned: [] },
): SearchData {
  const sortDate = latestDay ?? '1900-01-01';
  return {
    filters: [
      ['type', RESULT_TYPES.actor],
      ['actor', data.name],
    ],
    meta: [
      ['date', sortDate],
      ['summary', `${data.affiliation} · ${plural(count, 'event')}`],
      ['type', RESULT_TYPES.actor],
    ],
    sortDate,
    words: extraWords(
      page.mentioned.flatMap((a) => [a.data.name, ...a.data.aliases]),
      `${page.text} ${data.name} ${data.aliases.join(' ')}`,
    ),
  };
}
