/**
 * The search speed bench: our search page against the floor, a bare page that calls Pagefind's own JS
 * API (init, search, the first result's data(), its title on the page) on the same index. Each is opened
 * cold (a fresh browser context, so nothing cached) the given number of times, alternating which goes
 * first, and the median is reported: the time from navigation start until the first result is on the
 * page, and the bytes the server sent (gzip for text, as a static host sends it), both until that
 * moment and in all (ours goes on to load the facet counts after the first results).
 *   node tests/bench/search.ts <dist> [query] [runs]      (npm run bench:search -- <dist>)
 * The floor page is generated here and served at /__floor/ beside the built files; it is never written
 * into dist/ and never shipped. Not a test: numbers vary with the machine.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { launchBrowser } from '../support/browser.ts';

/** One page's median cold run. */
export interface SearchBenchRow {
  page: 'ours' | 'floor';
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

/** The path the floor page is served at. */
const FLOOR_PATH = '/__floor/';

/** The floor: Pagefind's JS API and nothing else, with the same worker-less set-up as ours. */
function floorPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind floor</title></head>
<body><main id="out"></main>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.options({ baseUrl: '/', noWorker: true });
await pagefind.init();
const response = await pagefind.search(new URLSearchParams(location.search).get('q'));
const data = await response.results[0].data();
const title = document.createElement('h3');
title.className = 'search-result';
title.textContent = data.meta.title;
document.getElementById('out').append(title);
</script></body></html>`;
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
    if (path === FLOOR_PATH) {
      raw = Buffer.from(floorPage());
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
  const pages = {
    ours: `${origin}/search/?q=${encodeURIComponent(query)}`,
    floor: `${origin}${FLOOR_PATH}?q=${encodeURIComponent(query)}`,
  };
  const results = { ours: [] as Awaited<ReturnType<typeof run>>[], floor: [] as Awaited<ReturnType<typeof run>>[] };
  try {
    // One warm-up of each (the browser's own start-up costs), then the measured runs, alternating
    // which page goes first so that neither always follows the other.
    for (const name of ['ours', 'floor'] as const) await run(browser, pages[name], log);
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? (['ours', 'floor'] as const) : (['floor', 'ours'] as const);
      for (const name of order) results[name].push(await run(browser, pages[name], log));
    }
  } finally {
    await browser.close();
    server.close();
  }
  return (['ours', 'floor'] as const).map((name) => ({
    page: name,
    query,
    firstResultMs: median(results[name].map((r) => r.ms)),
    kbToFirstResult: kb(median(results[name].map((r) => r.firstBytes))),
    kbTotal: kb(median(results[name].map((r) => r.totalBytes))),
    runsMs: results[name].map((r) => r.ms),
  }));
}

/** Our page's numbers as multiples of the floor's. */
export function searchRatios(rows: readonly SearchBenchRow[]): {
  ms: number;
  kbToFirstResult: number;
  kbTotal: number;
} {
  const ours = rows.find((r) => r.page === 'ours')!;
  const floor = rows.find((r) => r.page === 'floor')!;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    ms: ratio(ours.firstResultMs, floor.firstResultMs),
    kbToFirstResult: ratio(ours.kbToFirstResult, floor.kbToFirstResult),
    kbTotal: ratio(ours.kbTotal, floor.kbTotal),
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
