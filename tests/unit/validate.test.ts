import { describe, expect, it } from 'vitest';
import {
  checkActors,
  checkStatus,
  checkWording,
  isError,
  checkEntries,
  checkEntryFiles,
  checkPhases,
  checkStory,
  ERRORS,
  formatProblem,
  locate,
  StoryError,
} from '../../src/lib/validate';
import { editDistance, suggest } from '../../src/lib/suggest';
import { actor, entry, phase } from './factory';

const actors = [actor('rustem-umerov'), actor('vladimir-medinsky'), actor('volodymyr-zelenskyy')];

describe('suggest', () => {
  it.each([
    ['rustem-umerof', 'rustem-umerov'],
    ['umerov', 'rustem-umerov'],
    ['volodymyr-zelensky', 'volodymyr-zelenskyy'],
    ['completely-different', undefined],
  ])('suggests for %s: %s', (value, expected) => {
    expect(
      suggest(
        value,
        actors.map((a) => a.id),
      ),
    ).toBe(expected);
  });
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('locate', () => {
  const source = [
    '---',
    'title: A',
    'actors:',
    '  - rustem-umerov',
    '  - vladimir-medinskyy',
    'kind: talks',
    '---',
  ].join('\n');
  it('finds a field and a value inside its block', () => {
    expect(locate(source, 'actors')).toEqual({ line: 3, column: 1 });
    expect(locate(source, 'actors', 'vladimir-medinskyy')).toEqual({ line: 5, column: 5 });
    expect(locate(source, 'missing')).toBeUndefined();
  });
});

describe('checkEntries', () => {
  it('names the file, line, field, bad actor id and the nearest id', () => {
    const e = entry('2025-05-16-istanbul', { actors: ['rustem-umerov', 'vladimir-medinskyy'] });
    const source = '---\nactors:\n  - rustem-umerov\n  - vladimir-medinskyy\n---\n';
    const problems = checkEntries({ entries: [{ ...e, source }], actors, production: true });
    expect(problems).toEqual([
      {
        file: 'content/entries/2025/2025-05-16-istanbul.mdx',
        line: 4,
        column: 5,
        field: 'actors[1]',
        message: ERRORS.unknownActor('vladimir-medinskyy', 'vladimir-medinsky'),
      },
    ]);
    expect(formatProblem(problems[0]!)).toBe(
      'content/entries/2025/2025-05-16-istanbul.mdx:4:5  actors[1]  unknown actor id "vladimir-medinskyy": no file content/actors/vladimir-medinskyy.md; did you mean "vladimir-medinsky"?',
    );
  });
  it('rejects unknown, self and draft related ids', () => {
    const a = entry('2025-05-16-istanbul', {
      actors: ['rustem-umerov'],
      related: ['2025-06-02-istanbol', '2025-05-16-istanbul', '2025-07-23-draft'],
    });
    const b = entry('2025-06-02-istanbul', { actors: ['rustem-umerov'] });
    const d = entry('2025-07-23-draft', { actors: ['rustem-umerov'], draft: true });
    const problems = checkEntries({ entries: [a, b, d], actors, production: true });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['related[0]', ERRORS.unknownRelated('2025-06-02-istanbol', '2025-06-02-istanbul')],
      ['related[1]', ERRORS.relatedIsSelf('2025-05-16-istanbul')],
      ['related[2]', ERRORS.relatedIsDraft('2025-07-23-draft')],
    ]);
    expect(checkEntries({ entries: [a, b, d], actors, production: false }).map((p) => p.field)).toEqual([
      'related[0]',
      'related[1]',
    ]);
  });
  it('ignores references inside drafts in production', () => {
    const d = entry('2025-07-23-draft', { actors: ['nobody'], draft: true });
    expect(checkEntries({ entries: [d], actors, production: true })).toEqual([]);
    expect(checkEntries({ entries: [d], actors, production: false })).toHaveLength(1);
  });
  it('rejects an endDate before the date', () => {
    const e = entry('2025-05-16-istanbul', { actors: ['rustem-umerov'], endDate: '2025-05-15' });
    expect(checkEntries({ entries: [e], actors, production: true })).toEqual([
      {
        file: e.file,
        field: 'endDate',
        message: 'endDate 2025-05-15 is before date 2025-05-16; expected a day on or after 2025-05-16',
      },
    ]);
  });
});

