/**
 * A worker process of the share-image drawing (run at low priority by share-images.ts). Its task comes
 * as JSON on standard input: entry files, extra images, the site name, the renderer's version and the
 * cache folder. It reads each entry's frontmatter, works out its image's cache key, draws the images the
 * cache lacks (under a temporary name, renamed once complete) and prints, as JSON, each image's key and
 * how many it drew. Run by Node itself (type stripping), so it imports only npm packages and modules
 * that import only npm packages.
 *   node share-image-worker.ts < task.json
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const task = JSON.parse(readFileSync(0, 'utf8')) as ShareImageTask;
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
  report.drawn++;
}
process.stdout.write(JSON.stringify(report));
