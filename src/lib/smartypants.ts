/**
 * SmartyPants for Markdown and MDX: straight quotes to curly ones, "--" to an em dash, "..." to an
 * ellipsis, ``these'' to quotes. It is remark-smartypants 3.0.3 (MIT, Astro's default, which the
 * processor's own `smartypants` switch would add), with one change that leaves the output the same:
 * the second pass (dashes, ellipses, backticks) parses a text node with retext only when the node holds
 * something that pass changes. remark-smartypants parses every text node of every file a second time,
 * which was about a tenth of a clean build; our text nodes almost never hold "--", "...", or "``".
 * astro.config.mjs turns the processor's own switch off and lists this plugin where Astro puts its
 * own: first. A test compares the two on every file of the story and the fixture.
 */
import type { Node, Parent, Root } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

const VISITED_NODES = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const IGNORED_HTML_ELEMENTS = new Set(['style', 'script']);
/** Blocks whose text starts afresh: a quote right at their start always opens. */
const BLOCK_NODES = new Set(['paragraph', 'heading', 'tableCell']);

/** What the second pass changes: two dashes, three dots (spaced or not), two backticks or two single quotes. */
const SECOND_PASS = /--|``|''|\.\s*\.\s*\./;

type Literal = Node & { value: string };
const isLiteral = (node: Node): node is Literal => 'value' in node && typeof node.value === 'string';
const isBlock = (node: Node) => BLOCK_NODES.has(node.type);

function check(node: Node, _index: number | undefined, parent: Parent | undefined): boolean {
  const jsx = parent as (Parent & { name?: unknown }) | undefined;
  return (
    parent !== undefined &&
    (parent.type !== 'mdxJsxTextElement' || (typeof jsx?.name === 'string' && !IGNORED_HTML_ELEMENTS.has(jsx.name))) &&
    VISITED_NODES.has(node.type) &&
    (isLiteral(node) || isBlock(node))
  );
}

/** The remark plugin (no options: Astro's defaults). */
export function remarkSmartypants() {
  // Quotes first, over the text of the whole file at once, so quotes pair across links and emphasis;
  // then dashes, ellipses and backticks, which change the text's length, node by node.
  const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(smartypants, { quotes: false });
  return (tree: Root) => {
    let allText = '';
    const nodes: Node[] = [];
    visit(tree, (node: Node, index, parent) => {
      if (!check(node, index, parent)) return;
      if (isLiteral(node)) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      // A space between blocks, so that a quote at the start of a block is read as opening.
      else allText += ' ';
      nodes.push(node);
    });
    allText = quotes.processSync(allText).toString();
    let start = 0;
    for (const node of nodes) {
      if (isLiteral(node)) {
        const end = start + node.value.length;
        if (node.type === 'text') {
          const text = allText.slice(start, end);
          node.value = SECOND_PASS.test(text) ? rest.processSync(text).toString() : text;
        }
        start = end;
      } else start += 1;
    }
  };
}
