/**
 * Builds the fixture story (a second, fictional story) with the generator, at the root and under a
 * base path given only on the command line, and checks the pages, their content and every link.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, prepareSite, type BuildResult } from '../support/site';
import { findBrokenLinks, readingPages } from '../support/links';
import { loadPagefind, searchUrls, type PagefindApi } from '../support/pagefind-node';
import { MONTH_FILTER, pagefindFilters, parseState } from '../../src/lib/search-state';

const read = (r: BuildResult, path: string) => readFileSync(join(r.dist, path), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the fixture story built at the root', () => {
  let r: BuildResult;
  beforeAll(() => {
    r = buildSite(prepareSite('fixture-root'));
    if (r.status !== 0) throw new Error(`build failed:\n${r.output}`);
  });

  it('has every page type', () => {
    for (const page of [
      'index.html',
      '404.html',
      'about/index.html',
      'actors/index.html',
      'actors/mara-lind/index.html',
      'entries/2020-02-03-first-meeting/index.html',
      'dates/index.html',
      'dates/2020/index.html',
      'dates/2020/05/index.html',
      'corrections/index.html',
      'search/index.html',
      'topics/index.html',
      'topics/tolls/index.html',
      'chapters/index.html',
      'chapters/first-talks/index.html',
    ]) {
      expect(existsSync(join(r.dist, page)), page).toBe(true);
    }
  });

  it('publishes only this story, and no draft', () => {
    const home = read(r, 'index.html');
    expect(home).toContain('<title>Harbour Bridge Dispute</title>');
    expect(home).not.toMatch(/Zelenskyy|Peace Talks Timeline/);
    expect(existsSync(join(r.dist, 'entries/2021-04-02-draft-note'))).toBe(false);
    expect(existsSync(join(r.dist, 'actors/volodymyr-zelenskyy'))).toBe(false);
  });

  it('says on the home and about pages which event is the latest and when the story last changed', () => {
    for (const page of ['index.html', 'about/index.html']) {
      expect(text(read(r, page))).toContain(
        'Latest event: Toll agreement signed ( 20 March 2021 ). Last updated 20 March 2021 .',
      );
    }
  });

  it('shows the story at a glance: an overview, where things stand, the latest events, the chapters, the ways in', () => {
    const home = read(r, 'index.html');
    // A bar per month with events, linking to the month; a band per chapter, linking to the chapter.
    expect(home).toMatch(/<a href="\/dates\/2020\/02\/" aria-label="February 2020: 1 event">/);
    expect(home).toMatch(/<a href="\/chapters\/agreement\/" aria-label="Chapter: Towards an agreement">/);
    const t = text(home);
    expect(t).toContain('5 events from 3 February 2020, 09:30 GMT-8 to 20 March 2021');
    expect(t).toMatch(
      /Latest events 20 March 2021 Toll agreement signed 30 December 2020 – 2 January 2021 Disputed Talks across the new year/,
    );
    expect(t).toContain('Chapters First talks over the bridge 1 January 2020 – 31 December 2020 · 4 events');
    expect(t).toContain('Towards an agreement from 1 January 2021 · 1 event');
    // The full list lives on chapter and year pages: the home page has no timeline of cards.
    expect(home).not.toContain('class="entry-card');
  });

  it('has a page per chapter, with its overview, its events and the chapters around it', () => {
    const t = text(read(r, 'chapters/first-talks/index.html'));
    expect(t).toMatch(/First talks over the bridge 1 January 2020 – 31 December 2020 · 4 events The two towns meet/);
    expect(t).toContain('Events per month in this chapter');
    expect(t).toContain('Mayors meet for the first time');
    expect(t).toContain('Next chapter Towards an agreement');
    expect(text(read(r, 'chapters/index.html'))).toContain('The story in 2 chapters.');
    expect(read(r, 'entries/2020-02-03-first-meeting/index.html')).toContain('href="/chapters/first-talks/"');
  });

  it('renders every date precision, range and local time in <time> elements', () => {
    const home = read(r, 'dates/2020/index.html');
    expect(home).toContain('<time datetime="2020-02-03T09:30-08:00">3 February 2020, 09:30 GMT-8</time>');
    expect(home).toContain('<time datetime="2020-05-14">14</time>–<time datetime="2020-05-15">15 May 2020</time>');
    expect(home).toContain('<time datetime="2020-09">September 2020</time>');
    expect(home).toContain(
      '<time datetime="2020-12-30">30 December 2020</time> – <time datetime="2021-01-02">2 January 2021</time>',
    );
  });

  it('renders an entry in full: GFM, footnotes, sources, related, previous and next', () => {
    const html = read(r, 'entries/2020-02-03-first-meeting/index.html');
    expect(html).toContain('<table>');
    expect(html).toContain('data-footnotes');
    expect(html).toMatch(
      /<a href="https:\/\/news\.example\.org\/mayors-meet" rel="noopener noreferrer"[^>]*>Mayors meet<\/a>/,
    );
    expect(text(html)).toContain('Fixture Gazette · 3 February 2020');
    expect(html).toMatch(/Related[\s\S]*href="\/entries\/2020-05-14-toll-talks\/"/);
    expect(html).toMatch(/rel="next"/);
    expect(html).not.toMatch(/rel="prev"/);
  });

  it('shows an unconfirmed detail quietly, corrections, and sources best first, never as an address', () => {
    const html = read(r, 'entries/2020-05-14-toll-talks/index.html');
    const t = text(html);
    expect(html).toMatch(/<aside class="notice detail-unconfirmed"[^>]*>/);
    expect(t).toContain(
      'Detail unconfirmed Only one outlet reports that the harbour authority attended. What this means',
    );
    expect(html).toContain('href="/about/#how-sure-we-are"');
    // Who, by side, with the part that is not confirmed.
    expect(t).toContain(
      'Who Northport: Mara Lind , Mayor of Northport Harbour Authority (part not confirmed) Southhaven: Tomas Ek , Mayor of Southhaven',
    );
    expect(t).toContain('Last updated 1 June 2020');
    expect(t).toContain('1 June 2020 : An earlier version gave the wrong end date.');
    // The copy of a wire report comes before the aggregator listed first in the file.
    expect(t).toMatch(
      /Listed best first: [^.]*\. How we rate sources Fixture Wire, via Fixture Gazette May 2020 · news\.example\.org Fixture Digest aggregator · digest\.example\.org/,
    );
    const links = [...html.matchAll(/<a href="https:[^"]*"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!.trim());
    expect(links.filter((l) => /^https?:|\.(org|com)$/.test(l))).toEqual([]);
  });

  it('labels a disputed entry on its card, with a link to what it means, and counts sources on every card', () => {
    const year = read(r, 'dates/2020/index.html');
    expect(year).toMatch(/<a class="badge disputed" href="\/about\/#how-sure-we-are">Disputed<\/a>/);
    expect(text(year)).toContain('Talks Disputed 1 source Talks across the new year');
    expect(text(year)).toContain('Talks 2 sources Two days of toll talks');
    expect(text(read(r, 'about/index.html'))).toMatch(
      /How sure we are[\s\S]*Detail unconfirmed[\s\S]*How we rate sources/,
    );
  });

  it("says on an actor's page where their part in an event is not confirmed", () => {
    expect(text(read(r, 'actors/harbour-authority/index.html'))).toContain(
      'Two days of toll talks Delegations of both towns discussed tolls over two days without agreement. Southhaven Harbour Authority’s part in this event is not confirmed.',
    );
  });

  it('has a page per topic, linked from its entries', () => {
    expect(text(read(r, 'topics/index.html'))).toContain('Tolls (2 events) Repairs (2 events)');
    const tolls = read(r, 'topics/tolls/index.html');
    expect(text(tolls)).toContain('2 events, oldest first.');
    expect(tolls).toContain('href="/entries/2020-05-14-toll-talks/"');
    expect(read(r, 'entries/2020-05-14-toll-talks/index.html')).toContain('<a href="/topics/repairs/">Repairs</a>');
  });

  it('shows an actor with aliases, roles, first and last appearance and co-actors', () => {
    const t = text(read(r, 'actors/mara-lind/index.html'));
    expect(t).toContain('Also written: Mara Lindh, Мара Линд');
    // Current roles first, then former ones with their span.
    expect(t).toContain(
      'Roles Current Mayor of Northport (from May 2019 ) Former Deputy mayor of Northport ( 2015 – April 2019 )',
    );
    expect(text(read(r, 'actors/tomas-ek/index.html'))).toContain(
      'Roles Former Mayor of Southhaven ( 2018 – 30 June 2021 )',
    );
    expect(t).toMatch(
      /Events 4 First Mayors meet for the first time · 3 February 2020, 09:30 GMT-8 Latest Toll agreement signed · 20 March 2021/,
    );
    expect(t).toContain('Appears most often with Tomas Ek 4 events Harbour Authority 2 events');
    expect(text(read(r, 'actors/idle-observer/index.html'))).toContain('No published event names Idle Observer yet.');
  });

  it('groups actors by affiliation with counts, people by surname and institutions by name', () => {
    const t = text(read(r, 'actors/index.html'));
    const index = t.slice(t.indexOf('Jump to'));
    expect(index).toMatch(
      /Northport \(3\) Petra Berg 0 events Councillor of Northport Harbour Authority 3 events Mara Lind 4 events Mayor of Northport [\s\S]*Southhaven \(1\) Tomas Ek 4 events Formerly Mayor of Southhaven/,
    );
  });

  it('starts the People index with the key people of the first sides, each linking to their page', () => {
    const html = read(r, 'actors/index.html');
    const key = /<section class="key-people"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    // Northport first (the site's order), then the largest other groups: Elsewhere has no person with
    // events, so Southhaven. No institution (Harbour Authority) and no one without events (Petra Berg).
    expect(text(key).trim()).toBe('Key people Northport Mara Lind 4 events Southhaven Tomas Ek 4 events');
    expect(key).toContain('<a href="/actors/mara-lind/">Mara Lind</a>');
    expect(key).toContain('<a href="/actors/tomas-ek/">Tomas Ek</a>');
    expect(html.indexOf('class="key-people"')).toBeLessThan(html.indexOf('class="affiliation"'));
  });

  it('lists every correction, newest first, with its entry', () => {
    const html = read(r, 'corrections/index.html');
    expect(text(html)).toContain(
      '1 June 2020 Two days of toll talks ( 14 – 15 May 2020 ) An earlier version gave the wrong end date.',
    );
    expect(html).toContain('href="/entries/2020-05-14-toll-talks/"');
  });

  it('browses by year and month', () => {
    const year = text(read(r, 'dates/2020/index.html'));
    expect(year).toContain('4 events');
    expect(year).toMatch(/February 2020[\s\S]*May 2020[\s\S]*September 2020[\s\S]*December 2020/);
    const month = read(r, 'dates/2020/05/index.html');
    expect(month).toContain('Two days of toll talks');
    expect(month).toContain('href="/dates/2020/02/"');
    expect(month).toContain('href="/dates/2020/09/"');
  });

  it('ships no JavaScript on reading pages; only the search page loads a script', () => {
    for (const file of readingPages(r.dist)) {
      const html = readFileSync(file, 'utf8');
      if (file.endsWith(join('search', 'index.html')))
        expect(html).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
      // JSON-LD blocks are data, never executed.
      else
        expect(html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, ''), file).not.toMatch(/<script/);
    }
  });

  it('has a search box in the header of every page that works without JavaScript', () => {
    for (const file of readingPages(r.dist)) {
      expect(readFileSync(file, 'utf8'), file).toContain(
        '<form class="site-search" role="search" action="/search/" method="get">',
      );
    }
  });

  it('indexes entry and actor pages only', () => {
    expect(read(r, 'entries/2020-02-03-first-meeting/index.html')).toContain('data-pagefind-body');
    expect(read(r, 'actors/mara-lind/index.html')).toContain('data-pagefind-body');
    for (const page of [
      'index.html',
      'actors/index.html',
      'dates/2020/index.html',
      'about/index.html',
      '404.html',
      'search/index.html',
    ]) {
      expect(read(r, page), page).not.toContain('data-pagefind-body');
    }
  });

  describe('its search index, queried in Node', () => {
    let pf: PagefindApi;
    const entry = (id: string) => `/entries/${id}/`;
    beforeAll(async () => {
      pf = await loadPagefind(r.dist);
    });
    const events = { filters: { type: 'Event' } };

    it('finds words', async () => {
      expect((await searchUrls(pf, 'tolls', events)).sort()).toEqual([
        entry('2020-02-03-first-meeting'),
        entry('2020-05-14-toll-talks'),
        entry('2021-03-20-toll-agreement'),
      ]);
    });
    it('filters by actor, with every entry of that actor and the actor page as its own type', async () => {
      expect(
        await searchUrls(pf, null, { filters: { actor: 'Tomas Ek', type: 'Event' }, sort: { date: 'asc' } }),
      ).toEqual([
        entry('2020-02-03-first-meeting'),
        entry('2020-05-14-toll-talks'),
        entry('2020-12-30-year-end-talks'),
        entry('2021-03-20-toll-agreement'),
      ]);
      expect(await searchUrls(pf, 'Tomas', { filters: { type: 'Person or institution' } })).toEqual([
        '/actors/tomas-ek/',
      ]);
    });
    it('finds the same entries by any alias as by the canonical name', async () => {
      const canonical = (await searchUrls(pf, 'Lind', events)).sort();
      expect(canonical).toHaveLength(4);
      expect((await searchUrls(pf, 'Lindh', events)).sort()).toEqual(canonical);
      expect((await searchUrls(pf, 'Линд', events)).sort()).toEqual(canonical);
    });
    it.each([['3 February 2020'], ['February 3, 2020'], ['2020-02-03']])('finds a day written as "%s"', async (q) => {
      expect((await searchUrls(pf, q, events))[0]).toBe(entry('2020-02-03-first-meeting'));
    });
    it('finds every day of a range, across a new year', async () => {
      expect(await searchUrls(pf, '2020-05-15', events)).toEqual([entry('2020-05-14-toll-talks')]);
      expect(await searchUrls(pf, '2021-01-01', events)).toEqual([entry('2020-12-30-year-end-talks')]);
    });
    it('finds a month written as words, and month-precision entries', async () => {
      expect(await searchUrls(pf, 'September 2020', events)).toEqual([entry('2020-09-01-repairs-survey')]);
      expect(await searchUrls(pf, null, { filters: { month: '2020-05' } })).toEqual([entry('2020-05-14-toll-talks')]);
    });
    it('builds a date range from the month filter', async () => {
      const months = Object.keys((await pf.filters())[MONTH_FILTER] ?? {}).sort();
      const span = { first: months[0]!, last: months.at(-1)! };
      const filters = pagefindFilters(parseState('?from=2020-05&to=2020-12'), span);
      expect(await searchUrls(pf, null, { filters, sort: { date: 'asc' } })).toEqual([
        entry('2020-05-14-toll-talks'),
        entry('2020-09-01-repairs-survey'),
        entry('2020-12-30-year-end-talks'),
      ]);
    });
    it('filters by place and kind, and leaves drafts out', async () => {
      expect(await searchUrls(pf, null, { filters: { place: 'Northport', kind: 'Agreement' } })).toEqual([
        entry('2021-03-20-toll-agreement'),
      ]);
      expect(await searchUrls(pf, 'draft')).toEqual([]);
    });
  });

  it('has landmarks, a skip link and one h1 on every page', () => {
    for (const file of readingPages(r.dist)) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).toContain('<a class="skip-link" href="#main">');
      expect(html, file).toMatch(/<header[\s\S]*<nav aria-label="Main">[\s\S]*<main id="main"[\s\S]*<footer/);
      expect(html.match(/<h1[\s>]/g), file).toHaveLength(1);
    }
  });

  it('has no broken internal link, asset or fragment', () => {
    const { broken, checked } = findBrokenLinks(r.dist, '/');
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });
});

describe('the fixture story built under a base path given on the command line', () => {
  let r: BuildResult;
  beforeAll(() => {
    r = buildSite(prepareSite('fixture-base'), ['--base', '/some-path/']);
    if (r.status !== 0) throw new Error(`build failed:\n${r.output}`);
  });

  it('prefixes every internal URL with the base path', () => {
    const home = read(r, 'index.html');
    expect(home).toContain('href="/some-path/entries/2021-03-20-toll-agreement/"');
    expect(home).toContain('href="/some-path/dates/2020/02/"');
    expect(home).toContain('href="/some-path/favicon.svg"');
    expect(home).toMatch(/<link rel="stylesheet" href="\/some-path\/_astro\//);
    expect(home).not.toMatch(/href="\/(?!some-path\/)/);
  });

  it('has no broken internal link, asset or fragment', () => {
    const { broken, checked } = findBrokenLinks(r.dist, '/some-path/');
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });
});