describe('checkEntryFiles', () => {
  it('reports each file that shares an id with another', () => {
    const files = [
      'content/entries/2025/2025-05-16-talks.mdx',
      'content/entries/2024/2025-05-16-talks.mdx',
      'content/entries/2025/other.mdx',
    ];
    const problems = checkEntryFiles(files, []);
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['content/entries/2025/2025-05-16-talks.mdx', 'id'],
      ['content/entries/2024/2025-05-16-talks.mdx', 'id'],
    ]);
    expect(problems[0]!.message).toBe(
      ERRORS.duplicateId('2025-05-16-talks', ['content/entries/2024/2025-05-16-talks.mdx']),
    );
  });
  it('checks that the file name starts with the date and sits in its year folder', () => {
    const wrongDate = {
      ...entry('2025-05-17-talks', { date: '2025-05-16' }),
      file: 'content/entries/2025/2025-05-17-talks.mdx',
    };
    const wrongYear = { ...entry('2025-01-01-talks'), file: 'content/entries/2024/2025-01-01-talks.mdx' };
    const badName = { ...entry('Talks_1', { date: '2025-01-01' }), file: 'content/entries/2025/Talks_1.mdx' };
    expect(checkEntryFiles([], [wrongDate, wrongYear, badName]).map((p) => p.message)).toEqual([
      ERRORS.fileNameDate('2025-05-17-talks.mdx', '2025-05-16'),
      ERRORS.fileFolderYear('2024', '2025'),
      ERRORS.fileNameSlug('Talks_1.mdx'),
    ]);
  });
});

describe('checkPhases', () => {
  const base = { phasesFile: 'content/phases.yaml', entries: [], production: true };
  it('accepts contiguous phases with an open last one', () => {
    expect(
      checkPhases({ ...base, phases: [phase('a', '2022-01-01', '2022-12-31'), phase('b', '2023-01-01')] }),
    ).toEqual([]);
  });
  it('reports overlaps, gaps, an open phase before the last, and duplicate ids', () => {
    const problems = checkPhases({
      ...base,
      phases: [
        phase('a', '2022-01-01', '2022-06-30'),
        phase('b', '2022-06-15', '2022-12-31'),
        phase('c', '2023-02-01'),
        phase('d', '2024-01-01'),
        phase('a', '2025-01-01', '2024-01-01'),
      ],
    });
    expect(problems.map((p) => p.message)).toEqual([
      ERRORS.duplicatePhase('a'),
      ERRORS.phaseEndBeforeStart('a', '2024-01-01', '2025-01-01'),
      ERRORS.phaseOverlap('a', 'b', '2022-06-15'),
      ERRORS.phaseGap('b', 'c', '2023-01-01', '2023-01-31'),
      ERRORS.phaseOpenEnd('c'),
      ERRORS.phaseOpenEnd('d'),
    ]);
  });
  it('reports entries that fall before the first or after the last phase', () => {
    const early = entry('2021-12-31-early');
    const late = entry('2023-01-01-late');
    const problems = checkPhases({ ...base, entries: [early, late], phases: [phase('a', '2022-01-01', '2022-12-31')] });
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      [early.file, ERRORS.entryOutsidePhases('2021-12-31')],
      [late.file, ERRORS.entryOutsidePhases('2023-01-01')],
    ]);
  });
  it('requires at least one phase', () => {
    expect(checkPhases({ ...base, phases: [] })[0]!.message).toBe(ERRORS.noPhases());
  });
  it('gives the line of a phase in the phases file', () => {
    const phasesSource = '- id: a\n  title: A\n- id: b\n  title: B\n';
    const problems = checkPhases({
      ...base,
      phasesSource,
      phases: [phase('a', '2022-01-01', '2022-12-31'), phase('b', '2022-12-01')],
    });
    expect(problems[0]).toMatchObject({ file: 'content/phases.yaml', line: 3, field: 'b.start' });
  });
});

describe('checkStory and StoryError', () => {
  it('returns nothing for a sound story and lists every problem otherwise', () => {
    const good = entry('2025-05-16-talks', { actors: ['rustem-umerov'] });
    const input = {
      entries: [good],
      entryFiles: [good.file],
      actors,
      phases: [phase('p', '2025-01-01')],
      phasesFile: 'content/phases.yaml',
      production: true,
    };
    expect(checkStory(input)).toEqual([]);
    const bad = entry('2025-05-17-talks', { actors: ['nobody'] });
    const problems = checkStory({ ...input, entries: [good, bad] });
    const error = new StoryError(problems);
    expect(error.message).toBe(
      `The story's content has 1 problem:\ncontent/entries/2025/2025-05-17-talks.mdx  actors[0]  ${ERRORS.unknownActor('nobody')}`,
    );
  });
});

describe('future dates', () => {
  it('rejects a date more than a year ahead, and updates or corrections after today', () => {
    const far = entry('2027-12-01-far', { actors: ['rustem-umerov'] });
    const near = entry('2027-06-01-near', { actors: ['rustem-umerov'] });
    const corrected = entry('2026-01-01-c', {
      actors: ['rustem-umerov'],
      updated: '2026-12-01',
      corrections: [{ date: '2026-12-01', text: 'x' }],
    });
    const problems = checkEntries({ entries: [far, near, corrected], actors, production: true, today: '2026-11-26' });
    expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([
      [far.file, 'date', ERRORS.futureDate('2027-12-01', '2026-11-26')],
      [corrected.file, 'updated', ERRORS.futureRecord('updated', '2026-12-01', '2026-11-26')],
      [corrected.file, 'corrections[0].date', ERRORS.futureRecord('correction', '2026-12-01', '2026-11-26')],
    ]);
    expect(checkEntries({ entries: [far], actors, production: true })).toEqual([]);
  });
});

