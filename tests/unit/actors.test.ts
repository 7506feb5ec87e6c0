import { describe, expect, it } from 'vitest';
import {
  buildActorIndex,
  compareActors,
  groupByAffiliation,
  headlineRole,
  keyPeople,
  roleSpan,
  rolesInTime,
  rolesOn,
  sortKey,
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

describe('sortKey', () => {
  it.each([
    ['Volodymyr Zelenskyy', 'person', undefined, 'Zelenskyy, Volodymyr'],
    ['JD Vance', 'person', undefined, 'Vance, JD'],
    ['Recep Tayyip Erdoğan', 'person', undefined, 'Erdoğan, Recep Tayyip'],
    ['Maria Lvova-Belova', 'person', undefined, 'Lvova-Belova, Maria'],
    ['Ursula von der Leyen', 'person', undefined, 'Leyen, Ursula von der'],
    ['Luiz Inácio Lula da Silva', 'person', undefined, 'Silva, Luiz Inácio Lula da'],
    ['Martin Luther King Jr.', 'person', undefined, 'King Jr., Martin Luther'],
    ['  Rustem   Umerov ', 'person', undefined, 'Umerov, Rustem'],
    ['Pope Francis', 'person', undefined, 'Francis'],
    ['Pope Leo XIV', 'person', undefined, 'Leo XIV'],
    ['Patriarch Kirill', 'person', undefined, 'Kirill'],
    ['Mohammed bin Salman', 'person', undefined, 'Mohammed bin Salman'],
    ['Faisal bin Farhan Al Saud', 'person', undefined, 'Faisal bin Farhan Al Saud'],
    ['Madonna', 'person', undefined, 'Madonna'],
    ['Xi Jinping', 'person', 'Xi Jinping', 'Xi Jinping'],
    ['National Security and Defence Council', 'institution', undefined, 'National Security and Defence Council'],
    ['European Union institutions', 'institution', undefined, 'European Union institutions'],
    ['Qatar', 'state', undefined, 'Qatar'],
    ['United Nations', 'institution', 'UN', 'UN'],
  ] as const)('sorts %s (%s, sortName %s) as %s', (name, type, sortName, key) => {
    expect(sortKey({ name, type, ...(sortName ? { sortName } : {}) })).toBe(key);
  });

  it.each([
    // Surnames, not first names: Budanov before Arakhamia would be wrong, and so would Andrii before Davyd.
    [
      ['Andrii Sybiha', 'Davyd Arakhamia', 'Kyrylo Budanov', 'Andriy Kostin'],
      ['Davyd Arakhamia', 'Kyrylo Budanov', 'Andriy Kostin', 'Andrii Sybiha'],
    ],
    // Letters with accents sort with their base letter, whatever the build machine's locale.
    [
      ['Cevdet Yılmaz', 'Mevlüt Çavuşoğlu', 'Hulusi Akar', 'Hakan Fidan'],
      ['Hulusi Akar', 'Mevlüt Çavuşoğlu', 'Hakan Fidan', 'Cevdet Yılmaz'],
    ],
    // The same surname: by the given names.
    [
      ['Dmitry Medvedev', 'Boris Medvedev', 'Viktor Medvedchuk'],
      ['Viktor Medvedchuk', 'Boris Medvedev', 'Dmitry Medvedev'],
    ],
  ])('orders people %j by surname', (names, sorted) => {
    const list = names.map((name, i) => actor(`p${i}`, { name }));
    expect(list.sort(compareActors).map((a) => a.data.name)).toEqual(sorted);
  });

  it('breaks a tie of equal names by id, so the order never depends on the input order', () => {
    const a = actor('b-smith', { name: 'Anna Smith' });
    const b = actor('a-smith', { name: 'Anna Smith' });
    expect([a, b].sort(compareActors).map((x) => x.id)).toEqual(['a-smith', 'b-smith']);
    expect([b, a].sort(compareActors).map((x) => x.id)).toEqual(['a-smith', 'b-smith']);
  });
});

describe('groupByAffiliation, inside a group', () => {
  it('lists people by surname and institutions by name, in one list', () => {
    const group = groupByAffiliation(
      [
        actor('zel', { name: 'Volodymyr Zelenskyy' }),
        actor('nsdc', { name: 'National Security and Defence Council', type: 'institution' }),
        actor('yermak', { name: 'Andriy Yermak' }),
        actor('arakhamia', { name: 'Davyd Arakhamia' }),
        actor('hq', { name: 'Coordination Headquarters', type: 'institution' }),
      ],
      new Map(),
    )[0]!;
    expect(group.actors.map((a) => a.actor.id)).toEqual(['arakhamia', 'hq', 'nsdc', 'yermak', 'zel']);
  });
});

describe('keyPeople', () => {
  const people = [
    actor('zel', { name: 'Volodymyr Zelenskyy', affiliation: 'Ukraine' }),
    actor('umerov', { name: 'Rustem Umerov', affiliation: 'Ukraine' }),
    actor('yermak', { name: 'Andriy Yermak', affiliation: 'Ukraine' }),
    actor('kuleba', { name: 'Dmytro Kuleba', affiliation: 'Ukraine' }),
    actor('nsdc', { name: 'National Security and Defence Council', type: 'institution', affiliation: 'Ukraine' }),
    actor('putin', { name: 'Vladimir Putin', affiliation: 'Russia' }),
    actor('peskov', { name: 'Dmitry Peskov', affiliation: 'Russia' }),
    actor('trump', { name: 'Donald Trump', affiliation: 'United States' }),
    actor('qatar', { name: 'Qatar', type: 'state', affiliation: 'Qatar' }),
    actor('idle', { name: 'Idle Envoy', affiliation: 'Elsewhere' }),
    actor('fidan', { name: 'Hakan Fidan', affiliation: 'Türkiye' }),
  ];
  const counts = new Map([
    ['zel', 90],
    ['umerov', 20],
    ['yermak', 20],
    ['kuleba', 5],
    ['nsdc', 50],
    ['putin', 60],
    ['peskov', 30],
    ['trump', 55],
    ['qatar', 99],
    ['fidan', 4],
  ]);
  const order = ['Ukraine', 'Russia', 'United States', 'Türkiye'];
  const key = (sides: number, perSide: number, o: readonly string[] = order) =>
    keyPeople(groupByAffiliation(people, counts, o), sides, perSide).map(
      (g) => `${g.affiliation}: ${g.actors.map((a) => `${a.actor.id} ${a.count}`).join(', ')}`,
    );

  it.each([
    [
      3,
      3,
      // Most events first; Umerov and Yermak tie at 20 and go by surname; the council is no person.
      ['Ukraine: zel 90, umerov 20, yermak 20', 'Russia: putin 60, peskov 30', 'United States: trump 55'],
    ],
    [2, 1, ['Ukraine: zel 90', 'Russia: putin 60']],
    [
      5,
      2,
      ['Ukraine: zel 90, umerov 20', 'Russia: putin 60, peskov 30', 'United States: trump 55', 'Türkiye: fidan 4'],
    ],
    [0, 3, []],
  ])('takes the first %i sides, %i people each', (sides, perSide, expected) => {
    expect(key(sides, perSide)).toEqual(expected);
  });

  it('skips a side with no person who has events, and falls back to the largest groups without an order', () => {
    // Without a site order the groups go largest first: Ukraine (5), Russia (2), then the groups of one by
    // name: Elsewhere (its only person has no events), Qatar (a state) and Türkiye.
    expect(key(3, 1, [])).toEqual(['Ukraine: zel 90', 'Russia: putin 60', 'Türkiye: fidan 4']);
    expect(key(3, 1, ['Elsewhere', 'Qatar', 'United States'])).toEqual([
      'United States: trump 55',
      'Ukraine: zel 90',
      'Russia: putin 60',
    ]);
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
