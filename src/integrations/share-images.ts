/**
 * Share images (og/<entry id>.png and og/site.png) are drawn once and kept in a cache folder that
 * survives rebuilds: <Astro's cacheDir>/share-images/<key>.png, where the key is a hash of what the
 * image shows and of the renderer (share-image.ts, share-image-draw.ts, the drawing packages' versions), so an image is drawn again only
 * when its title, date or site name, or the drawing code, changes. The deploy workflow keeps the folder
 * between runs (actions/cache).
 *
 * When the build starts, one worker process per core (started then, while Astro's process is still
 * small and quick to fork) reads its share of the entries' frontmatter and draws the images missing
 * from the cache, at the lowest CPU priority, so it uses the time Astro's build leaves a core idle.
 * Once the build is done, the images of the published entries are linked (or copied) into dist/og/ and
 * cached images that no entry shows any more are removed. Workers write each image under a temporary
 * name in the cache folder and rename it when complete, so a failed build leaves nothing in the
 * system's temp folder and no half-written image in the cache.
 */
import type { AstroIntegrationLogger } from 'astro';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { copyFile, link } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCollection } from '../lib/content-files';
import { sharePath } from '../lib/paths';
import { entryShareImage, type ShareImageJob } from '../lib/share-image';
import { plainTexts } from '../lib/plain-texts';
import type { PlainTextReport, ShareImageReport, ShareImageTask } from './share-image-worker';

/** What the site's own share image says. */
export interface ShareImageOptions {
  title: string;
  tagline: string;
}

/** The cache's subfolder of Astro's cacheDir. */
const CACHE_FOLDER = 'share-images';
/** The site's own image (og/site.png). */
const SITE_IMAGE = 'site';

/** The share images of a project's published entries (see entryShareImage). */
export function entryImages(root: string, site: string): ShareImageJob[] {
  return listCollection(root, 'entries').files.flatMap((file) => entryShareImage(join(root, file), site) ?? []);
}

/** A drawing under way. */
export interface ShareImageRun {
  /** Resolves once every missing image is drawn: each image's name (entry id or "site") with its cache key, how many were drawn and the time it took (ms). */
  done: Promise<{ keys: Map<string, string>; drawn: number; ms: number }>;
  cacheDir: string;
}

/** The drawing code, and the worker process that runs it. */
const RENDERER = ['../lib/share-image.ts', '../lib/share-image-draw.ts'].map((f) => new URL(f, import.meta.url));
const WORKER = new URL('./share-image-worker.ts', import.meta.url);

/** The npm packages that draw: their versions are part of the renderer's. */
const DRAWING_PACKAGES = ['@resvg/resvg-js', 'harfbuzzjs', 'dejavu-fonts-ttf'];

/**
 * The version of the renderer that the cache keys include: the drawing code and the versions of
 * resvg, HarfBuzz and the fonts, so a change to any of them draws every image again.
 */
export function rendererVersion(): string {
  const versions = DRAWING_PACKAGES.map((name) => `${name}@${packageVersion(name)}`);
  return [...versions, ...RENDERER.map((file) => readFileSync(file, 'utf8'))].join('\n');
}

/** An installed package's version: its package.json, or the one above its entry point where it does not export it. */
function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    for (let dir = dirname(require.resolve(name)); dirname(dir) !== dir; dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      const json = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string })
        : {};
      if (json.name === name && json.version) return json.version;
    }
    throw new Error(`the version of ${name} could not be found`);
  }
}

/**
 * The command prefix that runs a worker only when a core would otherwise be idle: Linux's SCHED_IDLE
 * policy (`chrt --idle 0`) where util-linux has it and the system allows it, else the lowest `nice`
 * priority, else nothing. With `nice` alone, the workers still took time from Astro's bundler
 * threads: about a second of a 1,000-entry build's wall time on two cores; with SCHED_IDLE a clean
 * build takes as long as one whose images all come from the cache. Tried once per process.
 */
function lowPriority(): string[] {
  priority ??=
    [
      ['/usr/bin/chrt', '--idle', '0'],
      ['/usr/bin/nice', '-n', '19'],
    ].find((prefix) => existsSync(prefix[0]!) && spawnSync(prefix[0]!, [...prefix.slice(1), 'true']).status === 0) ??
    [];
  return priority;
}
let priority: string[] | undefined;

