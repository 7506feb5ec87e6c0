/**
 * Indexes the built site with Pagefind's Node API once Astro has written dist/ (called by the
 * post-build integration), and writes the search bundle to dist/pagefind/. Any Pagefind error fails
 * the build with its message.
 */
import type { AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Options of the integration. */
export interface PagefindOptions {
  /** Index every page as this language (so Cyrillic aliases land in the same index). */
  language: string;
}

/** Indexes a built site (its dist folder) and writes dist/pagefind/; throws on any Pagefind error. */
export async function indexSite(dir: URL, options: PagefindOptions, logger: AstroIntegrationLogger): Promise<void> {
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
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) return fail('write its files', written.errors);
    logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
  }
}
