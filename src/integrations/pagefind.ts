/**
 * Indexes the built site with Pagefind's Node API once Astro has written dist/ (called by the
 * post-build integration), and writes the search bundle to dist/pagefind/. Any Pagefind error fails
 * the build with its message.
 */
import type { AstroIntegrationLogger } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Options of the integration. */
export interface PagefindOptions {
  /** Index every page as this language (so Cyrillic aliases land in the same index). */
  language: string;
}

/** Where the search page lies in dist/ (see PATHS.search). */
const SEARCH_PAGE = 'search/index.html';

/**
 * The search page's preload links for what Pagefind's first search fetches after its script: the entry
 * file (its URL tagged with the index hash, which the page passes to Pagefind as metaCacheTag), the
 * index metadata and the WebAssembly. Their names exist only once Pagefind has written its files.
 */
export function preloadLinks(entryJson: string, language: string, dir: string): string {
  const entry = JSON.parse(entryJson) as { languages: Record<string, { hash: string; wasm?: string }> };
  const index = entry.languages[language] ?? Object.values(entry.languages)[0];
  if (!index) return '';
  const link = (href: string, extra = '') =>
    `<link rel="preload" href="${dir}${href}" as="fetch" crossorigin="anonymous"${extra}>`;
  return [
    link(`pagefind-entry.json?ts=${index.hash}`, ` data-pagefind-tag="${index.hash}"`),
    link(`pagefind.${index.hash}.pf_meta`),
    link(`wasm.${index.wasm ?? 'unknown'}.pagefind`),
  ].join('');
}

/**
 * Indexes a built site (its dist folder) and writes dist/pagefind/; throws on any Pagefind error.
 * `meanwhile` starts once Pagefind has read the pages, and runs while it writes its files: the share
 * images go into dist/og/ then, because Pagefind's walk of dist/ cost about 3 CPU-s more (system time)
 * with 5,000 images in it.
 */
export async function indexSite(
  dir: URL,
  options: PagefindOptions,
  logger: AstroIntegrationLogger,
  meanwhile: () => Promise<void> = async () => {},
): Promise<void> {
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
    const page = join(site, SEARCH_PAGE);
    const html = existsSync(page) ? readFileSync(page, 'utf8') : '';
    // The page names Pagefind's folder (with the base path) in its modulepreload link for pagefind.js.
    const dir = /<link rel="modulepreload" href="([^"]*\/)pagefind\.js"/.exec(html)?.[1];
    if (dir) {
      const entry = readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8');
      writeFileSync(page, html.replace('</head>', `${preloadLinks(entry, options.language, dir)}</head>`));
    }
    logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
  }
}
