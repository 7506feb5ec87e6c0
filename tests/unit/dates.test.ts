import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayFromUtcDate,
  eventInstant,
  firstDayOfNextMonth,
  formatDay,
  formatEventDate,
  formatMonth,
  formatPartialDate,
  isCalendarDay,
  isLocalTime,
  isTimeZone,
  today,
} from '../../src/lib/dates';

describe('the machine time zone', () => {
  it('is the one this project asked for', () => {
    const offset = new Date(2025, 0, 15).getTimezoneOffset();
    expect(offset).toBe(process.env.TZ === 'America/Los_Angeles' ? 480 : 0);
  });
});

describe('formatEventDate', () => {
  it.each([
    ['a day', { date: '2025-05-16' }, '16 May 2025', ['2025-05-16']],
    ['the first day of a year', { date: '2025-01-01' }, '1 January 2025', ['2025-01-01']],
    ['the last day of a year', { date: '2024-12-31' }, '31 December 2024', ['2024-12-31']],
    ['a month', { date: '2022-05-01', datePrecision: 'month' as const }, 'May 2022', ['2022-05']],
    [
      'a month given by any day of it',
      { date: '2023-11-17', datePrecision: 'month' as const },
      'November 2023',
      ['2023-11'],
    ],
    [
      'a range in one month',
      { date: '2025-05-15', endDate: '2025-05-16' },
      '15–16 May 2025',
      ['2025-05-15', '2025-05-16'],
    ],
    [
      'a range across months',
      { date: '2025-05-30', endDate: '2025-06-02' },
      '30 May – 2 June 2025',
      ['2025-05-30', '2025-06-02'],
    ],
    [
      'a range across years',
      { date: '2024-12-30', endDate: '2025-01-02' },
      '30 December 2024 – 2 January 2025',
      ['2024-12-30', '2025-01-02'],
    ],
    ['a range of one day', { date: '2025-05-16', endDate: '2025-05-16' }, '16 May 2025', ['2025-05-16']],
    [
      'a range of months',
      { date: '2023-06-01', endDate: '2023-08-01', datePrecision: 'month' as const },
      'June–August 2023',
      ['2023-06', '2023-08'],
    ],
    [
      'a local time in summer time',
      { date: '2025-05-16', time: '13:30', timeZone: 'Europe/Istanbul' },
      '16 May 2025, 13:30 GMT+3',
      ['2025-05-16T13:30+03:00'],
    ],
    [
      'a local time west of Greenwich',
      { date: '2025-08-15', time: '11:00', timeZone: 'America/Anchorage' },
      '15 August 2025, 11:00 GMT-8',
      ['2025-08-15T11:00-08:00'],
    ],
    [
      'a local time in winter time',
      { date: '2025-01-20', time: '12:00', timeZone: 'America/New_York' },
      '20 January 2025, 12:00 GMT-5',
      ['2025-01-20T12:00-05:00'],
    ],
  ])('renders %s', (_, input, text, datetimes) => {
    const shown = formatEventDate(input);
    expect(shown.text).toBe(text);
    expect(shown.parts.map((p) => p.datetime)).toEqual(datetimes);
  });
});

describe('calendar days', () => {
  it('never shift with the machine time zone', () => {
    expect(formatDay('2022-02-28')).toBe('28 February 2022');
    expect(formatMonth(2022, 2)).toBe('February 2022');
    expect(dayFromUtcDate(new Date(Date.UTC(2025, 4, 16)))).toBe('2025-05-16');
  });
  it.each([
    ['2025-05-16', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-5-16', false],
    ['16 May 2025', false],
  ])('%s is a calendar day: %s', (value, ok) => expect(isCalendarDay(value)).toBe(ok));
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
  });
  it('formats partial dates', () => {
    expect(formatPartialDate('2023')).toBe('2023');
    expect(formatPartialDate('2023-09')).toBe('September 2023');
    expect(formatPartialDate('2023-09-05')).toBe('5 September 2023');
  });
});

describe('times and zones', () => {
  it.each([
    ['13:30', true],
    ['00:00', true],
    ['23:59', true],
    ['24:00', false],
    ['9:30', false],
  ])('%s is a local time: %s', (value, ok) => expect(isLocalTime(value)).toBe(ok));
  it.each([
    ['Europe/Kyiv', true],
    ['UTC', true],
    ['Europe/Nowhere', false],
    ['EST', false],
  ])('%s is a time zone: %s', (value, ok) => expect(isTimeZone(value)).toBe(ok));
  it('takes today in the site zone, not the machine zone', () => {
    const now = new Date('2025-05-16T22:30:00Z');
    expect(today('Europe/Kyiv', now)).toBe('2025-05-17');
    expect(today('America/Los_Angeles', now)).toBe('2025-05-16');
  });
  it('gives the instant an event starts, and noon UTC for a date-only event', () => {
    expect(eventInstant({ date: '2025-05-16', time: '13:30', timeZone: 'Europe/Istanbul' }).toISOString()).toBe(
      '2025-05-16T10:30:00.000Z',
    );
    expect(eventInstant({ date: '2025-05-16' }).toISOString()).toBe('2025-05-16T12:00:00.000Z');
    expect(eventInstant({ date: '2025-12-31', datePrecision: 'month' }).toISOString()).toBe('2025-12-31T12:00:00.000Z');
  });
  it.each([
    ['2025-05-16', '2025-06-01'],
    ['2025-12-31', '2026-01-01'],
    ['2024-02-29', '2024-03-01'],
  ])('the month after %s starts on %s', (day, next) => expect(firstDayOfNextMonth(day)).toBe(next));
});

describe('zone labels', () => {
  it.each([
    [{ date: '2025-01-15', time: '12:00', timeZone: 'UTC' }, '15 January 2025, 12:00 GMT'],
    [{ date: '2025-01-15', time: '12:00', timeZone: 'Asia/Kolkata' }, '15 January 2025, 12:00 GMT+5:30'],
    [{ date: '2025-07-15', time: '12:00', timeZone: 'Europe/Kyiv' }, '15 July 2025, 12:00 GMT+3'],
    [{ date: '2025-01-15', time: '12:00', timeZone: 'Europe/Kyiv' }, '15 January 2025, 12:00 GMT+2'],
  ])('labels %j', (input, text) => expect(formatEventDate(input).text).toBe(text));
});
