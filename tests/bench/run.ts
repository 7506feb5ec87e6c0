/**
 * The benchmark: builds synthetic stories (default 1,000 and 5,000 entries with 200 actors) with the
 * generator and, side by side, with a bare Astro baseline (tests/bench/baseline/: the same Markdown
 * pipeline, one page per entry and an index, then `pagefind --site dist`) on the same entries. The two
 * builds alternate run by run, from clean (no dist/, no caches); the report gives each side's median
 * wall and CPU time and the median of the run-by-run ratios, which is what to read on a shared, noisy
 * machine. It then changes one entry and rebuilds (share images come from the cache), and reports page
 * weights, the search index size and what a first search costs in Chromium.
 *   npm run bench                   1,000 and 5,000 entries, 3 pairs each
 *   npm run bench -- 1000           only 1,000 entries
 *   npm run bench -- 1000 --pairs 5
 * Results are printed as Markdown tables and written to tests/.tmp/bench.json. Not a test: numbers
 * vary with the machine; the README records them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { walk } from '../support/links.ts';
import { prepareSite, ROOT } from '../support/site.ts';
import { writeStory } from './story.ts';
import { formatSearchBench, searchBench, searchRatios, type SearchBenchRow } from './search.ts';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { pairs: { type: 'string', default: '3' } },
});
const sizes = positionals.map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 5000];
const PAIRS = Math.max(1, Number(flags.pairs) || 3);
const BASELINE = join(ROOT, 'tests/bench/baseline');

interface Row {
  entries: number;
  pages: number;
  buildSeconds: number;
  cpuSeconds: number;
  baselineSeconds: number;
  baselineCpuSeconds: number;
  wallRatio: number;
  cpuRatio: number;
  rebuildSeconds: number;
  rebuildImagesDrawn: number;
  rebuildImagesCached: number;
  pagefindSeconds: number;
  shareImagesSeconds: number;
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
  searchMsRatio: number;
  searchKbRatio: number;
  searchMsPageFloorRatio: number;
}
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const sum = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0);

interface Run {
  seconds: number;
  cpuSeconds: number;
  peakKB: number | null;
  output: string;
}

/** Runs a shell command in `dir` under /usr/bin/time (when there) and returns its wall time, CPU time (user + system, children included) and peak memory. */
function timed(dir: string, command: string): Run {
  const bin = join(ROOT, 'node_modules/.bin');
  const timeFile = join(dir, '.time');
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const run = spawnSync(
    useTime ? '/usr/bin/time' : 'sh',
    useTime ? ['-f', '%U %S %M', '-o', timeFile, 'sh', '-c', command] : ['-c', command],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      maxBuffer: 1 << 28,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`"${command}" failed in ${dir}:\n${output.slice(-4000)}`);
  const [user, system, peak] = useTime ? readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-3).map(Number) : [];
  return { seconds, cpuSeconds: useTime ? user! + system! : NaN, peakKB: peak ?? null, output };
}

