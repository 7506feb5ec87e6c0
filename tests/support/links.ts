/**
 * Checks that every internal link and asset in a built site resolves: href, src and srcset values,
 * and #fragments, which must name an id on the target page. External URLs are listed, not fetched.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One link that does not resolve. */
export interface BrokenLink {
  page: string;
  url: string;
  reason: string;
}

/** Every file below a folder. */
export function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/**
 * The HTML pages readers read: every page but Pagefind's and the browser editor at /admin/ (Decap
 * CMS, src/integrations/cms.ts), an application with its own script, policy and layout, tested on its
 * own in tests/integration/cms-browser.test.ts.
 */
export function readingPages(dist: string): string[] {
  return walk(dist).filter((f) => {
    const path = relative(dist, f).replace(/\\/g, '/');
    return f.endsWith('.html') && !path.startsWith('admin/') && !path.startsWith('pagefind/');
  });
}

const ATTR = /\s(?:href|src)="([^"]*)"|\ssrcset="([^"]*)"/g;

/** The URLs a page refers to (href, src, each srcset candidate). */
export function pageUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(ATTR)) {
    if (m[1] !== undefined) urls.push(m[1]);
    if (m[2] !== undefined)
      urls.push(
        ...m[2]
          .split(',')
          .map((c) => c.trim().split(/\s+/)[0]!)
          .filter(Boolean),
      );
  }
  return urls.map((u) => u.replaceAll('&amp;', '&'));
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

/** Finds every broken internal link in `dist`, for a site built with `base`. */
export function findBrokenLinks(
  dist: string,
  base = '/',
): { broken: BrokenLink[]; external: string[]; checked: number } {
  const pages = walk(dist).filter((f) => f.endsWith('.html'));
  const broken: BrokenLink[] = [];
  const external = new Set<string>();
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idCache.has(file)) idCache.set(file, idsOf(readFileSync(file, 'utf8')));
    return idCache.get(file)!;
  };
  let checked = 0;
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    const pagePath =
      '/' +
      relative(dist, page)
        .replace(/index\.html$/, '')
        .replace(/\\/g, '/');
    const pageUrl = new URL(base.replace(/\/?$/, '/') + pagePath.replace(/^\//, ''), 'https://site.invalid');
    for (const raw of pageUrls(html)) {
      if (/^(https?:)?\/\//.test(raw) && !raw.startsWith('https://site.invalid')) {
        external.add(raw);
        continue;
      }
      if (/^(mailto|tel):/.test(raw)) continue;
      checked++;
      const target = new URL(raw, pageUrl);
      const name = relative(dist, page);
      if (!target.pathname.startsWith(base.replace(/\/?$/, '/'))) {
        broken.push({ page: name, url: raw, reason: `outside the base path ${base}` });
        continue;
      }
      const inSite = decodeURIComponent(target.pathname.slice(base.replace(/\/?$/, '/').length));
      let file = join(dist, inSite);
      if (inSite === '' || inSite.endsWith('/')) file = join(file, 'index.html');
      else if (!existsSync(file) && existsSync(join(file, 'index.html'))) file = join(file, 'index.html');
      if (!existsSync(file)) {
        broken.push({ page: name, url: raw, reason: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && file.endsWith('.html') && !ids(file).has(fragment)) {
        broken.push({ page: name, url: raw, reason: `no element with id "${fragment}"` });
      }
    }
  }
  return { broken, external: [...external].sort(), checked };
}
