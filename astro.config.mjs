// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeExternalLinks from 'rehype-external-links';
import site from './src/site.config.ts';
import postBuild from './src/integrations/post-build.ts';
import { remarkSafeMdx } from './src/lib/safe-mdx.ts';
import { remarkSmartypants } from './src/lib/smartypants.ts';

export default defineConfig({
  site: site.site,
  base: site.base,
  trailingSlash: 'ignore',
  // Stylesheets are always files: the Content-Security-Policy in public/_headers allows no inline style.
  // concurrency: pages are rendered four at a time, so one page's file writes overlap the next one's
  // rendering (about 10 % off a 1,000-entry build on 2 cores; `npm run bench`). Rendering is pure, so
  // the output is the same, byte for byte.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !/\/(404|search)\/?$/.test(page) }),
    postBuild({ language: site.lang, title: site.title, tagline: site.tagline, site }),
  ],
  markdown: {
    // Astro 7's default processor ignores remark plugins, silently; the unified one runs them.
    // https://docs.astro.build/en/guides/markdown-content/
    // gfm: false because remark-gfm is listed below; the processor's own switch would add it twice.
    processor: unified({
      gfm: false,
      // smartypants: false because src/lib/smartypants.ts is listed below, where Astro puts its own: the
      // same output, without a second retext parse of every text node (about a tenth of a clean build).
      smartypants: false,
      // remarkSafeMdx fails the build on code in content (imports, expressions, scripts, handlers…).
      remarkPlugins: [remarkGfm, remarkSmartypants, remarkSafeMdx],
      rehypePlugins: [[rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }]],
    }),
  },
  vite: {
    build: {
      rolldownOptions: {
        // Each .mdx file logs a MODULE_LEVEL_DIRECTIVE warning (withastro/astro#18087); drop exactly that.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  },
});
