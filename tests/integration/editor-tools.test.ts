/**
 * Editor tooling on a copy of the fixture story: `npm run check` reports every bad entry of
 * tests/fixtures/bad-entries (one per rule, each unsafe-MDX case included) with its exact file, line,
 * field and message, also as GitHub annotations; the build rejects unsafe MDX too; and `npm run new`
 * with flags writes an entry and an actor that pass the checks and build into pages.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, prepareSite, ROOT, runCli as cli } from '../support/site';

const BAD = join(ROOT, 'tests/fixtures/bad-entries');

function withBadEntries(name: string, only?: (f: string) => boolean): string {
  const dir = prepareSite(name);
  for (const f of readdirSync(BAD).filter(only ?? (() => true))) {
    const folder = join(dir, 'content/entries', f.slice(0, 4));
    mkdirSync(folder, { recursive: true });
    cpSync(join(BAD, f), join(folder, f));
  }
  return dir;
}

const E = (f: string) => `content/entries/${f.slice(0, 4)}/${f}.mdx`;
const EXPECTED = [
  `${E('2020-06-01-unknown-actor')}:5:21  actors[1]  unknown actor id "tomas-ekk": no file content/actors/tomas-ekk.md; did you mean "tomas-ek"?`,
  `${E('2020-06-02-unknown-related')}:5:11  related[0]  unknown entry id "2020-02-03-first-meting"; did you mean "2020-02-03-first-meeting"?`,
  `${E('2020-06-03-end-before-start')}:5:1  endDate  endDate 2020-06-01 is before date 2020-06-03; expected a day on or after 2020-06-03`,
  `${E('2020-06-04-wrong-date-in-name')}:4:1  date  the file name "2020-06-04-wrong-date-in-name.mdx" does not start with the entry's date; expected 2020-06-05-<slug>.mdx`,
  `${E('2020-06-06-http-source')}:7:1  sources.0.url  expected an https:// URL`,
  `${E('2020-06-07-unknown-topic')}:5:1  topics.0  unknown topic "weather"; expected one of: tolls, repairs`,
  `${E('2020-06-08-disputed-without-note')}:5:1  confidenceNote  a disputed entry needs a confidenceNote saying what is unconfirmed`,
  `${E('2020-06-09-time-without-zone')}:5:1  timeZone  a time needs its IANA timeZone`,
  `${E('2020-06-10-long-summary')}:3:1  summary  Too big: expected string to have <=280 characters`,
  `${E('2020-06-11-import')}:12:1  body  import and export statements are not allowed in entries: entries are content, not code`,
  `${E('2020-06-12-export')}:12:1  body  import and export statements are not allowed in entries: entries are content, not code`,
  `${E('2020-06-13-expression')}:12:15  body  JavaScript expressions in braces are not allowed; to write a brace as text, escape it: \\{`,
  `${E('2020-06-14-script')}:14:1  body  <script> is not allowed in content: it can run code or change the page`,
  `${E('2020-06-15-style')}:14:1  body  <style> is not allowed in content: it can run code or change the page`,
  `${E('2020-06-16-iframe')}:14:1  body  <iframe> is not allowed in content: it can run code or change the page`,
  `${E('2020-06-17-object')}:14:1  body  <object> is not allowed in content: it can run code or change the page`,
  `${E('2020-06-18-event-handler')}:14:23  body  the event-handler attribute onClick is not allowed: it runs JavaScript`,
  `${E('2020-06-19-javascript-url')}:12:6  body  a link uses a javascript: URL, which is not allowed; use an https:// link`,
  `${E('2020-06-20-data-url')}:14:15  body  the attribute href uses a data: URL, which is not allowed; use an https:// link`,
  `${E('2020-06-21-unknown-component')}:14:1  body  unknown component <Chart>; the components authors may use are: Quote, Figure, DocumentLink`,
  `${E('2020-06-22-html-element')}:14:1  body  the HTML element <div> is not allowed; write Markdown, or use one of the site's components: Quote, Figure, DocumentLink`,
  `${E('2020-06-23-actor-not-named')}:5:21  actors[1]  "tomas-ek" is tagged, but the title, summary and text never name Tomas Ek; say what they did in the text, or remove the tag`,
];

describe('npm run check', () => {
  it('passes a sound story quickly', () => {
    const r = cli(prepareSite('check-good'), 'check', []);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ Content is valid: 6 entries, 5 actors and 2 phases in \d+ ms\./);
  });

  it('reports every rule broken, each with its file, line, column, field and message', () => {
    const r = cli(withBadEntries('check-bad'), 'check', []);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('content/'));
    expect(lines.slice(0, EXPECTED.length)).toEqual(EXPECTED);
    expect(lines.at(-1)).toMatch(
      /^content\/entries\/2099\/2099-01-01-far-future\.mdx:4:1 {2}date {2}date 2099-01-01 is more than a year after today \(\d{4}-\d{2}-\d{2}\); check the year/,
    );
    expect(lines).toHaveLength(EXPECTED.length + 1);
    expect(r.stderr).toMatch(/✗ 23 problems \(checked 24 entries/);
  });

  it('emits GitHub annotations under GitHub Actions', () => {
    const r = cli(
      withBadEntries('check-annotate', (f) => f.includes('unknown-actor') || f.includes('script')),
      'check',
      [],
      { GITHUB_ACTIONS: 'true' },
    );
    expect(r.stdout).toContain(
      '::error file=content/entries/2020/2020-06-01-unknown-actor.mdx,line=5,col=21,title=actors[1]::unknown actor id "tomas-ekk": no file content/actors/tomas-ekk.md; did you mean "tomas-ek"?',
    );
    expect(r.stdout).toContain(
      '::error file=content/entries/2020/2020-06-14-script.mdx,line=14,col=1,title=body::<script> is not allowed in content',
    );
  });
});

describe('the build rejects unsafe MDX as check does', () => {
  it.each([['2020-06-12-export'], ['2020-06-14-script'], ['2020-06-18-event-handler']])('%s', (name) => {
    const r = buildSite(withBadEntries(`build-${name}`, (f) => f.startsWith(name)));
    expect(r.status).not.toBe(0);
    const line = EXPECTED.find((l) => l.startsWith(E(name)))!;
    expect(r.output).toContain(line);
  });
});

describe('npm run new', () => {
  it('writes an entry and an actor from flags that pass the checks and build into pages', () => {
    const dir = prepareSite('new-entry');
    const actor = cli(dir, 'new', [
      '--actor',
      '--name',
      'Lena Holm',
      '--type',
      'person',
      '--affiliation',
      'Southhaven',
      '--aliases',
      'Lena Holme,Лена Хольм',
      '--yes',
    ]);
    expect(actor.stderr).toBe('');
    expect(actor.stdout).toContain('✓ Wrote content/actors/lena-holm.md');
    const entry = cli(dir, 'new', [
      '--date',
      '2021-05-02',
      '--title',
      'Mayors sign a repairs memorandum',
      // The summary names the people tagged, as the checks require of a published entry.
      '--summary',
      'Mara Lind and Lena Holm signed a memorandum on bridge repairs.',
      '--kind',
      'agreement',
      '--city',
      'Northport',
      '--country',
      'Testland',
      '--actors',
      'mara-lind,lena-holm',
      '--topics',
      'repairs',
      '--source-outlet',
      'Fixture Gazette',
      '--source-url',
      'https://news.example.org/memo',
      '--publish',
      '--yes',
    ]);
    expect(entry.stderr).toBe('');
    expect(entry.stdout).toContain('✓ Wrote content/entries/2021/2021-05-02-mayors-sign-a-repairs-memorandum.mdx');
    expect(entry.stdout).toContain('✓ The content checks pass.');
    const text = readFileSync(
      join(dir, 'content/entries/2021/2021-05-02-mayors-sign-a-repairs-memorandum.mdx'),
      'utf8',
    );
    for (const field of [
      'title',
      'summary',
      'date',
      'endDate',
      'datePrecision',
      'time',
      'timeZone',
      'place',
      'actors',
      'kind',
      'topics',
      'sources',
      'importance',
      'confidence',
      'confidenceNote',
      'related',
      'draft',
      'updated',
      'corrections',
    ]) {
      expect(text, field).toMatch(new RegExp(`^#? ?${field}:`, 'm'));
    }
    expect(cli(dir, 'check', []).status).toBe(0);
    const r = buildSite(dir);
    expect(r.status, r.output).toBe(0);
    expect(existsSync(join(r.dist, 'entries/2021-05-02-mayors-sign-a-repairs-memorandum/index.html'))).toBe(true);
    expect(readFileSync(join(r.dist, 'actors/lena-holm/index.html'), 'utf8')).toContain(
      'Also written: Lena Holme, Лена Хольм',
    );
  });

  it('refuses unknown ids and kinds, with a suggestion, and writes nothing', () => {
    const dir = prepareSite('new-bad');
    const newEntry = (kind: string, actors: string) =>
      cli(dir, 'new', [
        ...['--date', '2021-05-02', '--title', 'A test', '--kind', kind, '--actors', actors],
        ...['--source-outlet', 'X', '--source-url', 'https://x.org', '--yes'],
      ]);
    const r = newEntry('talk', 'mara-lind');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Kind (talks, meeting, call');
    expect(r.stderr).toContain('did you mean "talks"?');
    const r2 = newEntry('talks', 'mara-lindd');
    expect(r2.stderr).toContain('unknown actor id "mara-lindd": did you mean "mara-lind"?');
    expect(existsSync(join(dir, 'content/entries/2021/2021-05-02-a-test.mdx'))).toBe(false);
    writeFileSync(join(dir, 'content/entries/2021/2021-05-02-a-test.mdx'), 'x');
    const r3 = newEntry('talks', 'mara-lind');
    expect(r3.stderr).toContain('already exists; not overwriting it');
  });
});
