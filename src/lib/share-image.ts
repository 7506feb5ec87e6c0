/**
 * The share image of a page (1200×630, for Open Graph and Twitter cards): the site name, the title
 * and the date on the site's colours, drawn as SVG and rasterised at build time with resvg and the
 * DejaVu fonts from npm. No external service, no network.
 */
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';

/** Width and height of share images. */
export const SHARE_SIZE = { width: 1200, height: 630 } as const;

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
  const title = lines.map((l, i) => `<text x="80" y="${top + i * size * 1.2}" font-size="${size}" font-weight="bold" fill="#ffffff">${esc(l)}</text>`).join('');
  const below = top + lines.length * size * 1.2 + 30;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_SIZE.width}" height="${SHARE_SIZE.height}" viewBox="0 0 1200 630">`,
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

/** Rasterises a share image's SVG to PNG. */
export function renderPng(svg: string): Uint8Array {
  const require = createRequire(import.meta.url);
  fonts ??= ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
  const resvg = new Resvg(svg, { font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}
