/**
 * Indexes the site with Pagefind's Node API and writes the search bundle to dist/pagefind/. Pages are
 * indexed while Astro renders them: the post-build integration wraps Astro's prerenderer and hands
 * each HTML page to Pagefind, whose own process indexes it on another core while Astro renders the
 * next one; when the build is done, only the bundle is left to write. (Where pages were not handed
 * over, e.g. by another prerenderer, the built dist/ folder is indexed from disk instead.) Any Pagefind
 * error fails the build with its message.
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

/** Adds the preload links (see preloadLinks) to the built search page, once Pagefind has written its files. */
function addPreloadLinks(site: string, language: string): void {
  const page = join(site, SEARCH_PAGE);
  const html = existsSync(page) ? readFileSync(page, 'utf8') : '';
  // The page names Pagefind's folder (with the base path) in its modulepreload link for pagefind.js.
  const dir = /<link rel="modulepreload" href="([^"]*\/)pagefind\.js"/.exec(html)?.[1];
  if (!dir) return;
  const entry = readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8');
  writeFileSync(page, html.replace('</head>', `${preloadLinks(entry, language, dir)}</head>`));
}

/** An index being filled while the site is built. */
export interface SiteIndex {
  /** Indexes one rendered page; `file` is its path inside dist/ ("entries/x/index.html"). */
  add(file: string, html: string): void;
  /** Waits for the pages handed over (or indexes dist/ if there were none) and writes dist/pagefind/. */
  finish(dir: URL, logger: AstroIntegrationLogger): Promise<void>;
}

const fail = (step: string, errors: readonly string[]): never => {
  throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
};

/** Starts Pagefind's indexing service. */
export async function startIndex(options: PagefindOptions): Promise<SiteIndex> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language });
  if (!index || errors.length) {
    await pagefind.close();
    return fail('start', errors);
  }
  const added: Promise<string[]>[] = [];
  let withBody = 0;
  return {
    add(file, content) {
      if (content.includes('data-pagefind-body')) withBody++;
      added.push(index.addHTMLFile({ sourcePath: file, content }).then((r) => r.errors.map((e) => `${file}: ${e}`)));
    },
    async finish(dir, logger) {
      const site = fileURLToPath(dir);
      const waiting = performance.now();
      try {
        let pages = added.length;
        const addErrors = (await Promise.all(added)).flat();
        if (addErrors.length) fail('index the site', addErrors);
        if (pages === 0) {
          const fromDisk = await index.addDirectory({ path: site });
          if (fromDisk.errors.length) fail('index the site', fromDisk.errors);
          pages = fromDisk.page_count;
          withBody = pages;
        }
        if (withBody === 0) fail('index the site', ['no page has data-pagefind-body; nothing was indexed']);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length) fail('write its files', written.errors);
        addPreloadLinks(site, options.language);
        const after = Math.round(performance.now() - waiting);
        logger.info(
          `indexed ${pages} pages in ${Math.round(performance.now() - started)} ms, ${after} ms of it after the pages were built`,
        );
      } finally {
        await pagefind.close();
      }
    },
  };
}