describe('tags that the text names', () => {
  const people = [
    actor('rustem-umerov', { name: 'Rustem Umerov', aliases: ['Рустем Умєров'] }),
    actor('john-kirby', { name: 'John Kirby' }),
    actor('john-kerry', { name: 'John Kerry' }),
  ];
  const tagged = (body: string, ids: string[]) =>
    checkEntries({
      entries: [{ ...entry('2025-05-16-a', { actors: ids, title: 'Talks' }), body }],
      actors: people,
      production: true,
    });

  it.each([
    ['by full name', 'Rustem Umerov led the team.'],
    ['by a unique surname', 'Umerov led the team.'],
    ['by an alias', 'Рустем Умєров led the team.'],
  ])('accepts an actor named %s', (_, body) => expect(tagged(body, ['rustem-umerov'])).toEqual([]));

  it('rejects a tag the text never names, suggesting an actor it names instead', () => {
    const problems = tagged('John Kirby spoke for the Pentagon.', ['john-kerry']);
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['actors[0]', ERRORS.actorNotNamed('john-kerry', 'John Kerry', 'john-kirby')],
    ]);
    expect(problems[0]!.message).toBe(
      '"john-kerry" is tagged, but the title, summary and text never name John Kerry; say what they did in the text, or remove the tag; did you mean "john-kirby"?',
    );
  });

  it('skips the check where the body is not known', () => {
    expect(
      checkEntries({ entries: [entry('2025-05-16-a', { actors: ['john-kerry'] })], actors: people, production: true }),
    ).toEqual([]);
  });
});

describe('roles in time', () => {
  const source = [
    '---',
    'name: A',
    'roles:',
    '  - title: Minister',
    '    from: 2020-05',
    '    to: 2019',
    '  - title: Envoy',
    '    from: 2021',
    '  - title: Envoy',
    '    from: 2023-02-01',
    '    to: 2024',
    '---',
  ].join('\n');
  const a = {
    ...actor('a', {
      roles: [
        { title: 'Minister', from: '2020-05', to: '2019' },
        { title: 'Envoy', from: '2021' },
        { title: 'Envoy', from: '2023-02-01', to: '2024' },
      ],
    }),
    source,
  };
  it('rejects a role that ends before it starts, and two overlapping roles of one title, at their lines', () => {
    expect(checkActors([a])).toEqual([
      {
        file: 'content/actors/a.md',
        line: 6,
        column: 9,
        field: 'roles[0].to',
        message: ERRORS.roleEndsBeforeStart('Minister', '2019', '2020-05'),
      },
      { file: 'content/actors/a.md', line: 9, column: 12, field: 'roles[2]', message: ERRORS.roleOverlap('Envoy') },
    ]);
  });
  it.each<[string, { title: string; from?: string; to?: string }[]]>([
    ['a role that ends in the month it starts', [{ title: 'X', from: '2022-05-16', to: '2022-05' }]],
    [
      'one title held twice, apart',
      [
        { title: 'X', from: '2019', to: '2020-03' },
        { title: 'X', from: '2022' },
      ],
    ],
    ['roles without dates', [{ title: 'X' }, { title: 'Y' }]],
  ])('accepts %s', (_, roles) => expect(checkActors([actor('b', { roles })])).toEqual([]));
});

describe('public words', () => {
  it('warns, at its line, where an entry speaks of the research process', () => {
    const e = {
      ...entry('2025-05-16-a', { confidenceNote: 'Only a Low-quality page says so.' }),
      source: '---\ntitle: A\nconfidenceNote: Only a Low-quality page says so.\n---\nText.\n',
      body: 'Text.',
    };
    expect(checkWording([e])).toEqual([
      {
        file: 'content/entries/2025/2025-05-16-a.mdx',
        line: 3,
        column: 24,
        field: 'text',
        message: ERRORS.researchWords('Low-quality'),
        severity: 'warning',
      },
    ]);
    expect(isError(checkWording([e])[0]!)).toBe(false);
    expect(checkWording([{ ...entry('2025-05-16-b'), body: 'A single unverified report says so.' }])).toEqual([]);
  });
});

describe('where things stand', () => {
  const entries = [entry('2026-06-05-a'), entry('2026-07-01-draft', { draft: true })];
  const source = '---\ntitle: Where things stand\nupdated: 2026-06-01\n---\nText.\n';
  it('warns when the status is older than the latest published event', () => {
    expect(checkStatus({ file: 'content/pages/status.md', updated: '2026-06-01', source }, entries)).toEqual([
      {
        file: 'content/pages/status.md',
        line: 3,
        column: 1,
        field: 'updated',
        severity: 'warning',
        message: ERRORS.statusStale('2026-06-01', '2026-06-05'),
      },
    ]);
  });
  it('is content when the status is as new as the latest event, and asks for a date when it has none', () => {
    expect(checkStatus({ file: 'content/pages/status.md', updated: '2026-06-05' }, entries)).toEqual([]);
    expect(checkStatus(undefined, entries)).toEqual([]);
    expect(checkStatus({ file: 'content/pages/status.md' }, entries).map((p) => p.message)).toEqual([
      ERRORS.statusWithoutDate(),
    ]);
  });
});
