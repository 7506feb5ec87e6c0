/**
 * Feed items of the story (RSS and JSON Feed 1.1). Pure: the endpoints in src/pages turn these into
 * files. Nothing here reads the clock, so two builds give the same bytes.
 */
import type { RSSOptions } from '@astrojs/rss';
import { eventInstant } from './dates';
import { absoluteUrl, entryPath, PATHS } from './paths';
import type { TextEntry } from './schema';
import { CONFIDENCE_LABELS } from './taxonomy';

/** One item of a feed. */
export interface FeedItem {
  id: string;
  title: string;
  link: string;
  summary: string;
  /** When the event happened; a date-only event is published at noon UTC of its day (see eventInstant). */
  date: Date;
  /** The canonical names of the entry's actors, then its confidence level unless confirmed ("Disputed"). */
  categories: string[];
}

/** Feed items, newest first; categories are the actors' canonical names and the confidence level unless confirmed. */
export function feedItems(
  entries: readonly Pick<TextEntry, 'id' | 'data'>[],
  actorName: (id: string) => string | undefined,
): FeedItem[] {
  return entries
    .map((e) => ({
      id: e.id,
      title: e.data.title,
      link: absoluteUrl(entryPath(e.id)),
      summary: e.data.summary,
      date: eventInstant(e.data),
      categories: [
        ...e.data.actors.map(actorName).filter((n): n is string => Boolean(n)),
        ...(e.data.confidence === 'confirmed' ? [] : [CONFIDENCE_LABELS[e.data.confidence]]),
      ],
    }))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || b.id.localeCompare(a.id));
}

/** What a feed is about: its title and description, in the site's language. */
export interface FeedInfo {
  title: string;
  description: string;
  lang: string;
}

/** The options @astrojs/rss takes for a feed of these items (the story's, or one actor's). */
export function rssOptions(feed: FeedInfo, items: readonly FeedItem[]): RSSOptions {
  return {
    title: feed.title,
    description: feed.description,
    site: absoluteUrl(),
    items: items.map((i) => ({
      title: i.title,
      link: i.link,
      pubDate: i.date,
      description: i.summary,
      categories: i.categories,
    })),
    customData: `<language>${feed.lang}</language>`,
  };
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(feed: FeedInfo, items: readonly FeedItem[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    language: feed.lang,
    home_page_url: absoluteUrl(),
    feed_url: absoluteUrl(PATHS.jsonFeed),
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
