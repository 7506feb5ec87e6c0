/**
 * The share image of a page (800×420, for Open Graph and Twitter cards): which pages have one, its
 * cache key and its layout (the site name, the title and the date on the site's colours). It is drawn
 * by share-image-draw.ts in the share-images worker processes. Imports only npm packages and modules
 * that import only npm packages (with .ts extensions), so those processes run it on Node.
 */
import yaml from 'js-yaml';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { idFromPath } from './content-files.ts';
import { dayFromUtcDate, formatEventDate } from './dates.ts';

/** One image to draw: its file name under og/ and what it shows. */
export interface ShareImageJob {
  file: string;
  site: string;
  title: string;
  date?: string;
}

/** A frontmatter date as YAML gives it (a Date for a bare 2025-05-16, or text) as a calendar day. */
const day = (v: unknown) => (v instanceof Date ? dayFromUtcDate(v) : typeof v === 'string' ? v : undefined);

/**
 * The share image of an entry file that will be published (not a draft, with a title and a date), read
 * from its frontmatter alone; undefined for any other file. A file whose frontmatter cannot be read gets
 * no image here: the content checks report it and fail the build.
 */
export function entryShareImage(path: string, site: string): ShareImageJob | undefined {
  try {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'))?.[1];
    const data = front ? (yaml.load(front) as Record<string, unknown>) : undefined;
    const date = day(data?.date);
    if (!data || data.draft === true || typeof data.title !== 'string' || !date) return undefined;
    const shown = formatEventDate({
      date,
      endDate: day(data.endDate),
      datePrecision: data.datePrecision === 'month' ? 'month' : 'day',
      time: typeof data.time === 'string' ? data.time : undefined,
      timeZone: typeof data.timeZone === 'string' ? data.timeZone : undefined,
    });
    return { file: idFromPath(path), site, title: data.title, date: shown.text };
  } catch {
    return undefined;
  }
}

/**
 * The cache key of a share image: a hash of everything the image shows and of the renderer's version,
 * so that the same key always means the same picture.
 */
export function shareImageKey(job: ShareImageJob, renderer: string): string {
  const shown = [job.site, job.title, job.date ?? '', renderer];
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 32);
}

/**
 * Width and height of share images: 800×420, the 1.91:1 shape of link previews, above the 600×315
 * that Facebook and X need for a large preview. (Drawn on a 1200×630 canvas and scaled: at full size,
 * drawing cost about 10 ms an image, which alone would break the build budget at 1,000 entries.)
 */
export const SHARE_SIZE = { width: 800, height: 420 } as const;

/** Breaks text into at most `maxLines` lines of about `perLine` characters, with "…" if it is cut. */
export function wrap(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && (current + ' ' + word).length > perLine) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s,;:.–-]+\S*$/, '')}…`;
  return kept;
}

/** A line of text on a share image: where its baseline starts, its size, weight and colour. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  fill: string;
}

/** What a share image shows, laid out on its 1200×630 canvas: coloured rectangles, then lines of text. */
export interface ShareLayout {
  width: number;
  height: number;
  rects: { x: number; y: number; width: number; height: number; fill: string }[];
  texts: TextRun[];
}

/** The layout of a share image: the site name, the title (wrapped) and the date. */
export function shareLayout(opts: { site: string; title: string; date?: string }): ShareLayout {
  const size = opts.title.length > 90 ? 52 : 62;
  const lines = wrap(opts.title, Math.floor(1040 / (size * 0.6)), 5);
  const top = 190;
  const below = top + lines.length * size * 1.2 + 30;
  const text = (text: string, y: number, size: number, bold: boolean, fill: string): TextRun => ({
    text,
    x: 80,
    y,
    size,
    bold,
    fill,
  });
  return {
    width: 1200,
    height: 630,
    rects: [
      { x: 0, y: 0, width: 1200, height: 630, fill: '#1f4e79' },
      { x: 0, y: 600, width: 1200, height: 30, fill: '#f2c14e' },
    ],
    texts: [
      text(opts.site, 110, 34, true, '#f2c14e'),
      ...lines.map((l, i) => text(l, top + i * size * 1.2, size, true, '#ffffff')),
      ...(opts.date ? [text(opts.date, below, 40, false, '#f2c14e')] : []),
    ],
  };
}
