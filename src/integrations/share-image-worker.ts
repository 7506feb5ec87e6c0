/**
 * A worker process of the share-image drawing (run at low priority by share-images.ts): reads the
 * entry files of its task (their frontmatter only) and draws each published entry's image into the
 * task's folder. Run by Node itself (type stripping), so it imports only npm packages and modules
 * that import only npm packages.
 *   node share-image-worker.ts <task.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { idFromPath } from '../lib/content-files.ts';
import { formatEventDate } from '../lib/dates.ts';
import { renderPng, shareSvg, type ShareImageJob } from '../lib/share-image.ts';

interface Task {
  files: string[];
  extra: ShareImageJob[];
  outDir: string;
  site: string;
}

const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : undefined);

const { files, extra, outDir, site } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Task;
for (const job of extra) writeFileSync(join(outDir, job.file), renderPng(shareSvg(job)));
for (const file of files) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))?.[1];
  const data = front ? (yaml.load(front) as Record<string, unknown>) : undefined;
  const date = day(data?.date);
  if (!data || data.draft === true || typeof data.title !== 'string' || !date) continue;
  const shown = formatEventDate({
    date,
    endDate: day(data.endDate),
    datePrecision: data.datePrecision === 'month' ? 'month' : 'day',
    time: typeof data.time === 'string' ? data.time : undefined,
    timeZone: typeof data.timeZone === 'string' ? data.timeZone : undefined,
  });
  const id = idFromPath(file);
  writeFileSync(join(outDir, `${id}.png`), renderPng(shareSvg({ site, title: data.title, date: shown.text })));
}
