/**
 * A worker process of the share-image drawing (run at low priority by share-images.ts). Its task comes
 * as JSON on standard input: entry files, extra images, the site name, the renderer's version and the
 * cache folder. It reads each entry's frontmatter, works out its image's cache key, draws the images the
 * cache lacks (under a temporary name, renamed once complete) and prints, as JSON, each image's key and
 * how many it drew. Before drawing, it turns the bodies of its share of the story's files (entries and
 * actors) into plain text and prints them, as a first JSON line, for the build's feeds and open data
 * (see plain-texts.ts). Run by Node itself (type stripping), so it imports only npm packages and modules
 * that import only npm packages.
 *   node share-image-worker.ts < task.json
 *
 * It sets text as glyph outlines (share-image-draw.ts), so resvg never loads a font: with fonts, resvg
 * held on to about 1.5 MB for every image it drew, for the life of the process (a worker that drew
 * 2,500 images grew to 7 GB), and without them a worker stays at a few hundred MB however many images
 * it draws.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { markdownBody, markdownToText } from '../lib/markdown-to-text.ts';
import { drawShareImage } from '../lib/share-image-draw.ts';
import { entryShareImage, shareImageKey, type ShareImageJob } from '../lib/share-image.ts';

/** What a worker is asked to do. */
export interface ShareImageTask {
  /** The project's root: the files below are relative to it. */
  root: string;
  /** Entry files: their bodies turned into plain text first, then their share images drawn. */
  entries: string[];
  /** Actor files: their bodies turned into plain text. */
  actors: string[];
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

/** Draws a task's missing images. */
async function draw(task: ShareImageTask): Promise<ShareImageReport> {
  const report: ShareImageReport = { keys: [], drawn: 0 };
  const entryJobs = task.entries.flatMap((file) => entryShareImage(join(task.root, file), task.site) ?? []);
  const jobs = [...task.extra, ...entryJobs];
  for (const job of jobs) {
    const key = shareImageKey(job, task.renderer);
    report.keys.push([job.file, key]);
    const file = join(task.cacheDir, `${key}.png`);
    if (existsSync(file)) continue;
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, drawShareImage(job));
    renameSync(partial, file);
    // Let Node free the pixel buffers of the images drawn so far (their finalizers run between tasks).
    if (++report.drawn % 20 === 0) await setImmediate();
  }
  return report;
}

/** What a worker prints first: the plain text of the body of each of its entries and actors. */
export interface PlainTextReport {
  texts: [string, string][];
}

/** The plain text of each file's body; a file that cannot be read is left out (the checks report it). */
function textsOf(task: ShareImageTask): PlainTextReport {
  return {
    texts: [...task.entries, ...task.actors].flatMap((file): [string, string][] => {
      try {
        return [[file, markdownToText(markdownBody(readFileSync(join(task.root, file), 'utf8')))]];
      } catch {
        return [];
      }
    }),
  };
}

// Read as a stream (readFileSync(0) on a pipe fails with EAGAIN when the task, half a megabyte at
// 5,000 entries, has not all arrived yet), as bytes decoded once whole (a chunk may end inside a
// character).
const input: Buffer[] = [];
for await (const chunk of process.stdin) input.push(chunk as Buffer);
const task = JSON.parse(Buffer.concat(input).toString('utf8')) as ShareImageTask;
process.stdout.write(`${JSON.stringify(textsOf(task))}\n`);
process.stdout.write(JSON.stringify(await draw(task)));
