/**
 * The build's own steps around Astro's: share images missing from their cache are drawn in worker
 * processes from the start of the build; when Astro has written dist/, Pagefind indexes it while the last images are finished.
 * Either failing fails the build. It also writes dist/_headers from src/lib/security.ts.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/security';
import { indexSite, type PagefindOptions } from './pagefind';
import { finishShareImages, startShareImages, type ShareImageOptions } from './share-images';

/** The Astro integration that indexes the site and draws share images. */
export default function postBuild(options: PagefindOptions & ShareImageOptions): AstroIntegration {
  let images: ReturnType<typeof startShareImages> | undefined;
  let root = process.cwd();
  let cacheDir = join(root, 'node_modules/.astro');
  return {
    name: 'peace-talks/post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        images = startShareImages(root, cacheDir, options);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        writeFileSync(new URL('_headers', dir), headersFile());
        await Promise.all([
          indexSite(dir, options, logger.fork('pagefind')),
          finishShareImages(images ?? startShareImages(root, cacheDir, options), dir, logger.fork('share-images')),
        ]);
        logger.info(`post-build steps done in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
