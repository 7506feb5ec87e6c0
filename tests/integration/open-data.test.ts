/**
 * Feeds, open data, TimelineJS, calendar, sitemap and sharing metadata of the fixture story, each
 * read back with a real parser or validated against its published schema; and `npm run import` of a
 * TimelineJS timeline.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { buildSite, prepareSite, ROOT, type BuildResult } from '../support/site';
import { readingPages } from '../support/links';
import { CSV_COLUMNS } from '../../src/lib/open-data';

const SITE = 'https://fixture.example.org';
let r: BuildResult;
const read = (path: string) => readFileSync(join(r.dist, path), 'utf8');

beforeAll(() => {
  r = buildSite(prepareSite('open-data'));
  if (r.status !== 0) throw new Error(`build failed:\n${r.output}`);
});

describe('feeds', () => {
  it('RSS: every entry newest first, with date, summary, actors as categories and link', () => {
    const feed = parseFeed(read('rss.xml'));
    expect(feed.title).toBe('Harbour Bridge Dispute');
    expect(feed.items.map((i) => i.url)).toEqual([
      `${SITE}/entries/2021-03-20-toll-agreement/`,
      `${SITE}/entries/2020-12-30-year-end-talks/`,
      `${SITE}/entries/2020-09-01-repairs-survey/`,
      `${SITE}/entries/2020-05-14-toll-talks/`,
      `${SITE}/entries/2020-02-03-first-meeting/`,
    ]);
    const first = feed.items.at(-1)!;
    expect(first.published?.toISOString()).toBe('2020-02-03T17:30:00.000Z');
    expect(first.description).toBe(
      'The mayors of Northport and Southhaven met at the harbour office to discuss the bridge.',
    );
    expect(first.categories.map((c) => c.label)).toEqual(['Mara Lind', 'Tomas Ek']);
  });

  it('RSS per actor, with autodiscovery on the actor page', () => {
    const feed = parseFeed(read('actors/harbour-authority/rss.xml'));
    expect(feed.items.map((i) => i.title)).toEqual([
      'Toll agreement signed',
      'Repairs survey published',
      'Two days of toll talks',
    ]);
    expect(read('actors/harbour-authority/index.html')).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Harbour Authority · Harbour Bridge Dispute (RSS)" href="/actors/harbour-authority/rss.xml">',
    );
  });

  it('JSON Feed 1.1 with the same items', () => {
    const feed = JSON.parse(read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.items).toHaveLength(5);
    expect(feed.items[0]).toMatchObject({
      id: `${SITE}/entries/2021-03-20-toll-agreement/`,
      title: 'Toll agreement signed',
      tags: ['Mara Lind', 'Tomas Ek', 'Harbour Authority'],
    });
    expect(new Date(feed.items[0].date_published).toISOString()).toBe(feed.items[0].date_published);
  });

  it.each(['America/Los_Angeles', 'Asia/Tokyo', 'Europe/Kyiv'])(
    'shows each date-only event on its own day to a feed reader in %s (RSS and JSON Feed)',
    (timeZone) => {
      const localDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
      const dateOnly = new Map<string, string>(
        JSON.parse(read('data/timeline.json'))
          .entries.filter((e: { time?: string }) => !e.time)
          .map((e: { url: string; date: string }) => [e.url, e.date]),
      );
      expect(dateOnly.size).toBeGreaterThan(2);
      const rssDays = parseFeed(read('rss.xml'))
        .items.filter((i) => dateOnly.has(i.url!))
        .map((i) => [i.url, localDay(i.published!)]);
      const jsonDays = JSON.parse(read('feed.json'))
        .items.filter((i: { url: string }) => dateOnly.has(i.url))
        .map((i: { url: string; date_published: string }) => [i.url, localDay(new Date(i.date_published))]);
      const expected = [...rssDays].map(([u]) => [u, dateOnly.get(u!)]);
      expect(rssDays).toEqual(expected);
      expect(jsonDays).toEqual(expected);
    },
  );

  it('every page links both feeds for autodiscovery', () => {
    for (const page of ['index.html', 'entries/2020-02-03-first-meeting/index.html', 'about/index.html']) {
      expect(read(page)).toContain(
        '<link rel="alternate" type="application/rss+xml" title="Harbour Bridge Dispute (RSS)" href="/rss.xml">',
      );
      expect(read(page)).toContain(
        '<link rel="alternate" type="application/feed+json" title="Harbour Bridge Dispute (JSON Feed)" href="/feed.json">',
      );
    }
  });
});

describe('open data', () => {
  it('validates against its published JSON Schema', () => {
    const schema = JSON.parse(read('data/timeline.schema.json'));
    const data = JSON.parse(read('data/timeline.json'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(data), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(validate({ ...data, entries: [{ ...data.entries[0], date: 'soon' }] })).toBe(false);
    expect(schema.$id).toBe(`${SITE}/data/timeline.schema.json`);
  });

  it('has every published entry with all fields, plain text and URL, every actor and phase, and a version', () => {
    const data = JSON.parse(read('data/timeline.json'));
    expect(data.version).toBe('1.0.0');
    expect(data.entries.map((e: { id: string }) => e.id)).toEqual([
      '2020-02-03-first-meeting',
      '2020-05-14-toll-talks',
      '2020-09-01-repairs-survey',
      '2020-12-30-year-end-talks',
      '2021-03-20-toll-agreement',
    ]);
    expect(data.entries[0]).toMatchObject({
      url: `${SITE}/entries/2020-02-03-first-meeting/`,
      time: '09:30',
      timeZone: 'America/Los_Angeles',
      actors: ['mara-lind', 'tomas-ek'],
      importance: 'major',
    });
    expect(data.entries[0].text).toBe(
      'Mara Lind and Tomas Ek, the two mayors, met for an hour, according to the gazette.\n\nSide | Position\nNorthport | Tolls\nSouthhaven | No tolls\n\nThe meeting was short.',
    );
    expect(data.actors).toHaveLength(5);
    expect(data.actors.find((a: { id: string }) => a.id === 'mara-lind')).toMatchObject({
      aliases: ['Mara Lindh', 'Мара Линд'],
      bio: 'Mara Lind is the fictional mayor of Northport.',
    });
    expect(data.phases.map((p: { id: string }) => p.id)).toEqual(['first-talks', 'agreement']);
  });

  it('has a CSV of entries that a spreadsheet reads back', () => {
    const { data, meta } = Papa.parse<Record<string, string>>(read('data/entries.csv'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(meta.fields).toEqual([...CSV_COLUMNS]);
    expect(data).toHaveLength(5);
    expect(data[0]).toMatchObject({
      id: '2020-02-03-first-meeting',
      place: 'Harbour office, Northport, Testland',
      actors: 'Mara Lind; Tomas Ek',
      topics: 'tolls',
    });
  });
});

describe('TimelineJS export', () => {
  it('has the fields TimelineJS3 requires, at the right precision, grouped by phase', () => {
    const tl = JSON.parse(read('data/timelinejs.json'));
    expect(tl.title.text.headline).toBe('Harbour Bridge Dispute');
    expect(tl.events).toHaveLength(5);
    for (const e of tl.events) {
      expect(e.start_date.year).toMatch(/^\d{4}$/);
      expect(typeof e.text.headline).toBe('string');
      expect(e.text.text).toContain('href="https://fixture.example.org/entries/');
      expect(['First talks over the bridge', 'Towards an agreement']).toContain(e.group);
    }
    expect(tl.events[1]).toMatchObject({
      start_date: { year: '2020', month: '5', day: '14' },
      end_date: { year: '2020', month: '5', day: '15' },
    });
    expect(tl.events[2].start_date).toEqual({ year: '2020', month: '9' });
    for (const era of tl.eras) expect(era.end_date.year).toMatch(/^\d{4}$/);
  });
});

describe('calendar', () => {
  it('parses as iCalendar with all-day days, ranges, months and local times', () => {
    const cal = new ICAL.Component(ICAL.parse(read('calendar.ics')));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([
      'Mayors meet for the first time',
      'Two days of toll talks',
      'Repairs survey published',
      'Talks across the new year',
      'Toll agreement signed',
    ]);
    const [timed, range, month, newYear] = events;
    expect(timed!.startDate.toJSDate().toISOString()).toBe('2020-02-03T17:30:00.000Z');
    expect(range!.startDate.isDate).toBe(true);
    expect(range!.startDate.toString()).toBe('2020-05-14');
    expect(range!.endDate.toString()).toBe('2020-05-16');
    expect([month!.startDate.toString(), month!.endDate.toString()]).toEqual(['2020-09-01', '2020-10-01']);
    expect(newYear!.endDate.toString()).toBe('2021-01-03');
    expect(range!.location).toBe('Southhaven');
    expect(range!.uid).toBe('2020-05-14-toll-talks@fixture.example.org');
  });
});

describe('discovery and sharing', () => {
  const pages = () => readingPages(r.dist);

  it('has a sitemap of every page but 404 and search, and a robots.txt naming it', () => {
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain(`<loc>${SITE}/entries/2020-02-03-first-meeting/</loc>`);
    expect(sitemap).not.toMatch(/404|\/search\//);
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });

  it('gives every page a unique title, description and canonical URL, with Open Graph and Twitter meta', () => {
    const seen = {
      title: new Map<string, string>(),
      description: new Map<string, string>(),
      canonical: new Map<string, string>(),
    };
    for (const file of pages()) {
      const html = readFileSync(file, 'utf8');
      if (file.endsWith('404.html')) continue;
      const get = (re: RegExp) => re.exec(html)?.[1];
      const values = {
        title: get(/<title>([^<]+)<\/title>/),
        description: get(/<meta name="description" content="([^"]+)"/),
        canonical: get(/<link rel="canonical" href="([^"]+)"/),
      };
      for (const [key, value] of Object.entries(values) as [keyof typeof seen, string | undefined][]) {
        expect(value, `${key} of ${file}`).toBeTruthy();
        expect(seen[key].get(value!), `${key} "${value}" of ${file}`).toBeUndefined();
        seen[key].set(value!, file);
      }
      for (const tag of ['og:title', 'og:description', 'og:type', 'og:url', 'og:image', 'og:site_name'])
        expect(html, `${tag} in ${file}`).toContain(`<meta property="${tag}"`);
      for (const tag of ['twitter:card', 'twitter:title', 'twitter:description', 'twitter:image'])
        expect(html, `${tag} in ${file}`).toContain(`<meta name="${tag}"`);
    }
    expect(seen.canonical.size).toBeGreaterThan(20);
  });

  it('describes entries as schema.org Events and people as Persons', () => {
    const ld = (page: string) =>
      JSON.parse(/<script type="application\/ld\+json">(.+?)<\/script>/.exec(read(page))![1]!);
    expect(ld('entries/2020-05-14-toll-talks/index.html')).toMatchObject({
      '@type': 'Event',
      name: 'Two days of toll talks',
      startDate: '2020-05-14',
      endDate: '2020-05-15',
    });
    expect(ld('actors/mara-lind/index.html')).toMatchObject({
      '@type': 'Person',
      name: 'Mara Lind',
      alternateName: ['Mara Lindh', 'Мара Линд'],
    });
    expect(ld('actors/harbour-authority/index.html')['@type']).toBe('Organization');
  });

  it('has an 800×420 PNG share image per entry, named in its meta', () => {
    const html = read('entries/2020-02-03-first-meeting/index.html');
    expect(html).toContain(`<meta property="og:image" content="${SITE}/og/2020-02-03-first-meeting.png">`);
    const png = readFileSync(join(r.dist, 'og/2020-02-03-first-meeting.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 420]);
    expect(existsSync(join(r.dist, 'og/site.png'))).toBe(true);
  });
});

describe('npm run import (TimelineJS)', () => {
  const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const run = (dir: string, name: string, args: string[]) =>
    spawnSync(process.execPath, [TSX, join(dir, 'src/cli', `${name}.ts`), ...args], { cwd: dir, encoding: 'utf8' });

  it.each([['harbour.json'], ['harbour.csv']])(
    'turns %s into drafts that pass check once editors fill the gaps',
    (file) => {
      const dir = prepareSite(`import-${file.replace('.', '-')}`);
      cpSync(join(ROOT, 'tests/fixtures/timelinejs', file), join(dir, file));
      const out = run(dir, 'import', [file, '--group-actors']);
      expect(out.stdout).toContain('✓ Imported 2 events as drafts under content/entries/.');
      const ferry = readFileSync(join(dir, 'content/entries/2021/2021-07-04-ferry-service-announced.mdx'), 'utf8');
      expect(ferry).toContain('draft: true');
      expect(ferry).toContain('url: "https://news.example.org/ferry"');
      const trial = readFileSync(join(dir, 'content/entries/2021/2021-09-01-trial-crossings.mdx'), 'utf8');
      expect(trial).toContain('datePrecision: month');
      expect(trial).toContain('endDate: 2021-10-01');
      expect(trial).toContain('sources: []');
      // What is left for editors: the trial crossings have no (https) source.
      expect(out.stdout).toContain(
        'content/entries/2021/2021-09-01-trial-crossings.mdx:15:1  sources  cite at least one source',
      );
      const check = run(dir, 'check', []);
      expect(check.status).toBe(1);
      // An editor fills the gap; then everything passes.
      const fixed = trial.replace(
        'sources: []',
        'sources:\n  - outlet: Fixture Gazette\n    url: https://news.example.org/trials',
      );
      writeFileSync(join(dir, 'content/entries/2021/2021-09-01-trial-crossings.mdx'), fixed);
      const again = run(dir, 'check', []);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
    },
  );
});
