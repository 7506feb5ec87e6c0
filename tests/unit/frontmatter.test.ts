/** Reading a file as an editor may have saved it: every way it can be broken is a Problem, never an exception. */
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  firstInvalidUtf8,
  parseYaml,
  readContentFile,
  readYamlFile,
  unclosedQuote,
} from '../../src/lib/frontmatter';
import { renamedFile } from '../../src/lib/content-files';
import { ERRORS, formatProblem, type Problem } from '../../src/lib/validate';

const F = 'content/entries/2021/2021-05-01-x.mdx';
const GOOD = '---\ntitle: Talks\nkind: talks\n---\n\nText.\n';

/** The problems of a file, as the lines an editor reads. */
function lines(text: string | Uint8Array): string[] {
  const read = readContentFile(F, text);
  return 'problems' in read ? read.problems.map(formatProblem) : [];
}

describe('readContentFile', () => {
  it('reads the fields and the body, with the body at its own lines', () => {
    const read = readContentFile(F, GOOD);
    expect(read).toMatchObject({ source: GOOD, data: { title: 'Talks', kind: 'talks' }, body: '\n\nText.\n' });
    expect('paddedBody' in read && read.paddedBody.split('\n')[5]).toBe('Text.');
  });

  it('reads CRLF files and blank lines before the fence, as Astro does', () => {
    expect(readContentFile(F, GOOD.replace(/\n/g, '\r\n'))).toMatchObject({ data: { title: 'Talks' } });
    expect(readContentFile(F, `\n${GOOD}`)).toMatchObject({ data: { title: 'Talks' } });
  });

  it('reads an empty frontmatter as no fields (the schema then names what is missing)', () => {
    expect(readContentFile(F, '---\n---\nText.\n')).toMatchObject({ data: {}, body: '\nText.\n' });
  });

  it.each([
    ['an empty file', '', `${F}:1:1  (file)  ${ERRORS.emptyFile()}`],
    ['a file of blank lines', '\n \n', `${F}:1:1  (file)  ${ERRORS.emptyFile()}`],
    ['no fence', 'title: Talks\n\nText.\n', `${F}:1:1  (frontmatter)  ${ERRORS.noFrontmatter()}`],
    ['TOML fences', '+++\ntitle = "x"\n+++\n', `${F}:1:1  (frontmatter)  ${ERRORS.noFrontmatter()}`],
    ['an unclosed fence', '---\ntitle: Talks\n\nText.\n', `${F}:1:1  (frontmatter)  ${ERRORS.unclosedFrontmatter(1)}`],
    [
      'an unclosed fence after blank lines',
      '\n\n---\ntitle: Talks\n',
      `${F}:3:1  (frontmatter)  ${ERRORS.unclosedFrontmatter(3)}`,
    ],
    [
      'a broken double quote',
      '---\nkind: talks\ntitle: "Talks resume\nsummary: x\n---\n',
      `${F}:3:8  title  ${ERRORS.yamlUnclosedQuote('"')}`,
    ],
    [
      'a broken single quote in a list',
      "---\nkind: talks\nactors:\n  - 'mara-lind\n  - tomas-ek\n---\n",
      `${F}:4:5  actors  ${ERRORS.yamlUnclosedQuote("'")}`,
    ],
    [
      'a duplicate key',
      '---\ntitle: A\nkind: talks\ntitle: B\n---\n',
      `${F}:4:1  title  ${ERRORS.yamlDuplicateKey('title', 2)}`,
    ],
    [
      'a tab in the indentation',
      '---\ntitle: A\nplace:\n  city: X\n \tcountry: Y\n---\n',
      `${F}:5:2  place  ${ERRORS.yamlTab()}`,
    ],
    [
      'a colon in a plain value',
      '---\nkind: talks\ntitle: Talks: day two\n---\n',
      `${F}:3:13  title  ${ERRORS.yamlColon('title', 'Talks: day two')}`,
    ],
    [
      'a list that is not closed',
      '---\nactors: [a, b\nkind: talks\n---\n',
      `${F}:3:1  kind  ${ERRORS.yamlSyntax('missed comma between flow collection entries')}`,
    ],
    ['a list for a frontmatter', '---\n- a\n- b\n---\n', `${F}:2:1  (frontmatter)  ${ERRORS.frontmatterNotFields()}`],
  ])('reports %s at its line in the file', (_, text, expected) => {
    expect(lines(text)).toEqual([expected]);
  });

  it('reports a byte-order mark, and still what else is wrong', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(GOOD)]);
    expect(lines(bom)).toEqual([`${F}:1:1  (file)  ${ERRORS.byteOrderMark()}`]);
    expect(lines(`\uFEFF---\ntitle: "x\n---\n`)).toEqual([
      `${F}:1:1  (file)  ${ERRORS.byteOrderMark()}`,
      `${F}:2:8  title  ${ERRORS.yamlUnclosedQuote('"')}`,
    ]);
  });

  it('reports the first byte that is not UTF-8, at its line and column', () => {
    const latin1 = Uint8Array.from('---\ntitle: Café\n---\n', (c) => c.charCodeAt(0));
    expect(lines(latin1)).toEqual([`${F}:2:11  (file)  ${ERRORS.notUtf8('E9')}`]);
  });
});

