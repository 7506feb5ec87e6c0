import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { findUnsafe, formatUnsafe, UNSAFE } from '../../src/lib/safe-mdx';
import { actorTemplate, entryPathFor, entryTemplate } from '../../src/lib/scaffold';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { actorSchema, makeEntrySchema } from '../../src/lib/schema';

const mdx = (text: string) => findUnsafe(unified().use(remarkParse).use(remarkMdx).parse(text));
const md = (text: string) => findUnsafe(unified().use(remarkParse).parse(text));

describe('findUnsafe in MDX', () => {
  it.each([
    ['import', "import X from './x.js'", UNSAFE.esm(), 1, 1],
    ['export', 'export const a = 1', UNSAFE.esm(), 1, 1],
    ['a text expression', 'Total: {1 + 1}.', UNSAFE.expression(), 1, 8],
    ['a flow expression', '{process.env}', UNSAFE.expression(), 1, 1],
    ['a script', '<script>alert(1)</script>', UNSAFE.dangerous('script'), 1, 1],
    ['an iframe', '<iframe src="https://x.org" />', UNSAFE.dangerous('iframe'), 1, 1],
    ['an object', '<object data="x" />', UNSAFE.dangerous('object'), 1, 1],
    ['an HTML element', '<span>hi</span>', UNSAFE.html('span'), 1, 1],
    ['an unknown component', '<Chart />', UNSAFE.component('Chart'), 1, 1],
    ['a fragment', '<>hi</>', UNSAFE.fragment(), 1, 1],
    ['an event handler', '<Quote by="A" onMouseOver="x()">hi</Quote>', UNSAFE.handler('onMouseOver'), 1, 15],
    ['a spread', '<Quote {...props}>hi</Quote>', UNSAFE.spread(), 1, 1],
    ['an attribute expression', '<Quote by={name}>hi</Quote>', UNSAFE.attrExpression('by'), 1, 8],
    ['a javascript: link', '[x](javascript:alert(1))', UNSAFE.url('a link', 'javascript:alert(1)'), 1, 1],
    ['a data: image', '![x](data:image/png;base64,AAA)', UNSAFE.url('an image', 'data:image/png;base64,AAA'), 1, 1],
    [
      'a data: href',
      '<DocumentLink href="data:text/html,x" title="t" publisher="p" />',
      UNSAFE.url('the attribute href', 'data:text/html,x'),
      1,
      15,
    ],
  ])('rejects %s', (_, text, message, line, column) => {
    expect(mdx(text)).toEqual([{ line, column, message }]);
  });
  it('accepts Markdown, GFM and the allowed components', () => {
    expect(
      mdx(
        '**Bold** and [a link](https://example.org).\n\n<Quote by="Dmitry Peskov">Yes.</Quote>\n\n<Figure src="/a.jpg" alt="A" credit="B" />',
      ),
    ).toEqual([]);
  });
});

describe('findUnsafe in Markdown', () => {
  it('rejects dangerous raw HTML, handlers and script URLs', () => {
    expect(md('<script>x</script>').map((u) => u.message)).toEqual([UNSAFE.dangerous('script')]);
    expect(md('<p onclick="x()">a</p>').map((u) => u.message)).toEqual([UNSAFE.rawHtml('an event-handler attribute')]);
    expect(md('<a href="javascript:x()">a</a>').map((u) => u.message)).toEqual([
      UNSAFE.rawHtml('a javascript: or data: URL'),
    ]);
    expect(md('Plain *text*.')).toEqual([]);
  });
  it('formats a build error that names the file and every line', () => {
    expect(formatUnsafe('content/entries/2025/x.mdx', [{ line: 3, column: 1, message: 'm1' }, { message: 'm2' }])).toBe(
      'Unsafe content in content/entries/2025/x.mdx (2 problems):\ncontent/entries/2025/x.mdx:3:1  body  m1\ncontent/entries/2025/x.mdx  body  m2',
    );
  });
});

describe('scaffold', () => {
  it('makes the path of a new entry from its date and title', () => {
    expect(entryPathFor('2025-05-16', 'Direct talks in Istanbul')).toBe(
      'content/entries/2025/2025-05-16-direct-talks-in-istanbul.mdx',
    );
  });
  it('writes an entry and an actor that the schema accepts', () => {
    const text = entryTemplate(
      {
        date: '2025-05-16',
        title: 'Talks in "Istanbul"',
        kind: 'talks',
        city: 'Istanbul',
        actors: ['a-b'],
        topics: ['prisoners'],
        sourceOutlet: 'Reuters',
        sourceUrl: 'https://example.org/x',
      },
      ['prisoners'],
    );
    const entry = makeEntrySchema(['prisoners']).parse(parseFrontmatter(text).frontmatter);
    expect(entry).toMatchObject({
      title: 'Talks in "Istanbul"',
      date: '2025-05-16',
      place: { city: 'Istanbul' },
      draft: true,
      topics: ['prisoners'],
    });
    const actor = actorSchema.parse(
      parseFrontmatter(
        actorTemplate({ name: 'Hakan Fidan', type: 'person', affiliation: 'Türkiye', aliases: ['Fidan H.'] }),
      ).frontmatter,
    );
    expect(actor).toMatchObject({ name: 'Hakan Fidan', aliases: ['Fidan H.'], roles: [] });
    const bare = actorSchema.parse(
      parseFrontmatter(actorTemplate({ name: 'Qatar', type: 'state', affiliation: 'Qatar' })).frontmatter,
    );
    expect(bare.aliases).toEqual([]);
  });
});
