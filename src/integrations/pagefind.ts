/**
 * Indexes the built site with Pagefind's Node API once Astro has written dist/ (called by the
 * post-build integration), writes the search bundle to dist/pagefind/, and finishes the search page
 * that uses it. Any Pagefind error fails the build with its message.
 */
import type { AstroIntegrationLogger } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { inlineStylesheets, preloadLinks, withMetaPolicy } from '../lib/search-page-html';
import { metaPolicy } from '../lib/security';
import { withBase } from '../lib/paths';

/** Options of the integration. */
export interface PagefindOptions {
  /** Index every page as this language (so Cyrillic aliases land in the same index). */
  language: string;
}

/** Where the search page lies in dist/ (see PATHS.search). */
const SEARCH_PAGE = 'search/index.html';

/**
 * Indexes a built site (its dist folder), writes dist/pagefind/ and finishes the search page (see
 * finishSearchPage); throws on any Pagefind error. Resolves to the search page's inline stylesheets,
 * which the site-wide policy in _headers must allow too.
 * `meanwhile` starts once Pagefind has read the pages, and runs while it writes its files: the share
 * images go into dist/og/ then, because Pagefind's walk of dist/ cost about 3 CPU-s more (system time)
 * with 5,000 images in it.
 */
export async function indexSite(
  dir: URL,
  options: PagefindOptions,
  logger: AstroIntegrationLogger,
  base = '/',
  meanwhile: () => Promise<void> = async () => {},
): Promise<string[]> {
  const site = fileURLToPath(dir);
  const started = performance.now();
  const fail = (step: string, errors: readonly string[]) => {
    throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language });
    if (!index || errors.length) return fail('start', errors);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) return fail('index the site', added.errors);
    if (added.page_count === 0) return fail('index the site', ['no page has data-pagefind-body; nothing was indexed']);
    const [written] = await Promise.all([index.writeFiles({ outputPath: join(site, 'pagefind') }), meanwhile()]);
    if (written.errors.length) return fail('write its files', written.errors);
    logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
    return finishSearchPage(site, options.language, base);
  } finally {
    await pagefind.close();
  }
}

/**
 * Finishes the built search page (dist/search/index.html): Pagefind's preload links, and the stylesheet
 * inline with its hash in the page's policy (src/lib/search-page-html.ts). `base` is the site's base
 * path, which starts every stylesheet href. Returns the inline stylesheets' texts.
 */
export function finishSearchPage(site: string, language: string, base: string): string[] {
  const page = join(site, SEARCH_PAGE);
  if (!existsSync(page)) return [];
  const html = readFileSync(page, 'utf8');
  // The page names Pagefind's folder (with the base path) in its modulepreload link for pagefind.js.
  const dir = /<link rel="modulepreload" href="([^"]*\/)pagefind\.js"/.exec(html)?.[1];
  const entry = dir ? readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8') : '';
  const preloaded = dir ? html.replace('</head>', `${preloadLinks(entry, language, dir)}</head>`) : html;
  const prefix = withBase(base, '');
  try {
    const inline = inlineStylesheets(preloaded, (href) => {
      if (!href.startsWith(prefix)) throw new Error(`stylesheet ${href} is not under the base path ${prefix}`);
      return readFileSync(join(site, href.slice(prefix.length)), 'utf8');
    });
    writeFileSync(page, withMetaPolicy(inline.html, metaPolicy('search', inline.styles)));
    return inline.styles;
  } catch (error) {
    throw new Error(`${SEARCH_PAGE}: ${(error as Error).message}`, { cause: error });
  }
}
