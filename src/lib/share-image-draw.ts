/**
 * Draws a share image (see share-image.ts for its layout) as a PNG, at build time, with no external
 * service and no network: the text is set with HarfBuzz (harfbuzzjs) and the DejaVu fonts from npm,
 * and the picture is rasterised with resvg.
 *
 * Text goes to resvg as glyph outlines, not as <text>. resvg would shape every line and read every
 * glyph's outline again for each image, which was half of an image's drawing time; here each line is
 * shaped by HarfBuzz (the shaper that resvg's own is ported from: kerning, marks, Cyrillic) and each
 * glyph's outline is read once per process and kept. The pixels are the same as resvg's own text
 * rendering; a unit test compares the two.
 *
 * Run only in the share-images worker processes (on Node, so it imports only npm packages and modules
 * with .ts extensions); harfbuzzjs loads its WebAssembly when imported.
 */
import { Resvg } from '@resvg/resvg-js';
import * as hb from 'harfbuzzjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import { SHARE_SIZE, shareLayout, type ShareImageJob, type ShareLayout, type TextRun } from './share-image.ts';

/** The font files, regular and bold (resolved from the dejavu-fonts-ttf package). */
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
  createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${f}`),
);

/** A font as HarfBuzz shapes with it, and the outlines of its glyphs read so far (SVG path data, font units, y up). */
interface Font {
  font: hb.Font;
  upem: number;
  outlines: Map<number, string>;
}

let fonts: Font[] | undefined;

/** The regular (0) or bold (1) font, loaded on first use. */
function font(bold: boolean): Font {
  fonts ??= FONT_FILES.map((file) => {
    const face = new hb.Face(new hb.Blob(readFileSync(file)));
    return { font: new hb.Font(face), upem: face.upem, outlines: new Map() };
  });
  return fonts[bold ? 1 : 0]!;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A line of text as SVG glyph outlines: shaped by HarfBuzz, each glyph placed at its pen position in
 * font units, in a group that scales font units to the text size (y flipped) at the line's baseline.
 * Glyphs used more than once in an image are defined once (in `defs`, keyed by weight and glyph id).
 */
function glyphLine(run: TextRun, defs: Map<string, string>): string {
  const f = font(run.bold);
  const buffer = new hb.Buffer();
  buffer.addText(run.text);
  buffer.guessSegmentProperties();
  hb.shape(f.font, buffer);
  const glyphs = buffer.getGlyphInfosAndPositions();
  const uses: string[] = [];
  let pen = 0;
  for (const glyph of glyphs) {
    const gid = glyph.codepoint;
    let outline = f.outlines.get(gid);
    if (outline === undefined) f.outlines.set(gid, (outline = f.font.glyphToPath(gid)));
    const id = `${run.bold ? 'b' : 'r'}${gid}`;
    if (outline) {
      defs.set(id, outline);
      uses.push(`<use href="#${id}" x="${pen + (glyph.xOffset ?? 0)}" y="${-(glyph.yOffset ?? 0)}"/>`);
    }
    pen += glyph.xAdvance ?? 0;
  }
  const scale = run.size / f.upem;
  return `<g fill="${run.fill}" transform="matrix(${scale} 0 0 ${-scale} ${run.x} ${run.y})">${uses.join('')}</g>`;
}

/** A line of text as an SVG <text> element, for resvg to shape itself (what the tests compare against). */
function textLine(run: TextRun): string {
  const weight = run.bold ? ' font-weight="bold"' : '';
  return `<text x="${run.x}" y="${run.y}" font-size="${run.size}"${weight} fill="${run.fill}">${esc(run.text)}</text>`;
}

/** The SVG of a layout, its text as glyph outlines (what is drawn) or as <text> (to compare with resvg's own). */
export function layoutSvg(layout: ShareLayout, text: 'glyphs' | 'text' = 'glyphs'): string {
  const defs = new Map<string, string>();
  const lines = layout.texts.map((run) => (text === 'glyphs' ? glyphLine(run, defs) : textLine(run)));
  const rects = layout.rects.map(
    (r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${r.fill}"/>`,
  );
  const defined = [...defs].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    defined ? `<defs>${defined}</defs>` : '',
    ...rects,
    ...lines,
    '</svg>',
  ].join('');
}

/** Rasterises an SVG at the share-image size: RGBA pixels. `fonts` only for SVG with <text>. */
export function rasterise(svg: string, withFonts = false): { pixels: Buffer; width: number; height: number } {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: SHARE_SIZE.width },
    font: withFonts
      ? { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }
      : { loadSystemFonts: false },
  }).render();
  return { pixels: image.pixels, width: image.width, height: image.height };
}

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

/** Draws a share image as a PNG. */
export function drawShareImage(job: ShareImageJob): Buffer {
  const { pixels, width, height } = rasterise(layoutSvg(shareLayout(job)));
  return encodePng(pixels, width, height);
}
