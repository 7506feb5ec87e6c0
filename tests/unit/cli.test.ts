/** The editor tools' command lines and what they make of a file given to `npm run import`. */
import { describe, expect, it } from 'vitest';
import { readCommandLine } from '../../src/lib/cli';
import { IMPORT_ERRORS, readTimeline } from '../../src/lib/timelinejs-import';
import { ERRORS, formatAnnotation, formatProblem } from '../../src/lib/validate';

const spec = {
  usage: 'Usage: x',
  positionals: 1,
  options: { root: { type: 'string', default: '.' }, yes: { type: 'boolean', short: 'y' } },
} as const;

describe('readCommandLine', () => {
  it.each([
    [[], { kind: 'run', values: { root: '.' }, positionals: [] }],
    [['f.json', '--root', 'x', '-y'], { kind: 'run', values: { root: 'x', yes: true }, positionals: ['f.json'] }],
    [['--help'], { kind: 'help' }],
    [['-h', '--bogus'], { kind: 'mistake', message: 'unknown option --bogus' }],
    [['--bogus'], { kind: 'mistake', message: 'unknown option --bogus' }],
    [['-x'], { kind: 'mistake', message: 'unknown option -x' }],
    [['--root'], { kind: 'mistake', message: 'the option --root needs a value' }],
    [['--yes=no'], { kind: 'mistake', message: 'the option --yes takes no value' }],
    [['a', 'b'], { kind: 'mistake', message: 'unexpected argument "b"' }],
  ])('%j', (args, expected) => expect(readCommandLine(args, spec)).toEqual(expected));
});

describe('formatAnnotation', () => {
  it('escapes what GitHub reads as the end of a message', () => {
    expect(formatAnnotation({ file: 'a.mdx', line: 2, column: 3, field: 'title', message: '50% of\nit' })).toBe(
      '::error file=a.mdx,line=2,col=3,title=title::50%25 of%0Ait',
    );
    expect(formatAnnotation({ file: 'a.mdx', field: 'x', message: 'm', severity: 'warning' })).toBe(
      '::warning file=a.mdx,title=x::m',
    );
  });
});

describe('readTimeline', () => {
  const lines = (file: string, text: string | Uint8Array) => {
    const r = readTimeline(file, text);
    return 'problems' in r ? r.problems.map(formatProblem) : r.events.map((e) => e.title);
  };
  it('reads events from JSON and CSV', () => {
    const json = JSON.stringify({ events: [{ start_date: { year: 2021, month: 5 }, text: { headline: 'Ferry' } }] });
    expect(lines('t.json', json)).toEqual(['Ferry']);
    expect(lines('t.csv', '\uFEFFYear,Month,Day,Headline\n2021,5,1,Ferry\n')).toEqual(['Ferry']);
  });

  it.each([
    ['t.json', '', `t.json:1:1  (file)  ${IMPORT_ERRORS.empty()}`],
    [
      't.json',
      '{\n  "events": [\n    {"a": 1,}\n  ]\n}',
      `t.json:3:13  (file)  ${IMPORT_ERRORS.json('Expected double-quoted property name')}`,
    ],
    ['t.json', '{"events": [}', `t.json:1:13  (file)  ${IMPORT_ERRORS.json("Unexpected token '}'")}`],
    ['t.json', '{"title": {}}', `t.json:1:1  events  ${IMPORT_ERRORS.notTimeline()}`],
    ['t.json', '{"events": [1, null, {"start_date": 5, "text": 5}]}', `t.json  (file)  ${IMPORT_ERRORS.noEvents()}`],
    ['t.csv', 'Year,Headline\n2021,"Ferry\n2022,x\n', `t.csv:2:6  (file)  ${IMPORT_ERRORS.csvQuote()}`],
    ['t.csv', 'a,b\n1,2\n', `t.csv:1:1  (file)  ${IMPORT_ERRORS.csvColumns('a, b')}`],
  ])('%s %j: one line', (file, text, expected) => expect(lines(file, text)).toEqual([expected]));

  it('reports a file that is not UTF-8', () => {
    expect(lines('t.csv', new Uint8Array([0x59, 0x0a, 0xff]))).toEqual([`t.csv:2:1  (file)  ${ERRORS.notUtf8('FF')}`]);
  });
});
