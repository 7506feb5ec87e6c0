/**
 * Sources as a reader judges them: who published the page (and whose report it carries), its
 * headline, its date and its site, never a bare address; an entry's sources ordered best first. Pure.
 */
import { formatPartialDate } from './dates';
import type { Source } from './schema';
import type { SourceKind } from './taxonomy';

/** What kind of page a source is: as given, else a copy when it names an original outlet, else original reporting. */
export function sourceKind(source: Source): SourceKind {
  return source.kind ?? (source.original ? 'copy' : 'original');
}

/** How a reader reads each kind next to a source; original reporting needs no label. */
export const SOURCE_KIND_LABELS: Record<SourceKind, string | undefined> = {
  official: 'official statement',
  original: undefined,
  copy: undefined, // "AP, via Shine" already says it
  aggregator: 'aggregator',
};

/** What the order of an entry's sources means, in one line. */
export const SOURCE_ORDER_NOTE =
  'Listed best first: official statements and original reporting, then republished copies, then aggregators.';

/** The order of the kinds: first-hand pages together, then copies, then aggregators. */
const SOURCE_RANK: Record<SourceKind, number> = { official: 0, original: 0, copy: 1, aggregator: 2 };

/** An entry's sources best first (official and original, then copies, then aggregators), otherwise as the editor listed them. */
export function orderSources(sources: readonly Source[]): Source[] {
  const rank = (s: Source) => SOURCE_RANK[sourceKind(s)];
  return sources
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
}

/** "Reuters, via CNews Live" for a republished copy, otherwise the outlet. */
export function sourceOutlet(source: Source): string {
  return source.original ? `${source.original}, via ${source.outlet}` : source.outlet;
}

/** The site a source is on, as readers know it: "cnewslive.com" (no "www."). */
export function sourceDomain(source: Pick<Source, 'url'>): string {
  return new URL(source.url).hostname.replace(/^www\./, '');
}

/** One source as the entry page shows it. */
export interface SourceLine {
  url: string;
  /** The link's text: the headline when known, else the outlet; never an address. */
  text: string;
  /** True when the link's text is the headline. */
  titled: boolean;
  /** What follows the link: the outlet (when the text is the headline) and the kind (unless original reporting). */
  details: string[];
  /** The publication date, machine- and reader-readable. */
  published?: { datetime: string; text: string };
  /** The site's domain. */
  domain: string;
  /** An archived copy of the page. */
  archive?: string;
}

/** How the entry page shows one source. */
export function sourceLine(source: Source): SourceLine {
  const outlet = sourceOutlet(source);
  const kind = SOURCE_KIND_LABELS[sourceKind(source)];
  return {
    url: source.url,
    text: source.title ?? outlet,
    titled: source.title !== undefined,
    details: [...(source.title ? [outlet] : []), ...(kind ? [kind] : [])],
    ...(source.published
      ? { published: { datetime: source.published, text: formatPartialDate(source.published) } }
      : {}),
    domain: sourceDomain(source),
    ...(source.archive ? { archive: source.archive } : {}),
  };
}