/** Starts drawing the share images of a project's entries missing from the cache (<cacheDir>/share-images/). */
export function startShareImages(root: string, cacheRoot: string, options: ShareImageOptions): ShareImageRun {
  const started = performance.now();
  const cacheDir = join(cacheRoot, CACHE_FOLDER);
  mkdirSync(cacheDir, { recursive: true });
  // Leftovers of a build that was stopped while drawing.
  for (const name of readdirSync(cacheDir)) if (name.endsWith('.tmp')) rmSync(join(cacheDir, name), { force: true });
  const entries = listCollection(root, 'entries').files;
  const actors = listCollection(root, 'actors').files;
  const workers = Math.max(1, Math.min(availableParallelism(), Math.ceil(entries.length / 50)));
  // Texts of an earlier build in this process are not this build's.
  const texts = plainTexts();
  texts.clear();
  const renderer = rendererVersion();
  const siteImage = { file: SITE_IMAGE, site: options.title, title: options.tagline };
  const tasks = Array.from({ length: workers }, (_, w): ShareImageTask => ({
    root,
    entries: entries.filter((_, i) => i % workers === w),
    actors: actors.filter((_, i) => i % workers === w),
    extra: w === 0 ? [siteImage] : [],
    site: options.title,
    renderer,
    cacheDir,
  }));
  const script = fileURLToPath(WORKER);
  const draw = (task: ShareImageTask) =>
    new Promise<ShareImageReport>((resolve, reject) => {
      const [command, ...args] = [...lowPriority(), process.execPath, script];
      const child = spawn(command!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      // Bytes, decoded once whole: a chunk may end inside a character (Cyrillic in the texts), and
      // searching the text received so far for each chunk's line end would scan megabytes each time.
      const out: Buffer[] = [];
      let textsRead = false;
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out.push(chunk);
        // The first line is the plain texts, printed before any image is drawn.
        const end = textsRead ? -1 : chunk.indexOf(0x0a);
        if (end < 0) return;
        textsRead = true;
        const received = Buffer.concat(out);
        const lineEnd = received.length - chunk.length + end;
        out.splice(0, out.length, received.subarray(lineEnd + 1));
        try {
          const report = JSON.parse(received.subarray(0, lineEnd).toString('utf8')) as PlainTextReport;
          for (const [file, text] of report.texts) texts.set(file, text);
        } catch {
          // Not worth failing for: the pages work the texts out themselves.
        }
      });
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', (error) => reject(new Error(`share images could not be drawn: ${error.message}`)));
      child.once('close', (code) => {
        if (code === 0) resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as ShareImageReport);
        else reject(new Error(`share images could not be drawn (exit code ${code}):\n${stderr}`));
      });
      // A worker that dies early is reported by its exit code and output, not by a write error here.
      child.stdin.on('error', () => {});
      child.stdin.end(JSON.stringify(task));
    });
  const done = Promise.all(tasks.map(draw)).then((reports) => ({
    keys: new Map(reports.flatMap((r) => r.keys)),
    drawn: reports.reduce((n, r) => n + r.drawn, 0),
    ms: performance.now() - started,
  }));
  // Failures are reported when the build awaits the images; never as an unhandled rejection before.
  done.catch(() => {});
  return { done, cacheDir };
}

/**
 * Waits for the drawing, copies the images of the published entries (and the site's) into dist/og/,
 * and removes cached images that this build did not use.
 */
export async function finishShareImages(run: ShareImageRun, dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const waited = performance.now();
  const { keys, drawn, ms } = await run.done;
  const waiting = performance.now() - waited;
  const dist = fileURLToPath(dir);
  mkdirSync(dirname(join(dist, sharePath())), { recursive: true });
  const published = existsSync(join(dist, 'entries')) ? readdirSync(join(dist, 'entries')) : [];
  // A hard link where the file system allows it (no copying), a copy otherwise; asynchronous, so Pagefind's
  // indexing goes on meanwhile.
  await Promise.all(
    [SITE_IMAGE, ...published].map(async (name) => {
      const key = keys.get(name);
      const from = join(run.cacheDir, `${key}.png`);
      if (!key || !existsSync(from)) throw new Error(`no share image was drawn for ${name}`);
      const to = join(dist, sharePath(name));
      await link(from, to).catch(() => copyFile(from, to));
    }),
  );
  const used = new Set([...keys.values()].map((key) => `${key}.png`));
  for (const name of readdirSync(run.cacheDir)) if (!used.has(name)) rmSync(join(run.cacheDir, name), { force: true });
  const cached = keys.size - drawn;
  logger.info(
    `drew ${drawn} share images in ${Math.round(ms)} ms, alongside the build (waited ${Math.round(waiting)} ms for them), ${cached} from the cache`,
  );
}
