/**
 * Files an editor might save by mistake (tests/fixtures/bad-files: broken YAML, no fence, not UTF-8,
 * empty, a BOM, a wrong extension, a duplicate key, a tab) and bad arguments: `npm run check`, `new`
 * and `import` answer each with `path:line:column  field  message` lines or one usage line, the
 * expected exit code, and never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { prepareSite, ROOT, runCli } from '../support/site';
import { BAD, badStory, EXPECTED } from '../support/bad-files';

/** Output of a command, checked to hold no stack trace and no exception name. */
function noTrace(r: { stdout: string; stderr: string }): string {
  const out = `${r.stdout}\n${r.stderr}`;
  expect(out).not.toMatch(/^\s+at \S/m);
  expect(out).not.toMatch(/\b\w*(Error|Exception)\b/);
  expect(out).not.toContain('node:internal');
  return out;
}

const problemLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('content/'));

describe('a bad file is a line, never a stack trace', () => {
  it('npm run check lists every bad file with its line and column, and exits 1', () => {
    const r = runCli(badStory('bad-files-check'), 'check');
    noTrace(r);
    expect(r.status).toBe(1);
    expect(problemLines(r.stderr)).toEqual(EXPECTED);
    expect(r.stderr).toMatch(/✗ 12 problems \(checked 6 entries, 5 actors and 2 phases/);
  });

  it('npm run check annotates them on GitHub', () => {
    const r = runCli(badStory('bad-files-annotate'), 'check', [], { GITHUB_ACTIONS: 'true' });
    noTrace(r);
    expect(r.stdout).toContain(
      '::error file=content/entries/2021/2021-05-01-broken-quote.mdx,line=2,col=8,title=title::the quote " opened here is never closed',
    );
    expect(r.stdout).toContain('::error file=content/entries/2021/2021-05-07-wrong-extension.md,title=file name::');
  });

  it('npm run new writes its file, then lists the same lines and exits 1', () => {
    const dir = badStory('bad-files-new');
    const r = runCli(dir, 'new', [
      ...['--date', '2021-06-01', '--title', 'Ferry talks', '--kind', 'talks', '--actors', 'mara-lind'],
      ...['--source-outlet', 'Fixture Gazette', '--source-url', 'https://news.example.org/f', '--yes'],
    ]);
    noTrace(r);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✓ Wrote content/entries/2021/2021-06-01-ferry-talks.mdx');
    expect(problemLines(r.stderr).sort()).toEqual([...EXPECTED].sort());
    expect(r.stderr).toContain('✗ the content now has 12 problem(s); see above');
  });

  it('npm run import imports, then lists the same lines among what is left to fill in', () => {
    const dir = badStory('bad-files-import');
    cpSync(join(ROOT, 'tests/fixtures/timelinejs/harbour.json'), join(dir, 'harbour.json'));
    const r = runCli(dir, 'import', ['harbour.json']);
    noTrace(r);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✓ Imported 2 events as drafts');
    expect(problemLines(r.stdout)).toEqual(expect.arrayContaining(EXPECTED));
  });
});

// Each run starts a process (1–5 s on a busy 2-core machine): the other bad inputs and mistakes are
// unit cases in tests/unit/cli.test.ts; here, one of each kind proves the whole path.
describe('npm run import: a bad input file is one line and exit 1', () => {
  const dir = prepareSite('import-bad');
  cpSync(join(BAD, 'timelinejs'), dir, { recursive: true });
  it.each([
    ['missing.json', 'missing.json  (file)  the file is missing'],
    ['trailing-comma.json', 'trailing-comma.json:3:72  (file)  the JSON does not parse: Expected double-quoted'],
    ['unclosed-quote.csv', 'unclosed-quote.csv:2:10  (file)  a quoted field is never closed'],
    ['latin1.csv', 'latin1.csv:2:13  (file)  the file is not UTF-8 text (byte 0xE9 here is not UTF-8)'],
  ])('%s', (file, expected) => {
    const r = runCli(dir, 'import', [file]);
    noTrace(r);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(expected);
    expect(r.stdout).toBe('');
  });
});

describe('the command lines: --help, unknown flags, bad values', () => {
  const dir = prepareSite('cli-args');
  it.each([['check'], ['new'], ['import']])('npm run %s -- --help prints the usage and exits 0', (name) => {
    const r = runCli(dir, name, ['--help']);
    noTrace(r);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: npm run ${name}`));
    expect(r.stderr).toBe('');
  });

  it.each([
    ['check', ['--bogus'], '✗ unknown option --bogus'],
    ['new', ['--yes=no'], '✗ the option --yes takes no value'],
    ['import', ['--bogus', 'x.json'], '✗ unknown option --bogus'],
    ['import', [], '✗ which file?'],
  ])('npm run %s %j prints the mistake and the usage, and exits 2', (name, args, expected) => {
    const r = runCli(dir, name, args);
    noTrace(r);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).toContain(`Usage: npm run ${name}`);
  });

  it.each([
    ['check', ['nowhere']],
    ['import', ['x.json', '--root', 'nowhere']],
  ])('npm run %s %j: a folder without content/ is one line and exit 1', (name, args) => {
    const r = runCli(dir, name, args);
    noTrace(r);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      "✗ nowhere holds no content/ folder; run this in the story's folder, or name that folder (see --help)",
    );
  });

  it.each([
    [['--date', '2021-02-30'], '✗ Date (YYYY-MM-DD): expected a real day written as YYYY-MM-DD; got "2021-02-30"'],
    [['--date', '2021-05-30'], '✗ Title (sentence case): missing (give it as a flag'],
  ])('npm run new %j --yes is one line and exit 1', (args, expected) => {
    const r = runCli(dir, 'new', [...args, '--yes']);
    noTrace(r);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining(expected)]);
  });
});
