import { describe, expect, it } from 'vitest';
import { absoluteUrl, actorFeedPath, actorPath, datePath, entryPath, sharePath, withBase } from '../../src/lib/paths';
import site from '../../src/site.config';
import { formatPlace, plural } from '../../src/lib/labels';

describe('withBase', () => {
  it.each([
    ['/', '', '/'],
    ['/', 'entries/a/', '/entries/a/'],
    ['/', '/about/', '/about/'],
    ['/some-path/', 'entries/a/', '/some-path/entries/a/'],
    ['/some-path', 'entries/a/', '/some-path/entries/a/'],
    ['/some-path', '', '/some-path/'],
    ['/a/b/', '/favicon.svg', '/a/b/favicon.svg'],
  ])('joins %s and %s', (base, path, expected) => expect(withBase(base, path)).toBe(expected));
});

describe('page paths', () => {
  it('builds entry, actor and date paths', () => {
    expect(entryPath('2025-05-16-istanbul')).toBe('entries/2025-05-16-istanbul/');
    expect(actorPath('rustem-umerov')).toBe('actors/rustem-umerov/');
    expect(datePath(2025)).toBe('dates/2025/');
    expect(datePath(2025, 5)).toBe('dates/2025/05/');
    expect(actorFeedPath('rustem-umerov')).toBe('actors/rustem-umerov/rss.xml');
    expect(sharePath('2025-05-16-istanbul')).toBe('og/2025-05-16-istanbul.png');
    expect(sharePath()).toBe('og/site.png');
  });
  it('makes absolute URLs on the configured site', () => {
    expect(absoluteUrl()).toBe(`${site.site}/`);
    expect(absoluteUrl(entryPath('a'))).toBe(`${site.site}/entries/a/`);
  });
});

describe('format helpers', () => {
  it('formats places and counts', () => {
    expect(formatPlace({ venue: 'Dolmabahçe Palace', city: 'Istanbul', country: 'Türkiye' })).toBe(
      'Dolmabahçe Palace, Istanbul, Türkiye',
    );
    expect(formatPlace({ city: 'Riyadh' })).toBe('Riyadh');
    expect(formatPlace(undefined)).toBe('');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(3, 'event')).toBe('3 events');
  });
});
