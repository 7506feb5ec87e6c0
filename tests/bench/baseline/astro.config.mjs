// The benchmark's baseline: bare Astro with the same Markdown pipeline as the project (MDX, remark-gfm through
// the unified processor), one page per entry and one index page. `npm run bench` copies it next to the same
// synthetic story as the project's build and runs `astro build && pagefind --site dist` on it.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  site: 'https://bench.example.org',
  integrations: [mdx()],
  markdown: { processor: unified({ gfm: false, remarkPlugins: [remarkGfm] }) },
  vite: {
    build: {
      rolldownOptions: {
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  },
});
