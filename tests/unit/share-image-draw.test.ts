import { describe, expect, it } from 'vitest';
import { rendererVersion } from '../../src/integrations/share-images';
import { drawShareImage, layoutSvg, rasterise } from '../../src/lib/share-image-draw';
import { SHARE_SIZE, shareLayout } from '../../src/lib/share-image';

/** Titles that exercise the shaper: kerning pairs, marks and precomposed letters, Cyrillic, punctuation, wrapping. */
const pictures = [
  { site: 'Peace Talks Timeline', title: 'Talks in Istanbul', date: '16 May 2025' },
  {
    site: 'Peace Talks Timeline',
    title: 'AVA “To” Wave: Erdoğan hosts Зеленський and Мединский — Yalta, “Týr” & <Ünal>',
    date: '1–3 February 2025, 09:30 GMT+3',
  },
  {
    site: 'A story with a very long name',
    title:
      'Negotiators meet for a further round of technical talks on a ceasefire at sea, prisoner exchanges and the return of children, and agree to meet again within a month',
  },
];

describe('share images', () => {
  it('draw text as glyph outlines with the same pixels as resvg setting the text itself', () => {
    for (const picture of pictures) {
      const layout = shareLayout(picture);
      const glyphs = rasterise(layoutSvg(layout, 'glyphs'));
      const text = rasterise(layoutSvg(layout, 'text'), true);
      expect(glyphs.width).toBe(SHARE_SIZE.width);
      expect(glyphs.height).toBe(SHARE_SIZE.height);
      // The text is really there: the title's lines change the picture.
      expect(glyphs.pixels.equals(rasterise(layoutSvg({ ...layout, texts: [] })).pixels)).toBe(false);
      expect(glyphs.pixels.equals(text.pixels)).toBe(true);
    }
  });

  it('are PNG files of the share size', () => {
    const png = drawShareImage({ file: 'x', ...pictures[0]! });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([SHARE_SIZE.width, SHARE_SIZE.height]);
  });

  it('escape nothing into the SVG: the text is outlines, the SVG has no text', () => {
    expect(layoutSvg(shareLayout(pictures[1]!))).not.toMatch(/<text|Erdoğan|&lt;/);
  });

  it('are drawn by a renderer whose version names the drawing packages', () => {
    expect(rendererVersion()).toMatch(/^@resvg\/resvg-js@\d+\.\d+\.\d+\nharfbuzzjs@\d+\.\d+\.\d+\ndejavu-fonts-ttf@\d/);
  });
});
