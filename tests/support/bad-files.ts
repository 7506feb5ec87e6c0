/**
 * The bad files of tests/fixtures/bad-files (one per way an editor may break a file) and the line each
 * must give, shared by the tests of the editor tools and of the build.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { prepareSite, ROOT } from './site';

export const BAD = join(ROOT, 'tests/fixtures/bad-files');
const E = (name: string) => `content/entries/2021/${name}`;

/** Every line the bad files give, in the order `npm run check` prints them (by file, then line). */
export const EXPECTED = [
  `content/actors/ivo-sand.md:2:7  name  the quote ' opened here is never closed; close it at the end of the value, or leave the quotes out (a ' inside the value: write '')`,
  'content/actors/lena-holm.mdx  file name  this file is never read: actors are .md files; rename it to lena-holm.md',
  `${E('2021-05-01-broken-quote.mdx')}:2:8  title  the quote " opened here is never closed; close it at the end of the value, or leave the quotes out (a " inside the value: write \\")`,
  `${E('2021-05-02-no-frontmatter.mdx')}:1:1  (frontmatter)  the file does not start with a frontmatter; expected a line "---", the fields (one "name: value" a line), and a closing line "---"`,
  `${E('2021-05-03-unclosed-frontmatter.mdx')}:1:1  (frontmatter)  the frontmatter opened on line 1 is never closed; expected a line "---" after the last field`,
  `${E('2021-05-04-not-utf8.mdx')}:2:11  (file)  the file is not UTF-8 text (byte 0xE9 here is not UTF-8); save it with the encoding UTF-8`,
  `${E('2021-05-05-empty.mdx')}:1:1  (file)  the file is empty; expected a frontmatter between two lines "---", then the text`,
  `${E('2021-05-06-bom.mdx')}:1:1  (file)  the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM (in most editors: "UTF-8", not "UTF-8 with BOM")`,
  `${E('2021-05-07-wrong-extension.md')}  file name  this file is never read: entries are .mdx files; rename it to 2021-05-07-wrong-extension.mdx`,
  `${E('2021-05-08-duplicate-key.mdx')}:7:1  title  duplicate field "title": it is already set on line 2; keep one of them`,
  `${E('2021-05-09-tab-indent.mdx')}:8:1  place  a tab in the indentation; YAML indents with spaces only: replace the tab with spaces`,
  `${E('2021-05-10-colon-in-value.mdx')}:2:13  title  a value that holds ": " must be in quotes; expected title: "Talks: day two"`,
];

/** The fixture story with every bad file of tests/fixtures/bad-files/content added. */
export function badStory(name: string): string {
  const dir = prepareSite(name);
  cpSync(join(BAD, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}
