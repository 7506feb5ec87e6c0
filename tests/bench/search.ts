/**
 * The search speed bench: our search page against the floor, a bare page that calls Pagefind's own JS
 * API (init, search, the first result's data(), its title on the page) on the same index. Each is opened
 * cold (a fresh browser context, so nothing cached) the given number of times, alternating which goes
 * first, and the median is reported: the time from navigation start until the first result is on the
 * page, and the bytes the server sent (gzip for text, as a static host sends it), both until that
 * moment and in all (ours goes on to load the facet counts after the first results).
 *   node tests/bench/search.ts <dist> [query] [runs]      (npm run bench:search -- <dist>)
 * A third page, the page floor, is our search page with the floor's script instead of ours: what Pagefind's
 * bare API costs on a page that shows itself before its results (see pageFloorPage).
 * The floor pages are generated here and served at /__floor/ and /__page-floor/ beside the built files;
 * they are never written into dist/ and never shipped. Not a test: numbers vary with the machine.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { launchBrowser } from '../support/browser.ts';

/** The pages the bench opens: ours, the floor, and the floor's script on our page (see pageFloor). */
type BenchPage = 'ours' | 'floor' | 'page floor';
const PAGES: readonly BenchPage[] = ['ours', 'floor', 'page floor'];

/** One page's median cold run. */
export interface SearchBenchRow {
  page: BenchPage;
  query: string;
  /** Median time from navigation start until the first result is on the page. */
  firstResultMs: number;
  /** Median kB sent until the first result was on the page. */
  kbToFirstResult: number;
  /** Median kB sent in all, once the page was idle. */
  kbTotal: number;
  /** Every run's time, in run order. */
  runsMs: number[];
}

/** The paths the floor pages are served at. */
const FLOOR_PATH = '/__floor/';
const PAGE_FLOOR_PATH = '/__page-floor/';

/** The floor's script: Pagefind's JS API and nothing else, with the same worker-less set-up as ours. */
const FLOOR_SCRIPT = `<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.options({ baseUrl: '/', noWorker: true });
await pagefind.init();
const response = await pagefind.search(new URLSearchParams(location.search).get('q'));
const data = await response.results[0].data();
const title = document.createElement('h3');
title.className = 'search-result';
title.textContent = data.meta.title;
document.getElementById('out').append(title);
</script>`;

