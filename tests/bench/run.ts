/**
 * The benchmark: builds synthetic stories (default 100, 1,000 and 5,000 entries with 200 actors)
 * with the generator and reports, for each, the build and indexing time, peak memory, output size,
 * page weights, the search index size, and what a first search costs in Chromium.
 *   npm run bench               all sizes
 *   npm run bench -- 1000       only 1,000 entries
 * Results are printed as a Markdown table and written to tests/.tmp/bench.json. Not a test: numbers
 * vary with the machine; the README records them.
 */
import { launchBrowser } from '../support/browser.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { walk } from '../support/links.ts';
import { prepareSite, ROOT } from '../support/site.ts';
import { writeStory } from './story.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [100, 1000, 5000];
const QUERY = 'ceasefire';

interface Row {
  entries: number;
  pages: number;
  buildSeconds: number;
  astroMsPerEntry: number;
  pagefindSeconds: number;
  pagefindMsPerEntry: number;
  shareImagesSeconds: number;
  totalMsPerEntry: number;
  peakMemoryMB: number | null;
  distMB: number;
  distFiles: number;
  indexMB: number;
  indexFiles: number;
  homeKB: number;
  homeGzipKB: number;
  entryHtmlKB: number;
  cssKB: number;
  ownJsOnReadingPages: number;
  firstQueryKB: number;
  firstResultMs: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const sum = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0);

function build(dir: string): {
  seconds: number;
  pagefindMs: number;
  imagesMs: number;
  postMs: number;
  pages: number;
  peakKB: number | null;
} {
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const args = useTime ? ['-v', process.execPath, astro, 'build'] : [astro, 'build'];
  const started = performance.now();
  const run = spawnSync(cmd, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - started) / 1000;
  const out = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`build failed in ${dir}:\n${out.slice(-4000)}`);
  const pf = /indexed (\d+) pages in (\d+) ms/.exec(out);
  const images = /drew \d+ share images in (\d+) ms/.exec(out);
  const post = /post-build steps done in (\d+) ms/.exec(out);
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(out);
  return {
    seconds,
    pagefindMs: pf ? Number(pf[2]) : NaN,
    imagesMs: images ? Number(images[1]) : NaN,
    postMs: post ? Number(post[1]) : NaN,
    pages: pf ? Number(pf[1]) : NaN,
    peakKB: peak ? Number(peak[1]) : null,
  };
}

/**
 * Serves dist the way a static host does (gzip for text files when the browser accepts it) and
 * counts the bytes sent for Pagefind's files. Pagefind's own index files are already compressed.
 */
function serve(
  dist: string,
): Promise<{ server: Server; port: number; pagefindBytes: () => number; reset: () => void }> {
  let bytes = 0;
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.wasm': 'application/wasm',
  };
  const server = createServer((req, res) => {
    let file = join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const raw = readFileSync(file);
    const type = types[extname(file)];
    const zip =
      type !== undefined && type !== 'application/wasm' && /gzip/.test(String(req.headers['accept-encoding']));
    const body = zip ? gzipSync(raw) : raw;
    if (req.url?.startsWith('/pagefind/')) bytes += body.length;
    const headers: Record<string, string | number> = {
      'content-type': type ?? 'application/octet-stream',
      'content-length': body.length,
    };
    if (zip) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        port: (server.address() as { port: number }).port,
        pagefindBytes: () => bytes,
        reset: () => (bytes = 0),
      }),
    ),
  );
}

async function firstQuery(dist: string): Promise<{ ms: number; bytes: number }> {
  const { server, port, pagefindBytes, reset } = await serve(dist);
  const browser = await launchBrowser();
  try {
    const timings: number[] = [];
    let bytes = 0;
    // Three cold runs (fresh browser context each), median reported.
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      reset();
      const t0 = Date.now();
      await page.goto(`http://127.0.0.1:${port}/search/?q=${QUERY}`);
      await page.waitForSelector('.search-result', { timeout: 60_000 });
      timings.push(Date.now() - t0);
      bytes = pagefindBytes();
      await context.close();
    }
    timings.sort((a, b) => a - b);
    return { ms: timings[1]!, bytes };
  } finally {
    await browser.close();
    server.close();
  }
}

const rows: Row[] = [];
for (const n of SIZES) {
  console.error(`\n== ${n} entries: writing the story`);
  const story = writeStory(join(ROOT, 'tests/.tmp', `bench-story-${n}`), n);
  const dir = prepareSite(`bench-${n}`, story);
  console.error(`== ${n} entries: building`);
  const b = build(dir);
  const dist = join(dir, 'dist');
  const files = walk(dist);
  const index = files.filter((f) => f.includes(`${join(dist, 'pagefind')}/`));
  const home = readFileSync(join(dist, 'index.html'));
  const entryPages = files.filter((f) => f.includes('/entries/') && f.endsWith('.html'));
  const css = files.filter((f) => f.endsWith('.css') && !f.includes('/pagefind/'));
  const readingPages = files.filter((f) => f.endsWith('.html') && !f.endsWith(join('search', 'index.html')));
  const ownJs = readingPages.filter((f) => /<script/.test(readFileSync(f, 'utf8'))).length;
  console.error(`== ${n} entries: first search in Chromium`);
  const q = await firstQuery(dist);
  // Pagefind and the share images run side by side after Astro's own build; Astro's part is the rest.
  const astroSeconds = b.seconds - b.postMs / 1000;
  rows.push({
    entries: n,
    pages: b.pages,
    buildSeconds: Math.round(b.seconds * 10) / 10,
    astroMsPerEntry: Math.round((astroSeconds * 1000) / n),
    pagefindSeconds: Math.round(b.pagefindMs / 100) / 10,
    pagefindMsPerEntry: Math.round((b.pagefindMs / n) * 10) / 10,
    shareImagesSeconds: Math.round(b.imagesMs / 100) / 10,
    totalMsPerEntry: Math.round((b.seconds * 1000) / n),
    peakMemoryMB: b.peakKB === null ? null : Math.round(b.peakKB / 1024),
    distMB: mb(sum(files)),
    distFiles: files.length,
    indexMB: mb(sum(index)),
    indexFiles: index.length,
    homeKB: kb(home.length),
    homeGzipKB: kb(gzipSync(home).length),
    entryHtmlKB: kb(Math.max(...entryPages.map((f) => statSync(f).size))),
    cssKB: kb(sum(css)),
    ownJsOnReadingPages: ownJs,
    firstQueryKB: kb(q.bytes),
    firstResultMs: q.ms,
  });
}

const head = [
  'entries',
  'build s',
  'Astro ms/entry',
  'Pagefind s',
  'share images s',
  'total ms/entry',
  'peak MB',
  'dist MB (files)',
  'index MB (files)',
  'home KB (gzip)',
  'largest entry KB',
  'CSS KB',
  'first query KB',
  'first result ms',
];
const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
for (const r of rows) {
  lines.push(
    `| ${[r.entries, r.buildSeconds, r.astroMsPerEntry, r.pagefindSeconds, r.shareImagesSeconds, r.totalMsPerEntry, r.peakMemoryMB ?? '–', `${r.distMB} (${r.distFiles})`, `${r.indexMB} (${r.indexFiles})`, `${r.homeKB} (${r.homeGzipKB})`, r.entryHtmlKB, r.cssKB, r.firstQueryKB, r.firstResultMs].join(' | ')} |`,
  );
}
console.log(lines.join('\n'));
writeFileSync(join(ROOT, 'tests/.tmp/bench.json'), `${JSON.stringify(rows, null, 2)}\n`);
