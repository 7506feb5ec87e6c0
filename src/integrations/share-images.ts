/**
 * Share images (og/<entry id>.png and og/site.png) are drawn from the entry files by worker processes
 * at the lowest CPU priority while Astro builds the pages, so they use the time its build leaves a
 * core idle and never slow it down; once the build is done, the images of the published entries are
 * moved into dist/og/. (Drawn as pages they cost about 11 ms an entry on the build's critical path.)
 */
import type { AstroIntegrationLogger } from 'astro';
import { availableParallelism, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { ShareImageJob } from '../lib/share-image';
import { listCollection } from '../lib/content-files';
import { sharePath } from '../lib/paths';

/** What the site's own share image says. */
export interface ShareImageOptions {
  title: string;
  tagline: string;
}

/** Entries a worker process draws before it exits. */
const BATCH = 100;

/** Starts drawing every entry's share image into a temporary folder; resolves to that folder. */
export function startShareImages(root: string, options: ShareImageOptions): { done: Promise<string>; started: number } {
  const started = performance.now();
  const outDir = mkdtempSync(join(tmpdir(), 'share-images-'));
  const files = listCollection(root, 'entries').files.map((f) => join(root, f));
  const siteImage: ShareImageJob = { file: 'site.png', site: options.title, title: options.tagline };
  const batches = Array.from({ length: Math.max(1, Math.ceil(files.length / BATCH)) }, (_, i) =>
    files.slice(i * BATCH, (i + 1) * BATCH),
  );
  const threads = Math.max(1, Math.min(availableParallelism(), batches.length));
  const script = join(root, 'src/integrations/share-image-worker.ts');
  const nice = existsSync('/usr/bin/nice') ? '/usr/bin/nice' : undefined;
  const draw = (batch: string[], extra: ShareImageJob[], i: number) =>
    new Promise<void>((resolve, reject) => {
      const task = join(outDir, `task-${i}.json`);
      writeFileSync(task, JSON.stringify({ files: batch, extra, outDir, site: options.title }));
      const args = [process.execPath, script, task];
      const child = nice
        ? spawn(nice, ['-n', '19', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
        : spawn(args[0]!, args.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', (error) => reject(new Error(`share images could not be drawn: ${error.message}`)));
      child.once('exit', (code) => {
        rmSync(task, { force: true });
        if (code === 0) resolve();
        else reject(new Error(`share images could not be drawn (exit code ${code}):\n${stderr}`));
      });
    });
  let next = 0;
  const done = Promise.all(
    Array.from({ length: threads }, async () => {
      while (next < batches.length) {
        const i = next++;
        await draw(batches[i]!, i === 0 ? [siteImage] : [], i);
      }
    }),
  ).then(() => outDir);
  // Failures are reported when the build awaits the images; never as an unhandled rejection before.
  done.catch(() => {});
  return { done, started };
}

/** Waits for the drawing, then moves the images of the published entries (and the site's) into dist/og/. */
export async function finishShareImages(
  job: { done: Promise<string>; started: number },
  dir: URL,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const outDir = await job.done;
  const dist = fileURLToPath(dir);
  mkdirSync(dirname(join(dist, sharePath())), { recursive: true });
  const published = existsSync(join(dist, 'entries')) ? readdirSync(join(dist, 'entries')) : [];
  let moved = 0;
  for (const name of ['site', ...published]) {
    const from = join(outDir, `${name}.png`);
    if (!existsSync(from)) throw new Error(`no share image was drawn for ${name}`);
    try {
      renameSync(from, join(dist, sharePath(name)));
    } catch {
      copyFileSync(from, join(dist, sharePath(name)));
    }
    moved++;
  }
  rmSync(outDir, { recursive: true, force: true });
  logger.info(`drew ${moved} share images in ${Math.round(performance.now() - job.started)} ms (alongside the build)`);
}
