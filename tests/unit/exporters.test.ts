/**
 * The exporters' pure functions, case by case: CSV quoting, iCalendar escaping and line folding,
 * all-day days, ranges and months in iCalendar and TimelineJS, feed items and their instants.
 */
import { describe, expect, it } from 'vitest';
import { csvField, entriesCsv } from '../../src/lib/open-data';
import { foldLine, icalendar, icsText } from '../../src/lib/icalendar';
import { timelineJs, tlDate } from '../../src/lib/timelinejs';
import { feedItems, jsonFeed, rssOptions } from '../../src/lib/feeds';
import { actorJsonLd, entryJsonLd } from '../../src/lib/json-ld';
import { absoluteUrl, entryPath } from '../../src/lib/paths';
import type { EntryData } from '../../src/lib/schema';
import { actor, entry, phase } from './factory';

const text = (id: string, data: Partial<EntryData> = {}) => ({ ...entry(id, data), text: `Text of ${id}.` });
const names: Record<string, string> = { a: 'Ann Example', b: 'Bo Example' };
const actorName = (id: string) => names[id];

describe('CSV (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "yes"', '"say ""yes"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('writes %j as %j', (value, field) => expect(csvField(value)).toBe(field));

  it('writes a header and one CRLF-terminated row per entry, actors by name and sources by URL', () => {
    const csv = entriesCsv([text('2025-05-16-a', { actors: ['a', 'zz'], title: 'Talks, at last' })], actorName);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe(
      'id,date,end_date,date_precision,title,summary,kind,importance,confidence,place,actors,topics,sources,url',
    );
    expect(row).toBe(
      `2025-05-16-a,2025-05-16,,day,"Talks, at last",Summary of 2025-05-16-a.,talks,minor,confirmed,,Ann Example; zz,,https://example.org/a,${absoluteUrl(entryPath('2025-05-16-a'))}`,
    );
    expect(end).toBe('');
  });
});

