import { describe, expect, it } from 'vitest';
import { actorSchema, makeEntrySchema, phaseSchema } from '../../src/lib/schema';
import { checkSiteConfig } from '../../src/lib/config';
import site from '../../src/site.config';

const schema = makeEntrySchema(['prisoners', 'ceasefire']);
const valid = {
  title: 'Istanbul talks',
  summary: 'Delegations met in Istanbul.',
  date: new Date(Date.UTC(2025, 4, 16)),
  actors: ['rustem-umerov'],
  kind: 'talks',
  sources: [{ outlet: 'Reuters', url: 'https://example.org/a', published: 2025 }],
};
const issues = (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('entry schema', () => {
  it('accepts a minimal entry and fills the defaults', () => {
    const r = schema.parse(valid);
    expect(r).toMatchObject({
      date: '2025-05-16',
      datePrecision: 'day',
      importance: 'minor',
      confidence: 'confirmed',
      topics: [],
      related: [],
      draft: false,
      corrections: [],
    });
    expect(r.sources[0]!.published).toBe('2025');
  });
  it('reads a YAML date as the same calendar day in any machine zone', () => {
    expect(schema.parse({ ...valid, date: '2022-02-28', endDate: new Date(Date.UTC(2022, 2, 1)) })).toMatchObject({
      date: '2022-02-28',
      endDate: '2022-03-01',
    });
  });
  it.each([
    [
      'an http source',
      { sources: [{ outlet: 'X', url: 'http://example.org' }] },
      'sources.0.url: expected an https:// URL',
    ],
    [
      'a javascript: source',
      { sources: [{ outlet: 'X', url: 'javascript:alert(1)' }] },
      'sources.0.url: expected an https:// URL',
    ],
    ['no sources', { sources: [] }, 'sources: cite at least one source'],
    ['no actors', { actors: [] }, 'actors: name at least one actor id'],
    ['a bad actor id', { actors: ['Rustem Umerov'] }, 'actors.0: expected an id such as "rustem-umerov"'],
    ['an impossible date', { date: '2025-02-30' }, 'date: expected a real calendar day written as YYYY-MM-DD'],
    [
      'an unknown topic',
      { topics: ['weather'] },
      'topics.0: unknown topic "weather"; expected one of: prisoners, ceasefire',
    ],
    ['a time without zone', { time: '13:30' }, 'timeZone: a time needs its IANA timeZone'],
    [
      'a bad time',
      { time: '1:30 pm', timeZone: 'Europe/Istanbul' },
      'time: expected a time written as "HH:MM" (24-hour)',
    ],
    [
      'a bad zone',
      { time: '13:30', timeZone: 'Istanbul' },
      'timeZone: expected an IANA time zone such as "Europe/Istanbul"',
    ],
    [
      'disputed without note',
      { confidence: 'disputed' },
      'confidenceNote: a disputed entry needs a confidenceNote saying what is unconfirmed',
    ],
    ['a long summary', { summary: 'x'.repeat(281) }, 'summary: Too big: expected string to have <=280 characters'],
    ['an unknown field', { author: 'me' }, ': Unrecognized key: "author"'],
  ])('rejects %s', (_, change, message) => {
    expect(issues({ ...valid, ...change })).toContain(message);
  });
});

describe('actor and phase schemas', () => {
  it('accepts an actor with partial role dates', () => {
    const r = actorSchema.parse({
      name: 'Rustem Umerov',
      type: 'person',
      affiliation: 'Ukraine',
      roles: [{ title: 'Minister', from: '2023-09', to: new Date(Date.UTC(2025, 6, 17)) }],
    });
    expect(r.roles[0]).toEqual({ title: 'Minister', from: '2023-09', to: '2025-07-17' });
    expect(r.aliases).toEqual([]);
  });
  it('rejects an actor of unknown type', () => {
    expect(actorSchema.safeParse({ name: 'X Y', type: 'robot', affiliation: 'Ukraine' }).success).toBe(false);
  });
  it('accepts an open phase', () => {
    expect(
      phaseSchema.parse({ id: 'now', title: 'Now on', start: '2026-01-01', intro: 'The present chapter.' }).end,
    ).toBeUndefined();
  });
});

describe('site configuration', () => {
  it('accepts the shipped configuration', () => {
    expect(checkSiteConfig(site).title).toBe(site.title);
  });
  it('names every bad field', () => {
    expect(() => checkSiteConfig({ ...site, base: 'timeline', timeZone: 'Kyiv' })).toThrow(
      /src\/site\.config\.ts {2}base {2}expected "\/" or a path[\s\S]*timeZone {2}expected an IANA time zone/,
    );
  });
});
