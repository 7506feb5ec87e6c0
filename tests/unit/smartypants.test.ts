/** Our SmartyPants (src/lib/smartypants.ts) gives exactly what remark-smartypants, Astro's own, gives. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import upstream from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { listCollection } from '../../src/lib/content-files';
import { markdownBody } from '../../src/lib/markdown-to-text';
import { remarkSmartypants } from '../../src/lib/smartypants';
import { FIXTURE, ROOT } from '../support/site';

const parse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text) as Root;

/** The tree after our plugin and after remark-smartypants. */
function both(text: string): [Root, Root] {
  const ours = unified().use(remarkSmartypants).runSync(parse(text)) as Root;
  const theirs = unified().use(upstream).runSync(parse(text)) as Root;
  return [ours, theirs];
}

describe('remarkSmartypants', () => {
  it.each([
    [
      'quotes',
      'The Kremlin said the talks were "useful" and Russia\'s envoy agreed.',
      'the talks were “useful” and Russia’s envoy',
    ],
    [
      'quotes around emphasis and links',
      '"*Useful*," he said, citing [the "plan"](https://example.org).',
      '“Useful,” he said',
    ],
    ['dashes', 'Talks -- again -- in Istanbul.', 'Talks — again — in Istanbul.'],
    ['ellipses', 'They waited... and waited . . . for an answer.', 'They waited… and waited … for an answer.'],
    ['backticks', "He called it ``final''.", 'He called it “final”.'],
    ['a quote at the start of a block', '# "Peace" plan\n\n\'Yes\', she said.', '“Peace” plan'],
  ])('turns %s into typography as remark-smartypants does', (_, text, expected) => {
    const [ours, theirs] = both(text);
    expect(ours).toEqual(theirs);
    expect(toString(ours)).toContain(expected);
  });

  it('gives the same tree as remark-smartypants for every file of the story and the fixture', () => {
    let compared = 0;
    for (const root of [ROOT, FIXTURE])
      for (const collection of ['entries', 'actors', 'pages'] as const)
        for (const file of listCollection(root, collection).files) {
          const [ours, theirs] = both(markdownBody(readFileSync(join(root, file), 'utf8')));
          expect(ours, file).toEqual(theirs);
          compared++;
        }
    expect(compared).toBeGreaterThan(300);
  });
});
