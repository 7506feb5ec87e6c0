/** Reader-facing wording shared by components and exporters: places, counts, page titles. Pure; no Astro imports. */
import type { Place } from './schema';

/** "Dolmabahçe Palace, Istanbul, Türkiye" (only the parts that are given). */
export function formatPlace(place: Place | undefined): string {
  if (!place) return '';
  return [place.venue, place.city, place.country].filter(Boolean).join(', ');
}

/** The first sentence of a text (up to its first full stop followed by a space), for one-line summaries. */
export function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/s.exec(text.trim());
  return (m ? m[0] : text).replace(/\s+/g, ' ').trim();
}

/** "1 entry", "3 entries". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The page title shown in the browser tab: "Page · Site", or the site name alone. */
export function pageTitle(title: string | undefined, siteTitle: string): string {
  return title && title !== siteTitle ? `${title} · ${siteTitle}` : siteTitle;
}
