/**
 * The share image of a page (800×420, for Open Graph and Twitter cards): the site name, the title
 * and the date on the site's colours, drawn as SVG and rasterised at build time with resvg and the
 * DejaVu fonts from npm. No external service, no network. Imports only npm packages and modules that
 * import only npm packages (with .ts extensions), so the share-images worker processes run it on Node.
 */
import { Resvg } from '@resvg/resvg-js';
import yaml from 'js-yaml';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { idFromPath } from './content-files.ts';
import { dayFromUtcDate, formatEventDate } from './dates.ts';
import { crc32, deflateSync } from 'node:zlib';

/** One image to draw: its file name under og/ and what it shows. */
export interface ShareImageJob {
  file: string;
  site: string;
  title: string;
  date?: string;
  kicker?: string;
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
  const shown = [job.site, job.title, job.date ?? '', job.kicker ?? '', renderer];
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 32);
}

/**
 * Width and height of share images: 800×420, the 1.91:1 shape of link previews, above the 600×315
 * that Facebook and X need for a large preview. (Drawn on a 1200×630 canvas and scaled: at full size,
 * drawing cost about 10 ms an image, which alone would break the build budget at 1,000 entries.)
 */
export const SHARE_SIZE = { width: 800, height: 420 } as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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

/** The SVG of a share image. */
export function shareSvg(opts: { site: string; title: string; date?: string; kicker?: string }): string {
  const size = opts.title.length > 90 ? 52 : 62;
  const lines = wrap(opts.title, Math.floor(1040 / (size * 0.6)), 5);
  const top = 190;
  const title = lines
    .map(
      (l, i) =>
        `<text x="80" y="${top + i * size * 1.2}" font-size="${size}" font-weight="bold" fill="#ffffff">${esc(l)}</text>`,
    )
    .join('');
  const below = top + lines.length * size * 1.2 + 30;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">',
    '<rect width="1200" height="630" fill="#1f4e79"/>',
    '<rect x="0" y="600" width="1200" height="30" fill="#f2c14e"/>',
    `<text x="80" y="110" font-size="34" font-weight="bold" fill="#f2c14e">${esc(opts.site)}</text>`,
    opts.kicker ? `<text x="80" y="150" font-size="26" fill="#d9e6f2">${esc(opts.kicker)}</text>` : '',
    title,
    opts.date ? `<text x="80" y="${below}" font-size="40" fill="#f2c14e">${esc(opts.date)}</text>` : '',
    '</svg>',
  ].join('');
}

let fonts: string[] | undefined;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([head, body, crc]);
}

/**
 * Encodes RGBA pixels as a PNG. zlib at level 3 with no row filters: about three times faster than
 * resvg's own encoder for these flat images, for files about half again as large (some 30 kB).
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  const src = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) src.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rasterises a share image's SVG to PNG. */
export function renderPng(svg: string): Buffer {
  const require = createRequire(import.meta.url);
  fonts ??= ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: SHARE_SIZE.width },
    font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  }).render();
  return encodePng(image.pixels, image.width, image.height);
}