/** The floor: a bare page with the floor's script. */
function floorPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind floor</title></head>
<body><main id="out"></main>
${FLOOR_SCRIPT}</body></html>`;
}

/**
 * The page floor: our built search page (its HTML, inline stylesheet and actor index) with the floor's
 * script in place of ours, and without what only our script uses (its preload links, and the policy,
 * which would refuse the inline script); the title goes where our results go. The difference between
 * it and the floor is the cost of showing a page before the results; between it and ours, our script's.
 */
function pageFloorPage(dist: string): string {
  const html = readFileSync(join(dist, 'search/index.html'), 'utf8')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace(/<link rel="(?:module)?preload"[^>]*>/g, '')
    .replace(/<script type="module" src="[^"]*"><\/script>/, '');
  return html.replace('data-results>', 'data-results id="out">').replace('</body>', `${FLOOR_SCRIPT}</body>`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves dist as a static host does (text gzipped), plus the floor page, and logs every response's size and time. */
function serve(dist: string): Promise<{ server: Server; origin: string; log: { at: number; bytes: number }[] }> {
  const log: { at: number; bytes: number }[] = [];
  const gzipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let raw: Buffer;
    let type: string | undefined;
    if (path === FLOOR_PATH || path === PAGE_FLOOR_PATH) {
      raw = Buffer.from(path === FLOOR_PATH ? floorPage() : pageFloorPage(dist));
      type = 'text/html';
    } else {
      let file = join(dist, path);
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) return void res.writeHead(404).end();
      raw = readFileSync(file);
      type = TYPES[extname(file)];
    }
    const zip = type !== undefined && /gzip/.test(String(req.headers['accept-encoding']));
    // Compressed once per file and kept, as a static host or CDN keeps it: gzipping on every request
    // put the server's own work on the same two cores as the browser, and more of it for more files.
    const body = zip ? (gzipped.get(path) ?? gzipped.set(path, gzipSync(raw)).get(path)!) : raw;
    const headers: Record<string, string | number> = {
      'content-type': type ?? 'application/octet-stream',
      'content-length': body.length,
    };
    if (zip) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers).end(body, () => log.push({ at: Date.now(), bytes: body.length }));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, log }),
    ),
  );
}

/** Records, in the page, the moment (ms since the epoch) the first `.search-result` is added. */
const WATCH = `(() => {
  const seen = () => {
    if (window.__firstResult === undefined && document.querySelector('.search-result')) {
      window.__firstResult = performance.timeOrigin + performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

/** One cold run: a fresh context, the page opened, the first result awaited. */
async function run(
  browser: Browser,
  url: string,
  log: { at: number; bytes: number }[],
): Promise<{ ms: number; firstBytes: number; totalBytes: number }> {
  const context = await browser.newContext();
  await context.addInitScript(WATCH);
  const page = await context.newPage();
  log.length = 0;
  try {
    await page.goto(url, { waitUntil: 'commit' });
    // Polled with a plain expression rather than page.waitForFunction, which first evaluates Playwright's
    // injected script (about 25 ms of main-thread work in these runs) in the page, at whatever moment
    // it lands: in the middle of a busy page's start-up, but in an idle wait of the floor's.
    for (const started = Date.now(); (await page.evaluate('window.__firstResult')) === undefined;) {
      if (Date.now() - started > 60_000) throw new Error(`no result on ${url} within 60 s`);
      await new Promise((wait) => setTimeout(wait, 20));
    }
    const [first, start] = await page.evaluate(() => [
      (window as { __firstResult?: number }).__firstResult!,
      performance.timeOrigin,
    ]);
    await page.waitForLoadState('networkidle');
    const sum = (entries: typeof log) => entries.reduce((n, e) => n + e.bytes, 0);
    return {
      ms: Math.round(first - start),
      firstBytes: sum(log.filter((e) => e.at <= first)),
      totalBytes: sum(log),
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Runs the bench on a built site (its dist folder): our search page and the floor, `runs` cold runs each, alternated. */
export async function searchBench(
  dist: string,
  { query = 'ceasefire', runs = 5 }: { query?: string; runs?: number } = {},
): Promise<SearchBenchRow[]> {
  const { server, origin, log } = await serve(resolve(dist));
  const browser = await launchBrowser();
  const q = `?q=${encodeURIComponent(query)}`;
  const pages: Record<BenchPage, string> = {
    ours: `${origin}/search/${q}`,
    floor: `${origin}${FLOOR_PATH}${q}`,
    'page floor': `${origin}${PAGE_FLOOR_PATH}${q}`,
  };
  const results = Object.fromEntries(PAGES.map((p) => [p, []])) as unknown as Record<
    BenchPage,
    Awaited<ReturnType<typeof run>>[]
  >;
  try {
    // One warm-up of each (the browser's own start-up costs), then the measured runs, turning the
    // order round each time so that no page always follows the same one.
    for (const name of PAGES) await run(browser, pages[name], log);
    for (let i = 0; i < runs; i++) {
      const order = [...PAGES.slice(i % PAGES.length), ...PAGES.slice(0, i % PAGES.length)];
      for (const name of i % 2 ? order.reverse() : order) results[name].push(await run(browser, pages[name], log));
    }
  } finally {
    await browser.close();
    server.close();
  }
  return PAGES.map((name) => ({
    page: name,
    query,
    firstResultMs: median(results[name].map((r) => r.ms)),
    kbToFirstResult: kb(median(results[name].map((r) => r.firstBytes))),
    kbTotal: kb(median(results[name].map((r) => r.totalBytes))),
    runsMs: results[name].map((r) => r.ms),
  }));
}

/** Our page's numbers as multiples of the floor's, and its time as a multiple of the page floor's. */
export function searchRatios(rows: readonly SearchBenchRow[]): {
  ms: number;
  kbToFirstResult: number;
  kbTotal: number;
  msPageFloor: number;
} {
  const row = (page: BenchPage) => rows.find((r) => r.page === page)!;
  const [ours, floor] = [row('ours'), row('floor')];
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    ms: ratio(ours.firstResultMs, floor.firstResultMs),
    kbToFirstResult: ratio(ours.kbToFirstResult, floor.kbToFirstResult),
    kbTotal: ratio(ours.kbTotal, floor.kbTotal),
    msPageFloor: ratio(ours.firstResultMs, row('page floor').firstResultMs),
  };
}

/** The rows and the ratios as a Markdown table. */
export function formatSearchBench(rows: readonly SearchBenchRow[]): string {
  const r = searchRatios(rows);
  const lines = [
    '| page | first result ms | kB to first result | kB in all | runs (ms) |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.page} | ${row.firstResultMs} | ${row.kbToFirstResult} | ${row.kbTotal} | ${row.runsMs.join(', ')} |`,
    ),
    `| ours ÷ floor | ${r.ms}× | ${r.kbToFirstResult}× | ${r.kbTotal}× | |`,
    `| ours ÷ page floor | ${r.msPageFloor}× | | | |`,
  ];
  return lines.join('\n');
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const [dist, query, runs] = process.argv.slice(2);
  if (!dist) {
    console.error('usage: node tests/bench/search.ts <dist> [query] [runs]');
    process.exit(2);
  }
  const rows = await searchBench(dist, { ...(query ? { query } : {}), ...(runs ? { runs: Number(runs) } : {}) });
  console.log(formatSearchBench(rows));
}