/** Removes what a previous build left (output and every cache), so each build starts clean. */
function clean(dir: string): void {
  for (const item of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(join(dir, item), { recursive: true, force: true });
}

/** Our build: `astro build`, which also indexes with Pagefind and draws the share images. */
const ours = (dir: string) => timed(dir, 'astro build');
/** The baseline's build: bare Astro, then Pagefind's CLI. */
const bare = (dir: string) => timed(dir, 'astro build && pagefind --site dist');

/** What our build's log says about its own steps. */
function steps(output: string) {
  const number = (re: RegExp) => Number(re.exec(output)?.[1] ?? NaN);
  return {
    pages: number(/indexed (\d+) pages in \d+ ms/),
    pagefindMs: number(/indexed \d+ pages in (\d+) ms/),
    imagesMs: number(/drew \d+ share images in (\d+) ms/),
    imagesDrawn: number(/drew (\d+) share images/),
    imagesCached: number(/(\d+) from the cache/),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const rows: Row[] = [];
const searches: { entries: number; rows: SearchBenchRow[] }[] = [];
for (const n of SIZES) {
  console.error(`\n== ${n} entries: writing the story`);
  const story = writeStory(join(ROOT, 'tests/.tmp', `bench-story-${n}`), n);
  const dir = prepareSite(`bench-${n}`, story);
  const baseDir = prepareSite(`bench-baseline-${n}`, story, BASELINE);
  const runs: { ours: Run; bare: Run }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    // Alternate which side goes first, so neither always builds on a warmer (or busier) machine.
    const order = i % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
    const pair: Partial<{ ours: Run; bare: Run }> = {};
    for (const side of order) {
      console.error(
        `== ${n} entries: clean build ${i + 1}/${PAIRS}, ${side === 'ours' ? 'this project' : 'bare baseline'}`,
      );
      const target = side === 'ours' ? dir : baseDir;
      clean(target);
      pair[side] = side === 'ours' ? ours(target) : bare(target);
      console.error(`   ${round(pair[side]!.seconds)} s wall, ${round(pair[side]!.cpuSeconds)} CPU-s`);
    }
    runs.push(pair as { ours: Run; bare: Run });
  }
  const last = runs.at(-1)!.ours;
  const b = steps(last.output);
  console.error(`== ${n} entries: rebuild after changing one entry`);
  const first = walk(join(dir, 'content/entries')).sort()[0]!;
  writeFileSync(first, readFileSync(first, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (changed)'));
  const rebuild = ours(dir);
  const r = steps(rebuild.output);
  const dist = join(dir, 'dist');
  const files = walk(dist);
  const index = files.filter((f) => f.includes(`${join(dist, 'pagefind')}/`));
  const home = readFileSync(join(dist, 'index.html'));
  const entryPages = files.filter((f) => f.includes('/entries/') && f.endsWith('.html'));
  const css = files.filter((f) => f.endsWith('.css') && !f.includes('/pagefind/'));
  const readingPages = files.filter((f) => f.endsWith('.html') && !f.endsWith(join('search', 'index.html')));
  const ownJs = readingPages.filter((f) =>
    /<script(?![^>]*application\/ld\+json)/.test(readFileSync(f, 'utf8')),
  ).length;
  console.error(`== ${n} entries: first search in Chromium, ours and Pagefind's own JS API`);
  const search = await searchBench(dist, { runs: 5 });
  searches.push({ entries: n, rows: search });
  const mine = search.find((row) => row.page === 'ours')!;
  rows.push({
    entries: n,
    pages: b.pages,
    buildSeconds: round(median(runs.map((x) => x.ours.seconds))),
    cpuSeconds: round(median(runs.map((x) => x.ours.cpuSeconds))),
    baselineSeconds: round(median(runs.map((x) => x.bare.seconds))),
    baselineCpuSeconds: round(median(runs.map((x) => x.bare.cpuSeconds))),
    wallRatio: round(median(runs.map((x) => x.ours.seconds / x.bare.seconds)), 2),
    cpuRatio: round(median(runs.map((x) => x.ours.cpuSeconds / x.bare.cpuSeconds)), 2),
    rebuildSeconds: round(rebuild.seconds),
    rebuildImagesDrawn: r.imagesDrawn,
    rebuildImagesCached: r.imagesCached,
    pagefindSeconds: round(b.pagefindMs / 1000),
    shareImagesSeconds: round(b.imagesMs / 1000),
    peakMemoryMB: last.peakKB === null ? null : Math.round(last.peakKB / 1024),
    distMB: mb(sum(files)),
    distFiles: files.length,
    indexMB: mb(sum(index)),
    indexFiles: index.length,
    homeKB: kb(home.length),
    homeGzipKB: kb(gzipSync(home).length),
    entryHtmlKB: kb(Math.max(...entryPages.map((f) => statSync(f).size))),
    cssKB: kb(sum(css)),
    ownJsOnReadingPages: ownJs,
    firstQueryKB: mine.kbToFirstResult,
    firstResultMs: mine.firstResultMs,
    searchMsRatio: searchRatios(search).ms,
    searchKbRatio: searchRatios(search).kbToFirstResult,
    searchMsPageFloorRatio: searchRatios(search).msPageFloor,
  });
}

const table = (head: string[], body: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
console.log(`\nClean builds, ${PAIRS} alternated pairs, medians (${new Date().toISOString().slice(0, 10)}):\n`);
console.log(
  table(
    [
      'entries',
      'this project s (CPU-s)',
      'bare Astro + Pagefind s (CPU-s)',
      'wall ratio',
      'CPU ratio',
      'rebuild after one change s',
      'share images drawn (cached)',
    ],
    rows.map((r) => [
      r.entries,
      `${r.buildSeconds} (${r.cpuSeconds})`,
      `${r.baselineSeconds} (${r.baselineCpuSeconds})`,
      `${r.wallRatio}×`,
      `${r.cpuRatio}×`,
      r.rebuildSeconds,
      `${r.rebuildImagesDrawn} (${r.rebuildImagesCached})`,
    ]),
  ),
);
console.log('\nOutput of the last clean build:\n');
console.log(
  table(
    [
      'entries',
      'pages',
      'Pagefind s',
      'share images s',
      'peak MB',
      'dist MB (files)',
      'index MB (files)',
      'home KB (gzip)',
      'largest entry KB',
      'CSS KB',
      'pages with our JS',
      'first query KB',
      'first result ms',
    ],
    rows.map((r) => [
      r.entries,
      r.pages,
      r.pagefindSeconds,
      r.shareImagesSeconds,
      r.peakMemoryMB ?? '–',
      `${r.distMB} (${r.distFiles})`,
      `${r.indexMB} (${r.indexFiles})`,
      `${r.homeKB} (${r.homeGzipKB})`,
      r.entryHtmlKB,
      r.cssKB,
      r.ownJsOnReadingPages,
      r.firstQueryKB,
      r.firstResultMs,
    ]),
  ),
);
for (const { entries, rows } of searches) {
  console.log(`\nFirst search in a cold Chromium at ${entries} entries, 5 runs each alternated, medians:\n`);
  console.log(formatSearchBench(rows));
}
writeFileSync(join(ROOT, 'tests/.tmp/bench.json'), `${JSON.stringify(rows, null, 2)}\n`);
