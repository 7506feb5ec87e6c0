/** robots.txt: everything may be crawled; the sitemap is named with the base path. */
import type { APIContext } from 'astro';
import site from '../site.config';
import { absoluteUrl } from '../lib/paths';

export function GET(context: APIContext) {
  return new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(context.site ?? site.site, 'sitemap-index.xml')}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
}
