/**
 * Lighthouse (mobile preset) on the home, entry, actor and search pages of the built site (dist/),
 * served with the headers of dist/_headers. Not a test: it reports the four category scores for
 * the README. Run `npm run build` first.
 *   npm run lighthouse
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { join } from 'node:path';
import { serveDist } from '../support/static-server.ts';
import { ROOT } from '../support/site.ts';
import { browserPath } from '../support/browser.ts';

const PAGES = [
  ['home', '/'],
  ['entry', '/entries/2025-05-16-istanbul-direct-talks/'],
  ['actor', '/actors/rustem-umerov/'],
  ['search', '/search/?q=Istanbul'],
] as const;

const server = await serveDist(join(ROOT, 'dist'));
const chrome = await chromeLauncher.launch({
  chromePath: browserPath(),
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const rows: string[] = ['| page | Performance | Accessibility | Best Practices | SEO |', '|---|---|---|---|---|'];
try {
  for (const [name, path] of PAGES) {
    const result = await lighthouse(`${server.origin}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
    });
    const c = result!.lhr.categories;
    const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
    rows.push(
      `| ${name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`,
    );
    const failed = Object.values(result!.lhr.audits).filter(
      (a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary',
    );
    if (failed.length) console.error(`${name}: ${failed.map((a) => a.id).join(', ')}`);
    const metrics = [
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'cumulative-layout-shift',
      'speed-index',
    ];
    console.error(`${name}: ${metrics.map((m) => `${m} ${result!.lhr.audits[m]?.displayValue}`).join(', ')}`);
  }
} finally {
  chrome.kill();
  server.close();
}
console.log(rows.join('\n'));