describe('UTF-8', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it.each([
    [bytes(0x61, 0x62), -1],
    [new TextEncoder().encode('Зеленський, Erdoğan 👍'), -1],
    [bytes(0x61, 0xe9, 0x62), 1],
    [bytes(0xc0, 0x80), 0], // overlong
    [bytes(0xed, 0xa0, 0x80), 0], // a surrogate
    [bytes(0xf4, 0x90, 0x80, 0x80), 0], // above U+10FFFF
    [bytes(0x61, 0xe2, 0x82), 1], // cut short
  ])('finds the first invalid byte of %o at %i', (b, at) => expect(firstInvalidUtf8(b)).toBe(at));

  it('decodes valid text and keeps a BOM for the caller to see', () => {
    expect(decodeText(F, new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: '\uFEFFa' });
  });
});

describe('parseYaml', () => {
  it('adds the offset of the first line to the parser position', () => {
    const r = parseYaml('content/phases.yaml', '- id: a\n  id: b\n', 10) as { problem: Problem };
    expect(r.problem).toMatchObject({ line: 11, column: 3, message: ERRORS.yamlDuplicateKey('id', 10) });
  });

  it('finds where a quote opens, past comments, escapes and quotes inside plain values', () => {
    expect(unclosedQuote(['a: "x \\" y"', "b: it's fine", '# "no', "c: 'it''s", 'd: e'])).toEqual({
      line: 4,
      column: 4,
    });
    expect(unclosedQuote(['a: "x"', 'b: [c, "d'])).toEqual({ line: 2, column: 8 });
    expect(unclosedQuote(['a: "x"'])).toBeUndefined();
  });
});

describe('readYamlFile (phases)', () => {
  it('reads a list, and reports a bad one at its line', () => {
    expect(readYamlFile('content/phases.yaml', '- id: a\n')).toEqual({ source: '- id: a\n', data: [{ id: 'a' }] });
    const problems = (text: string) => {
      const r = readYamlFile('content/phases.yaml', text);
      return 'problems' in r ? r.problems.map(formatProblem) : [];
    };
    expect(problems('- id: a\n  title: "x\n')).toEqual([
      `content/phases.yaml:2:10  a.title  ${ERRORS.yamlUnclosedQuote('"')}`,
    ]);
    expect(problems('- id: a\n  title: x\n- id: b\n  start: 2021-01-01\n  start: 2021-02-01\n')).toEqual([
      `content/phases.yaml:5:3  b.start  ${ERRORS.yamlDuplicateKey('start', 4)}`,
    ]);
  });

  it('finds a duplicate key inside a flow mapping', () => {
    expect(lines('---\ntitle: a\nplace: { city: A, city: B }\n---\n')).toEqual([
      `${F}:3:19  place  ${ERRORS.yamlDuplicateKey('city', 3)}`,
    ]);
  });
});

describe('renamedFile', () => {
  it.each([
    ['content/entries/2021/2021-05-01-x.md', 'entries', '2021-05-01-x.mdx'],
    ['content/actors/ann.mdx', 'actors', 'ann.md'],
    ['content/actors/old/ann.mdx', 'actors', undefined],
    ['content/actors/old/ann.md', 'actors', undefined],
  ] as const)('%s in %s: %s', (file, collection, renamed) => expect(renamedFile(file, collection)).toBe(renamed));
});
