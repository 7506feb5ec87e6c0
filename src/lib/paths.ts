/**
 * Every internal URL of the site is built here, so the site works under any base path, including
 * one given only at build time (`astro build --base /some-path/`).
 */
import site from '../site.config';
import { monthSlug } from './dates';

/** Joins a base path ("/", "/x", "/x/") and a site path ("entries/a/", "/about/") into one URL path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = path.replace(/^\/+/, '');
  return `${b}${p}`;
}

/** A site path under the base path this build was made with. */
export function url(path = ''): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** Site path of an entry page. */
export function entryPath(id: string): string {
  return `entries/${id}/`;
}

/** Site path of an actor page. */
export function actorPath(id: string): string {
  return `actors/${id}/`;
}

/** Site path of a chapter's page. */
export function chapterPath(id: string): string {
  return `chapters/${id}/`;
}

/** Site path of a topic's page. */
export function topicPath(id: string): string {
  return `topics/${id}/`;
}

/** Site path of a year, or of a month of that year. */
export function datePath(year: number, month?: number): string {
  return month ? `dates/${year}/${monthSlug(month)}/` : `dates/${year}/`;
}

/** Anchor id of a phase, a year or a month on a timeline page. */
export function anchor(kind: 'phase' | 'year' | 'month', value: string | number): string {
  return `${kind}-${value}`;
}

/** Site paths of the pages and files that exist once per site. */
export const PATHS = {
  home: '',
  actors: 'actors/',
  dates: 'dates/',
  topics: 'topics/',
  chapters: 'chapters/',
  about: 'about/',
  /** The about page's explanation of confidence levels and of the order of sources (src/components/ConfidenceExplainer.astro). */
  aboutConfidence: 'about/#how-sure-we-are',
  aboutSources: 'about/#how-we-rate-sources',
  corrections: 'corrections/',
  search: 'search/',
  data: 'data/',
  rss: 'rss.xml',
  jsonFeed: 'feed.json',
  calendar: 'calendar.ics',
  openData: 'data/timeline.json',
  openDataSchema: 'data/timeline.schema.json',
  csv: 'data/entries.csv',
  timelineJs: 'data/timelinejs.json',
  sitemap: 'sitemap-index.xml',
  favicon: 'favicon.svg',
  /** The browser editor (Decap CMS, src/lib/cms-config.ts): not a reading page, not in the sitemap or the index. */
  admin: 'admin/',
} as const;

/** Site path of an actor's RSS feed. */
export function actorFeedPath(id: string): string {
  return `${actorPath(id)}rss.xml`;
}

/** Site path of a share image: an entry's (by its id), or the site's own (`site`). */
export function sharePath(id = 'site'): string {
  return `og/${id}.png`;
}

/**
 * The absolute URL of a site path, for canonical links, feeds, open data and share images: on the
 * site this build was made for (Astro's `site`, which `astro build --site` may override), under its base.
 */
export function absoluteUrl(path = ''): string {
  return new URL(url(path), import.meta.env.SITE ?? site.site).href;
}
