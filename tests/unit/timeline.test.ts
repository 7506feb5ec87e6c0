import { describe, expect, it } from 'vitest';
import {
  allCorrections,
  phaseSpan,
  groupByPhase,
  groupByYearMonth,
  lastUpdated,
  latest,
  neighbours,
  phaseOf,
  sortEntries,
  summarizeYears,
} from '../../src/lib/timeline';
import { entry, phase } from './factory';

const e1 = entry('2022-02-28-gomel', { date: '2022-02-28' });
const e2 = entry('2022-03-29-istanbul', { date: '2022-03-29' });
const e3a = entry('2025-05-16-b-talks', { date: '2025-05-16', time: '13:30', timeZone: 'Europe/Istanbul' });
const e3b = entry('2025-05-16-a-meeting', { date: '2025-05-16', time: '10:45', timeZone: 'Europe/Istanbul' });
const e4 = entry('2025-05-16-c-untimed', { date: '2025-05-16' });
const e5 = entry('2025-05-23-exchange', { date: '2025-05-23', endDate: '2025-05-25' });
const all = [e5, e3a, e1, e4, e3b, e2];
const phases = [phase('later', '2022-06-01'), phase('early', '2022-02-24', '2022-05-31')];

describe('sortEntries', () => {
  it('orders by day, then local time (untimed first), then id', () => {
    expect(sortEntries(all).map((e) => e.id)).toEqual([
      '2022-02-28-gomel',
      '2022-03-29-istanbul',
      '2025-05-16-c-untimed',
      '2025-05-16-a-meeting',
      '2025-05-16-b-talks',
      '2025-05-23-exchange',
    ]);
  });
  it('does not change its input', () => {
    const copy = [...all];
    sortEntries(all);
    expect(all).toEqual(copy);
  });
});

describe('grouping', () => {
  const sorted = sortEntries(all);
  it('groups by year and month with labels and counts', () => {
    const years = groupByYearMonth(sorted);
    expect(years.map((y) => [y.year, y.count, y.months.map((m) => `${m.label}:${m.entries.length}`)])).toEqual([
      [2022, 2, ['February 2022:1', 'March 2022:1']],
      [2025, 4, ['May 2025:4']],
    ]);
    expect(summarizeYears(sorted)[1]).toEqual({
      year: 2025,
      count: 4,
      months: [{ month: 5, label: 'May 2025', count: 4 }],
    });
  });
  it('groups by phase in time order and leaves out empty phases', () => {
    const groups = groupByPhase(sorted, [...phases, phase('empty', '2030-01-01')]);
    expect(groups.map((g) => [g.phase.id, g.count])).toEqual([
      ['early', 2],
      ['later', 4],
    ]);
  });
  it('finds the phase of a day, including both ends and an open end', () => {
    expect(phaseOf('2022-02-24', phases)?.id).toBe('early');
    expect(phaseOf('2022-05-31', phases)?.id).toBe('early');
    expect(phaseOf('2022-06-01', phases)?.id).toBe('later');
    expect(phaseOf('2099-01-01', phases)?.id).toBe('later');
    expect(phaseOf('2022-01-01', phases)).toBeUndefined();
  });
});

describe('neighbours and latest', () => {
  const sorted = sortEntries(all);
  it('gives the previous and next entries', () => {
    expect(neighbours(sorted, '2022-03-29-istanbul')).toEqual({ prev: e1, next: e4 });
    expect(neighbours(sorted, '2022-02-28-gomel')).toEqual({ next: e2 });
    expect(neighbours(sorted, '2025-05-23-exchange')).toEqual({ prev: e3a });
    expect(neighbours(sorted, 'missing')).toEqual({});
  });
  it('lists the newest entries first', () => {
    expect(latest(sorted, 2).map((e) => e.id)).toEqual(['2025-05-23-exchange', '2025-05-16-b-talks']);
    expect(latest(sorted, 0)).toEqual([]);
  });
});

describe('allCorrections', () => {
  it('lists every correction newest first', () => {
    const a = entry('2022-02-28-a', {
      corrections: [
        { date: '2023-01-05', text: 'one' },
        { date: '2024-03-01', text: 'two' },
      ],
    });
    const b = entry('2025-05-16-b', { corrections: [{ date: '2024-03-01', text: 'three' }] });
    const c = entry('2025-06-02-c');
    expect(allCorrections([a, b, c]).map((x) => [x.date, x.text])).toEqual([
      ['2024-03-01', 'three'],
      ['2024-03-01', 'two'],
      ['2023-01-05', 'one'],
    ]);
  });
});

describe('phaseSpan', () => {
  it('writes a closed and an open phase', () => {
    expect(phaseSpan(phase('a', '2022-02-24', '2022-05-31'))).toBe('24 February 2022 – 31 May 2022');
    expect(phaseSpan(phase('b', '2026-01-22'))).toBe('from 22 January 2026');
  });
});

describe('lastUpdated', () => {
  it('is the latest day any entry happened, ended, was updated or corrected', () => {
    expect(lastUpdated([entry('2025-05-16-a'), entry('2025-05-01-b', { endDate: '2025-05-20' })])).toBe('2025-05-20');
    expect(
      lastUpdated([
        entry('2025-05-16-a', { updated: '2025-06-01' }),
        entry('2025-05-17-b', { corrections: [{ date: '2025-07-01', text: 'Fixed.' }] }),
      ]),
    ).toBe('2025-07-01');
    expect(lastUpdated([])).toBeUndefined();
  });
});
