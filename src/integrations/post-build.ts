/**
 * The build's own steps around Astro's: share images missing from their cache are drawn in worker
 * processes from the start of the build; when Astro has written dist/, Pagefind indexes it, and the
 * images go into dist/og/ while Pagefind writes its files. Either failing fails the build. It also
 * writes dist/_headers from src/lib/security.ts, and the browser editor into dist/admin/
 * (src/integrations/cms.ts).
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/security';
import { PATHS, withBase } from '../lib/paths';
import { writeAdmin, type CmsBuildOptions } from './cms';
import { indexSite, type PagefindOptions } from './pagefind';
import { finishShareImages, startShareImages, type ShareImageOptions } from './share-images';

/** The Astro integration that indexes the site and draws share images. */
export default function postBuild(
  options: PagefindOptions & ShareImageOptions & { site: CmsBuildOptions['site'] },
): AstroIntegration {
  let images: ReturnType<typeof startShareImages> | undefined;
  let base = '/';
  let root = process.cwd();
  let cacheDir = join(root, 'node_modules/.astro');
  let siteUrl = 'https://example.org';
  return {
    name: 'peace-talks/post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        base = config.base;
        siteUrl = config.site ?? siteUrl;
      },
      'astro:build:start': () => {
        images = startShareImages(root, cacheDir, options);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const admin = writeAdmin(fileURLToPath(dir), { site: options.site, root, base, siteUrl });
        logger.info(`editor written to ${PATHS.admin} (${admin.files} files; pull requests on ${admin.repo})`);
        const run = images ?? startShareImages(root, cacheDir, options);
        const inlineStyles = await indexSite(dir, options, logger.fork('pagefind'), base, () =>
          finishShareImages(run, dir, logger.fork('share-images')),
        );
        // After the search page is finished: the site-wide policy allows its inline stylesheet too.
        writeFileSync(new URL('_headers', dir), headersFile(withBase(base, PATHS.admin), inlineStyles));
        logger.info(`post-build steps done in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
