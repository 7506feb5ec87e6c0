/** robots.txt: everything may be crawled; the sitemap is named with the base path. */
import { absoluteUrl, PATHS } from '../lib/paths';

export function GET() {
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(PATHS.sitemap)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
