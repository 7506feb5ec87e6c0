/** An entry's or a bio's Markdown/MDX as plain text, paragraph by paragraph, for open data and feeds. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

function blockText(node: RootContent): string {
  if (node.type === 'list') return node.children.map((item) => `- ${flat(toString(item))}`).join('\n');
  if (node.type === 'table')
    return node.children.map((row) => row.children.map((cell) => flat(toString(cell))).join(' | ')).join('\n');
  return flat(toString(node));
}

const commonMark = unified().use(remarkParse);
const gfm = unified().use(remarkParse).use(remarkGfm);

/**
 * True when a text may hold GitHub-flavoured syntax that changes its plain text: a table (|), a
 * strikethrough (~), a footnote ([^) or a task-list box ([ ] or [x]). GFM's other addition, links
 * from bare URLs, reads the same as text either way. Parsing with GFM costs about three times as
 * much, which at 5,000 entries is seconds of every build.
 */
const mayUseGfm = (body: string) => /[|~]|\[\^|\[[ xX]\]/.test(body);

/**
 * Plain text of an entry's or a bio's body: blocks separated by blank lines. Entries may hold no MDX
 * code (src/lib/safe-mdx.ts), so plain Markdown parsing reads them right, and much faster.
 * `alwaysGfm` parses with GFM whatever the text holds (the tests compare both ways).
 */
export function markdownToText(body: string, alwaysGfm = false): string {
  const processor = alwaysGfm || mayUseGfm(body) ? gfm : commonMark;
  const tree = processor.runSync(processor.parse(body)) as Root;
  return tree.children
    .filter((n) => n.type !== 'definition' && n.type !== 'footnoteDefinition')
    .map(blockText)
    .filter(Boolean)
    .join('\n\n');
}

/** The body of a Markdown or MDX file's source: what follows its frontmatter. */
export const markdownBody = (source: string) => source.replace(/^---\r?\n[\s\S]*?\r?\n---[^\S\r\n]*(?:\r?\n|$)/, '');