describe('iCalendar (RFC 5545)', () => {
  it.each([
    ['a, b; c', 'a\\, b\\; c'],
    ['back\\slash', 'back\\\\slash'],
    ['line\nbreak', 'line\\nbreak'],
    ['crlf\r\nbreak', 'crlf\\nbreak'],
  ])('escapes %j as %j', (value, escaped) => expect(icsText(value)).toBe(escaped));

  it.each([
    ['short', 'short'],
    ['x'.repeat(75), 'x'.repeat(75)],
    ['x'.repeat(76), `${'x'.repeat(75)}\r\n x`],
    ['x'.repeat(75 + 74 + 1), `${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`],
    // "é" is two octets: the first line holds 37 of them (74 octets), never half of one.
    ['é'.repeat(40), `${'é'.repeat(37)}\r\n ${'é'.repeat(3)}`],
  ])('folds a line of %#', (line, folded) => {
    expect(foldLine(line)).toBe(folded);
    for (const part of foldLine(line).split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
  });

  const events = (...entries: ReturnType<typeof text>[]) =>
    icalendar({ title: 'Story' }, entries)
      .split('\r\nBEGIN:VEVENT\r\n')
      .slice(1)
      .map((block) => block.split('\r\n').filter((l) => /^DT(START|END)/.test(l)));

  it.each<[string, Partial<EntryData>, string[]]>([
    ['a day', { date: '2025-05-16' }, ['DTSTART;VALUE=DATE:20250516', 'DTEND;VALUE=DATE:20250517']],
    [
      'a range over a new year',
      { date: '2025-12-30', endDate: '2026-01-02' },
      ['DTSTART;VALUE=DATE:20251230', 'DTEND;VALUE=DATE:20260103'],
    ],
    [
      'a month',
      { date: '2025-05-01', datePrecision: 'month' },
      ['DTSTART;VALUE=DATE:20250501', 'DTEND;VALUE=DATE:20250601'],
    ],
    [
      'December at month precision',
      { date: '2025-12-01', datePrecision: 'month' },
      ['DTSTART;VALUE=DATE:20251201', 'DTEND;VALUE=DATE:20260101'],
    ],
    [
      'months over a new year',
      { date: '2025-11-01', endDate: '2026-02-01', datePrecision: 'month' },
      ['DTSTART;VALUE=DATE:20251101', 'DTEND;VALUE=DATE:20260301'],
    ],
    [
      'a local time, in UTC',
      { date: '2025-05-16', time: '13:30', timeZone: 'Europe/Istanbul' },
      ['DTSTART:20250516T103000Z'],
    ],
  ])('writes %s', (_, data, lines) => expect(events(text('2025-05-16-x', data))).toEqual([lines]));

  it('names each event by a stable UID on the site host, with its URL and escaped text', () => {
    const ics = icalendar({ title: 'Story; one' }, [text('2025-05-16-x', { title: 'Talks, day one' })]);
    const host = new URL(absoluteUrl()).host;
    expect(ics).toContain(`UID:2025-05-16-x@${host}\r\n`);
    expect(ics).toContain('X-WR-CALNAME:Story\\; one\r\n');
    expect(ics).toContain('SUMMARY:Talks\\, day one\r\n');
    expect(ics).toContain(`URL:${absoluteUrl(entryPath('2025-05-16-x'))}\r\n`);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

describe('TimelineJS', () => {
  it.each<[string, 'day' | 'month', Record<string, string>]>([
    ['2025-05-16', 'day', { year: '2025', month: '5', day: '16' }],
    ['2025-05-01', 'month', { year: '2025', month: '5' }],
  ])('writes %s at %s precision', (day, precision, expected) => expect(tlDate(day, precision)).toEqual(expected));

  it('groups events by phase, escapes HTML, links the entry, and ends an open phase at the last event', () => {
    const phases = [phase('one', '2025-01-01', '2025-06-30'), phase('two', '2025-07-01')];
    const entries = [text('2025-05-16-a', { title: 'A <b> & c' }), text('2025-08-02-b', { endDate: '2025-08-04' })];
    const tl = timelineJs({ title: 'Story', description: 'About' }, entries, phases, (d) =>
      phases.find((p) => d >= p.start && (!p.end || d <= p.end)),
    );
    expect(tl.events[0]!.text.headline).toBe('A &lt;b&gt; &amp; c');
    expect(tl.events[0]!.text.text).toContain(`href="${absoluteUrl(entryPath('2025-05-16-a'))}"`);
    expect(tl.events.map((e) => 'group' in e && e.group)).toEqual(['Phase one', 'Phase two']);
    expect(tl.events[1]!.end_date).toEqual({ year: '2025', month: '8', day: '4' });
    expect(tl.eras.map((e) => e.end_date)).toEqual([
      { year: '2025', month: '6', day: '30' },
      { year: '2025', month: '8', day: '4' },
    ]);
  });
});

describe('feeds', () => {
  const entries = [
    text('2025-05-16-a', { actors: ['a', 'b'] }),
    text('2025-05-16-b', { time: '13:30', timeZone: 'Europe/Istanbul' }),
    text('2025-05-17-c', { confidence: 'disputed', confidenceNote: 'Kyiv denies it.' }),
  ];
  it('lists items newest first, at noon UTC for a date-only event and at the local time otherwise', () => {
    const items = feedItems(entries, actorName);
    expect(items.map((i) => [i.id, i.date.toISOString()])).toEqual([
      ['2025-05-17-c', '2025-05-17T12:00:00.000Z'],
      ['2025-05-16-a', '2025-05-16T12:00:00.000Z'],
      ['2025-05-16-b', '2025-05-16T10:30:00.000Z'],
    ]);
    expect(items[1]!.categories).toEqual(['Ann Example', 'Bo Example']);
    expect(items[0]!.categories).toEqual(['Ann Example', 'Disputed']);
    expect(items[1]!.link).toBe(absoluteUrl(entryPath('2025-05-16-a')));
  });
  it('gives RSS and JSON Feed the same items', () => {
    const feed = { title: 'Story', description: 'About', lang: 'en' };
    const items = feedItems(entries, actorName);
    const rss = rssOptions(feed, items);
    const json = jsonFeed(feed, items);
    expect(rss.site).toBe(absoluteUrl());
    expect(rss.customData).toBe('<language>en</language>');
    expect(json.items.map((i) => [i.url, i.date_published])).toEqual(
      (rss.items as { link: string; pubDate: Date }[]).map((i) => [i.link, i.pubDate.toISOString()]),
    );
  });
});

describe('JSON-LD', () => {
  it('describes an entry as an Event with its share image, place and attendees', () => {
    const e = entry('2025-05-16-a', { place: { city: 'Istanbul', country: 'Türkiye' } });
    const ld = entryJsonLd(e, [actor('a', { name: 'Ann Example' })]);
    expect(ld).toMatchObject({
      '@type': 'Event',
      url: absoluteUrl(entryPath('2025-05-16-a')),
      image: absoluteUrl('og/2025-05-16-a.png'),
      startDate: '2025-05-16',
      location: { name: 'Istanbul, Türkiye', address: { addressCountry: 'Türkiye', addressLocality: 'Istanbul' } },
      attendee: [{ '@type': 'Person', name: 'Ann Example' }],
    });
  });
  it('describes a person as a Person and an institution as an Organization', () => {
    expect(actorJsonLd({ ...actor('a'), text: 'Bio.' })).toMatchObject({ '@type': 'Person', description: 'Bio.' });
    expect(actorJsonLd({ ...actor('b', { type: 'institution' }), text: '' })['@type']).toBe('Organization');
  });
  it('gives a person current roles as jobTitle and every role with its dates', () => {
    const roles = [
      { title: 'Defence Minister', from: '2023-09', to: '2025-07-17' },
      { title: 'Security Council Secretary', from: '2025-07-18' },
    ];
    const ld = actorJsonLd({ ...actor('a', { roles }), text: '' });
    expect(ld.jobTitle).toEqual(['Security Council Secretary']);
    expect(ld.hasOccupation).toEqual([
      { '@type': 'Role', roleName: 'Defence Minister', startDate: '2023-09', endDate: '2025-07-17' },
      { '@type': 'Role', roleName: 'Security Council Secretary', startDate: '2025-07-18' },
    ]);
    expect(actorJsonLd({ ...actor('c', { roles: [roles[0]!] }), text: '' })).not.toHaveProperty('jobTitle');
  });
});
