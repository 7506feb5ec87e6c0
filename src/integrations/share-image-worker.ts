/**
 * A worker process of the share-image drawing (run at low priority by share-images.ts). Its task comes
 * as JSON on standard input: entry files, extra images, the site name, the renderer's version and the
 * cache folder. It reads each entry's frontmatter, works out its image's cache key, draws the images the
 * cache lacks (under a temporary name, renamed once complete) and prints, as JSON, each image's key and
 * how many it drew. Run by Node itself (type stripping), so it imports only npm packages and modules
 * that import only npm packages.
 *   node share-image-worker.ts < task.json
 *
 * resvg holds on to about 1.5 MB outside the JavaScript heap for every image it draws, for as long as
 * the process lives (its font database, among others), so a process that drew 2,500 images grew to
 * 7 GB. The worker therefore hands its files to a child process of its own (the same script with
 * --chunk) CHUNK at a time, one after the other, and only merges their reports: no process grows past
 * a few hundred MB, and starting a child from this small process is cheap (unlike from Astro's).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { entryShareImage, renderPng, shareImageKey, shareSvg, type ShareImageJob } from '../lib/share-image.ts';

/** What a worker is asked to do. */
export interface ShareImageTask {
  files: string[];
  extra: ShareImageJob[];
  site: string;
  renderer: string;
  cacheDir: string;
}

/** What a worker did: each image's name (entry id or "site") with its key, and how many it drew. */
export interface ShareImageReport {
  keys: [string, string][];
  drawn: number;
}

/** Entry files a child process reads and draws. */
const CHUNK = 200;

/** Draws a task's missing images in this process. */
async function draw(task: ShareImageTask): Promise<ShareImageReport> {
  const report: ShareImageReport = { keys: [], drawn: 0 };
  const jobs = [...task.extra, ...task.files.flatMap((file) => entryShareImage(file, task.site) ?? [])];
  for (const job of jobs) {
    const key = shareImageKey(job, task.renderer);
    report.keys.push([job.file, key]);
    const file = join(task.cacheDir, `${key}.png`);
    if (existsSync(file)) continue;
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, renderPng(shareSvg(job)));
    renameSync(partial, file);
    // Let Node free the pixel buffers of the images drawn so far (their finalizers run between tasks).
    if (++report.drawn % 20 === 0) await setImmediate();
  }
  return report;
}

/** Splits a task into chunks, each drawn by a child process in turn, and merges their reports. */
function coordinate(task: ShareImageTask): ShareImageReport {
  const report: ShareImageReport = { keys: [], drawn: 0 };
  for (let i = 0; i === 0 || i < task.files.length; i += CHUNK) {
    const chunk = { ...task, files: task.files.slice(i, i + CHUNK), extra: i === 0 ? task.extra : [] };
    const child = spawnSync(process.execPath, [import.meta.filename, '--chunk'], {
      input: JSON.stringify(chunk),
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (child.status !== 0) {
      process.stderr.write(child.stderr || child.error?.message || `exit code ${child.status}`);
      process.exit(1);
    }
    const part = JSON.parse(child.stdout) as ShareImageReport;
    report.keys.push(...part.keys);
    report.drawn += part.drawn;
  }
  return report;
}

const task = JSON.parse(readFileSync(0, 'utf8')) as ShareImageTask;
const report = process.argv.includes('--chunk') ? await draw(task) : coordinate(task);
process.stdout.write(JSON.stringify(report));
