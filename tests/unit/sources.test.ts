/** Sources as a reader judges them: outlet, kind, domain, and the order best first. */
import { describe, expect, it } from 'vitest';
import { orderSources, sourceDomain, sourceKind, sourceLine, sourceOutlet } from '../../src/lib/sources';
import type { Source } from '../../src/lib/schema';

const s = (outlet: string, extra: Partial<Source> = {}): Source => ({
  outlet,
  url: `https://www.${outlet.toLowerCase()}.org/a`,
  ...extra,
});

describe('sources', () => {
  it.each<[Source, string, string]>([
    [s('Reuters'), 'Reuters', 'original'],
    [s('Shine', { original: 'AP' }), 'AP, via Shine', 'copy'],
    [s('Kremlin', { kind: 'official' }), 'Kremlin', 'official'],
    [s('Digest', { kind: 'aggregator', original: 'AFP' }), 'AFP, via Digest', 'aggregator'],
  ])('names %j as %s, of kind %s', (source, outlet, kind) => {
    expect(sourceOutlet(source)).toBe(outlet);
    expect(sourceKind(source)).toBe(kind);
  });

  it('orders sources best first, and keeps the editor’s order within a kind', () => {
    const list = [
      s('Digest', { kind: 'aggregator' }),
      s('Shine', { original: 'AP' }),
      s('Reuters'),
      s('Kremlin', { kind: 'official' }),
      s('BBC'),
    ];
    expect(orderSources(list).map((x) => x.outlet)).toEqual(['Reuters', 'Kremlin', 'BBC', 'Shine', 'Digest']);
  });

  it('shows a source by headline or outlet, never by its address', () => {
    expect(sourceDomain({ url: 'https://www.cnewslive.com/x?y' })).toBe('cnewslive.com');
    expect(sourceLine(s('Shine', { original: 'AP', published: '2025-05-16' }))).toEqual({
      url: 'https://www.shine.org/a',
      text: 'AP, via Shine',
      titled: false,
      details: [],
      published: { datetime: '2025-05-16', text: '16 May 2025' },
      domain: 'shine.org',
    });
    expect(
      sourceLine(s('Digest', { kind: 'aggregator', title: 'Talks end', archive: 'https://archive.example/x' })),
    ).toEqual({
      url: 'https://www.digest.org/a',
      text: 'Talks end',
      titled: true,
      details: ['Digest', 'aggregator'],
      domain: 'digest.org',
      archive: 'https://archive.example/x',
    });
  });
});
