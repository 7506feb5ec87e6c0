import { describe, expect, it } from 'vitest';
import {
  buildActorIndex,
  groupByAffiliation,
  headlineRole,
  roleSpan,
  rolesInTime,
  rolesOn,
  whoBySide,
} from '../../src/lib/actors';
import { actor, entry } from './factory';

const zel = actor('zelenskyy', { name: 'Volodymyr Zelenskyy', affiliation: 'Ukraine' });
const umerov = actor('umerov', { name: 'Rustem Umerov', affiliation: 'Ukraine' });
const putin = actor('putin', { name: 'Vladimir Putin', affiliation: 'Russia' });
const medinsky = actor('medinsky', { name: 'Vladimir Medinsky', affiliation: 'Russia' });
const fidan = actor('fidan', { name: 'Hakan Fidan', affiliation: 'Türkiye' });
const quiet = actor('quiet', { name: 'Quiet Actor', affiliation: 'Elsewhere' });
const actors = [zel, umerov, putin, medinsky, fidan, quiet];

const entries = [
  entry('2025-05-16-istanbul', { actors: ['umerov', 'medinsky', 'fidan', 'zelenskyy', 'putin'] }),
  entry('2022-03-29-istanbul', { actors: ['umerov', 'medinsky', 'fidan'] }),
  entry('2025-06-02-istanbul', { actors: ['umerov', 'medinsky', 'umerov'] }),
  entry('2025-05-19-call', { actors: ['putin', 'zelenskyy', 'unknown'] }),
];

describe('buildActorIndex', () => {
  const index = buildActorIndex(actors, entries);
  it('lists each actor’s entries in story order, counting an actor once per entry', () => {
    const rec = index.get('umerov')!;
    expect(rec.entries.map((e) => e.id)).toEqual(['2022-03-29-istanbul', '2025-05-16-istanbul', '2025-06-02-istanbul']);
    expect(rec.first?.id).toBe('2022-03-29-istanbul');
    expect(rec.last?.id).toBe('2025-06-02-istanbul');
  });
  it('ranks co-actors by shared entries, then by name', () => {
    const co = index.get('umerov')!.coActors.map((c) => [c.actor.id, c.count]);
    expect(co).toEqual([
      ['medinsky', 3],
      ['fidan', 2],
      ['putin', 1],
      ['zelenskyy', 1],
    ]);
    expect(index.get('putin')!.coActors.map((c) => [c.actor.id, c.count])[0]).toEqual(['zelenskyy', 2]);
  });
  it('gives actors with no entries an empty record', () => {
    const rec = index.get('quiet')!;
    expect(rec.entries).toEqual([]);
    expect(rec.first).toBeUndefined();
    expect(rec.coActors).toEqual([]);
  });
});

describe('groupByAffiliation', () => {
  const counts = new Map([
    ['zelenskyy', 2],
    ['umerov', 3],
  ]);
  it('puts listed affiliations first, then the rest by size and name; actors by name', () => {
    const groups = groupByAffiliation(actors, counts, ['Russia']);
    expect(groups.map((g) => g.affiliation)).toEqual(['Russia', 'Ukraine', 'Elsewhere', 'Türkiye']);
    expect(groups[1]!.actors.map((a) => [a.actor.id, a.count])).toEqual([
      ['umerov', 3],
      ['zelenskyy', 2],
    ]);
    expect(groups[0]!.actors.map((a) => a.actor.data.name)).toEqual(['Vladimir Medinsky', 'Vladimir Putin']);
  });
});

describe('roleSpan', () => {
  const t = (value: string, text: string) => ({ datetime: value, text });
  it.each([
    [
      { from: '2022-05', to: '2025-07-17' },
      [' (', t('2022-05', 'May 2022'), ' – ', t('2025-07-17', '17 July 2025'), ')'],
    ],
    [{ from: '2023' }, [' (from ', t('2023', '2023'), ')']],
    [{ to: '2024-02-17' }, [' (until ', t('2024-02-17', '17 February 2024'), ')']],
    [{}, []],
  ])('shows %j as its dates', (role, parts) => expect(roleSpan(role)).toEqual(parts));
});

describe('roles in time', () => {
  const roles = [
    { title: 'Member of parliament', from: '2019', to: '2022-05' },
    { title: 'Defence Minister', from: '2023-09-06', to: '2025-07-17' },
    { title: 'Secretary of the Security Council', from: '2025-07-18' },
    { title: 'Chief negotiator', from: '2025-11-28' },
  ];
  it('puts current roles first, latest first, then former ones, latest ended first', () => {
    const { current, past } = rolesInTime(roles);
    expect(current.map((r) => r.title)).toEqual(['Chief negotiator', 'Secretary of the Security Council']);
    expect(past.map((r) => r.title)).toEqual(['Defence Minister', 'Member of parliament']);
  });
  it.each([
    [roles, 'Chief negotiator'],
    [roles.slice(0, 2), 'Formerly Defence Minister'],
    [[], undefined],
  ])('heads an index with the current role, or the latest former one (%#)', (r, line) =>
    expect(headlineRole(r)).toBe(line),
  );
});

describe('who, by side', () => {
  const people = new Map(
    [
      actor('umerov', {
        name: 'Rustem Umerov',
        affiliation: 'Ukraine',
        roles: [
          { title: 'Defence Minister', from: '2023-09', to: '2025-07-17' },
          { title: 'Security Council Secretary', from: '2025-07-18' },
          { title: 'Chief negotiator', from: '2025-11-28' },
        ],
      }),
      actor('rubio', {
        name: 'Marco Rubio',
        affiliation: 'United States',
        roles: [{ title: 'Secretary of State', from: '2025-01-21' }],
      }),
      actor('fidan', { name: 'Hakan Fidan', affiliation: 'Türkiye' }),
      actor('medinsky', { name: 'Vladimir Medinsky', affiliation: 'Russia' }),
    ].map((a) => [a.id, a]),
  );
  it.each([
    ['2025-05-16', 'Defence Minister'],
    ['2025-07-17', 'Defence Minister'],
    ['2025-08-01', 'Security Council Secretary'],
    ['2025-12-01', 'Chief negotiator'],
    ['2022-01-01', undefined],
  ])('gives each person the role held on %s', (day, role) => {
    expect(whoBySide(['umerov'], people, day)[0]!.actors[0]!.role).toBe(role);
  });
  it('groups by side in the site’s order, keeps the entry’s order, and marks unconfirmed parts', () => {
    const sides = whoBySide(
      ['fidan', 'rubio', 'medinsky', 'umerov'],
      people,
      '2025-05-16',
      ['Ukraine', 'Russia'],
      ['rubio'],
    );
    expect(sides.map((s) => [s.affiliation, s.actors.map((p) => `${p.actor.id}${p.unconfirmed ? '?' : ''}`)])).toEqual([
      ['Ukraine', ['umerov']],
      ['Russia', ['medinsky']],
      ['Türkiye', ['fidan']],
      ['United States', ['rubio?']],
    ]);
  });
  it('takes partial dates as the whole year or month', () => {
    expect(rolesOn([{ title: 'X', from: '2019', to: '2020-03' }], '2020-03-31').map((r) => r.title)).toEqual(['X']);
    expect(rolesOn([{ title: 'X', from: '2019', to: '2020-03' }], '2020-04-01')).toEqual([]);
  });
});
