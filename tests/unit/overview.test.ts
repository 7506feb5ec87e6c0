/** The overview's geometry, on the fixture story: a row per year, a column per month, chapters as bands. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readStory } from '../../src/lib/story-files';
import { busiestMonth, entriesMonthSpan, overview, monthSpan, OVERVIEW_SIZE } from '../../src/lib/overview';
import fixtureSite from '../fixtures/story/site.config';

const story = readStory(join(import.meta.dirname, '../fixtures/story'), Object.keys(fixtureSite.topics));
const published = story.entries.filter((e) => !e.data.draft).sort((a, b) => a.data.date.localeCompare(b.data.date));

describe('overview of the fixture story', () => {
  const o = overview(published, story.phases);
  it('has a row per year from the first event to the last, and a column per month', () => {
    expect(o.years.map((y) => [y.year, y.count])).toEqual([
      [2020, 4],
      [2021, 1],
    ]);
    expect(o.months).toHaveLength(24);
    expect(o.width).toBe(12 * OVERVIEW_SIZE.column);
  });
  it('counts the events and the major events of each month, scaled to the busiest month', () => {
    const busy = o.months.filter((m) => m.count > 0).map((m) => [m.key, m.count, m.major]);
    expect(busy).toEqual([
      ['2020-02', 1, 1],
      ['2020-05', 1, 0],
      ['2020-09', 1, 0],
      ['2020-12', 1, 0],
      ['2021-03', 1, 1],
    ]);
    expect(o.max).toBe(1);
    const feb = o.months.find((m) => m.key === '2020-02')!;
    expect(feb.height).toBe(OVERVIEW_SIZE.chart - 4);
    expect(feb.majorHeight).toBe(feb.height);
    expect(o.months.find((m) => m.key === '2020-03')!.height).toBe(0);
  });
  it('draws each chapter as a band over its months, row by row', () => {
    expect(
      o.bands.map((b) => [
        b.id,
        b.y === o.years[0]!.y + OVERVIEW_SIZE.label ? 2020 : 2021,
        b.x / OVERVIEW_SIZE.column + 1,
        b.width / OVERVIEW_SIZE.column,
      ]),
    ).toEqual([
      ['first-talks', 2020, 1, 12],
      ['agreement', 2021, 1, 3],
    ]);
  });
  it('can share the whole story’s scale and span when filtered (an actor, a year)', () => {
    const one = overview(published.slice(0, 1), story.phases, monthSpan(published.map((e) => e.data.date)), 4);
    expect(one.years.map((y) => y.year)).toEqual([2020, 2021]);
    expect(one.max).toBe(4);
    expect(one.months.find((m) => m.key === '2020-02')!.height).toBe(Math.round((1 / 4) * (OVERVIEW_SIZE.chart - 4)));
  });
  it('is empty for no entries', () => {
    expect(overview([], story.phases)).toMatchObject({ years: [], months: [], bands: [], height: 0 });
  });
});

describe('busiestMonth', () => {
  it('is the count of the busiest month, at least 1', () => {
    expect(busiestMonth(published)).toBe(1);
    expect(busiestMonth([...published, ...published.slice(0, 1)])).toBe(2);
    expect(busiestMonth([])).toBe(1);
  });
});

describe('monthSpan and entriesMonthSpan', () => {
  it('give the first and the last month of days in any order, or nothing for none', () => {
    expect(monthSpan(['2021-03-04', '2019-12-31', '2020-06-01'])).toEqual({ from: '2019-12', to: '2021-03' });
    expect(monthSpan(['2020-06-01'])).toEqual({ from: '2020-06', to: '2020-06' });
    expect(monthSpan([])).toBeUndefined();
    expect(entriesMonthSpan(published)).toEqual(monthSpan(published.map((e) => e.data.date)));
    expect(entriesMonthSpan([])).toBeUndefined();
  });
});
