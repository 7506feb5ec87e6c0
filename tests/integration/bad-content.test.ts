/**
 * Each broken story must fail the build with a message that names the file (and line), the field,
 * the bad value and, where one exists, the nearest valid value.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, prepareSite, runCli } from '../support/site';
import { badStory, EXPECTED } from '../support/bad-files';

/** Prepares a copy of the fixture story, changes one file, builds, and returns the output. */
function buildBroken(name: string, change: (dir: string) => void) {
  const dir = prepareSite(`bad-${name}`);
  change(dir);
  return buildSite(dir);
}

function edit(dir: string, file: string, from: string | RegExp, to: string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`test setup: "${String(from)}" not found in ${file}`);
  writeFileSync(path, after);
}

const AGREEMENT = 'content/entries/2021/2021-03-20-toll-agreement.mdx';

describe('a story with a broken reference or date fails the build clearly', () => {
  it.each([
    {
      name: 'unknown-actor',
      change: (d: string) => edit(d, AGREEMENT, 'actors: [mara-lind, tomas-ek', 'actors: [mara-lindd, tomas-ek'),
      expected: `${AGREEMENT}:6:10  actors[0]  unknown actor id "mara-lindd": no file content/actors/mara-lindd.md; did you mean "mara-lind"?`,
    },
    {
      name: 'unknown-related',
      change: (d: string) =>
        edit(d, AGREEMENT, 'related: [2020-02-03-first-meeting]', 'related: [2020-02-03-first-meting]'),
      expected: `${AGREEMENT}:14:11  related[0]  unknown entry id "2020-02-03-first-meting"; did you mean "2020-02-03-first-meeting"?`,
    },
    {
      name: 'duplicate-id',
      change: (d: string) => {
        mkdirSync(join(d, 'content/entries/2020/copies'));
        cpSync(
          join(d, 'content/entries/2020/2020-02-03-first-meeting.mdx'),
          join(d, 'content/entries/2020/copies/2020-02-03-first-meeting.mdx'),
        );
      },
      expected:
        'content/entries/2020/2020-02-03-first-meeting.mdx  id  duplicate entry id "2020-02-03-first-meeting": also used by content/entries/2020/copies/2020-02-03-first-meeting.mdx',
    },
    {
      name: 'end-before-start',
      change: (d: string) =>
        edit(d, 'content/entries/2020/2020-05-14-toll-talks.mdx', 'endDate: 2020-05-15', 'endDate: 2020-05-13'),
      expected:
        'content/entries/2020/2020-05-14-toll-talks.mdx:5:1  endDate  endDate 2020-05-13 is before date 2020-05-14; expected a day on or after 2020-05-14',
    },
    {
      name: 'phase-overlap',
      change: (d: string) => edit(d, 'content/phases.yaml', 'start: 2021-01-01', 'start: 2020-12-01'),
      expected:
        'content/phases.yaml:8:10  agreement.start  phase "agreement" starts on 2020-12-01, before phase "first-talks" ends; phases must not overlap',
    },
    {
      name: 'phase-gap',
      change: (d: string) => edit(d, 'content/phases.yaml', 'start: 2021-01-01', 'start: 2021-02-01'),
      expected:
        'content/phases.yaml:8:10  agreement.start  gap between phases "first-talks" and "agreement": no phase covers 2021-01-01 to 2021-01-31; expected "agreement" to start on 2021-01-01',
    },
    {
      name: 'wrong-file-name',
      change: (d: string) => edit(d, AGREEMENT, 'date: 2021-03-20', 'date: 2021-03-21'),
      expected: `${AGREEMENT}:4:1  date  the file name "2021-03-20-toll-agreement.mdx" does not start with the entry's date; expected 2021-03-21-<slug>.mdx`,
    },
  ])('$name', ({ name, change, expected }) => {
    const r = buildBroken(name, change);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(expected);
  });

  it('reports every problem at once, not only the first', () => {
    const r = buildBroken('several', (d) => {
      edit(d, AGREEMENT, 'actors: [mara-lind, tomas-ek', 'actors: [mara-lindd, tomas-ekk');
      edit(d, 'content/phases.yaml', 'start: 2021-01-01', 'start: 2021-02-01');
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("The story's content has 3 problems:");
    expect(r.output).toContain('unknown actor id "tomas-ekk"');
  });

  it('files that cannot be read (broken YAML, no fence, not UTF-8…) fail with the lines npm run check gives, and no stack trace', () => {
    const r = buildSite(badStory('bad-build-files'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(`The story's content has ${EXPECTED.length} problems:\n${EXPECTED.join('\n')}\n`);
    expect(r.output).not.toMatch(/^\s+at \S/m);
    expect(r.output).not.toContain('Stack trace');
  });

  it('a schema error names the file and the field', () => {
    const r = buildBroken('schema', (d) =>
      edit(d, AGREEMENT, 'url: https://radio.example.org/agreement', 'url: http://radio.example.org/agreement'),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('2021-03-20-toll-agreement');
    expect(r.output).toContain('sources.1.url');
    expect(r.output).toContain('expected an https:// URL');
  });
});

describe('a file where no loader reads it fails npm run check and the build alike', () => {
  const move = (d: string, from: string, to: string) => {
    mkdirSync(join(d, to, '..'), { recursive: true });
    renameSync(join(d, from), join(d, to));
  };
  it.each([
    {
      name: 'actor-in-subfolder',
      change: (d: string) => move(d, 'content/actors/tomas-ek.md', 'content/actors/people/tomas-ek.md'),
      expected:
        'content/actors/people/tomas-ek.md  file name  this file is never read: actors are read only as content/actors/<id>.md; move it there',
    },
    {
      name: 'actor-as-mdx',
      change: (d: string) => move(d, 'content/actors/tomas-ek.md', 'content/actors/tomas-ek.mdx'),
      expected:
        'content/actors/tomas-ek.mdx  file name  this file is never read: actors are .md files; rename it to tomas-ek.md',
    },
  ])('$name', ({ name, change, expected }) => {
    const dir = prepareSite(`stray-${name}`);
    change(dir);
    const check = runCli(dir, 'check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(expected);
    const build = buildSite(dir);
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(expected);
  });
});
