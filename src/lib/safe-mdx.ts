/**
 * Content is not code. This module finds everything in an entry's MDX (or a Markdown file's raw HTML)
 * that could run code in a reader's browser or on the build machine: import/export statements,
 * expressions in braces, script-like elements, components outside the allowlist, event-handler
 * attributes, and javascript:/data: URLs. The same walk runs in the build (as a remark plugin) and in
 * `npm run check`, with the messages of one table.
 */
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { plural } from './labels';

/** The components the site provides to authors, with what each is for. */
export const ALLOWED_COMPONENTS = {
  Quote: 'a quotation with its attribution: <Quote by="Dmitry Peskov, Kremlin spokesman">…</Quote>',
  Figure:
    'an image from public/ with a caption and credit: <Figure src="/images/x.jpg" alt="…" caption="…" credit="…" />',
  DocumentLink: 'a link to a primary document: <DocumentLink href="https://…" title="…" publisher="…" />',
} as const;
/** Names of the allowed components. */
export type AllowedComponent = keyof typeof ALLOWED_COMPONENTS;

const ALLOWED = Object.keys(ALLOWED_COMPONENTS);
const DANGEROUS_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'applet',
  'base',
  'form',
  'meta',
  'link',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'srcset', 'xlink:href']);
const BAD_SCHEME = /^\s*(javascript|data|vbscript):/i;

/** Every message of the safe-MDX check. */
export const UNSAFE = {
  esm: () => 'import and export statements are not allowed in entries: entries are content, not code',
  expression: () => 'JavaScript expressions in braces are not allowed; to write a brace as text, escape it: \\{',
  dangerous: (tag: string) => `<${tag}> is not allowed in content: it can run code or change the page`,
  html: (tag: string) =>
    `the HTML element <${tag}> is not allowed; write Markdown, or use one of the site's components: ${ALLOWED.join(', ')}`,
  component: (name: string) => `unknown component <${name}>; the components authors may use are: ${ALLOWED.join(', ')}`,
  fragment: () => `empty tags <>…</> are not allowed; write Markdown, or use one of: ${ALLOWED.join(', ')}`,
  handler: (attr: string) => `the event-handler attribute ${attr} is not allowed: it runs JavaScript`,
  spread: () => 'spread attributes {...} are not allowed; give each attribute as name="value"',
  attrExpression: (attr: string) => `the attribute ${attr} must be a plain quoted string, not an expression in braces`,
  url: (where: string, url: string) =>
    `${where} uses a ${url.split(':')[0]!.trim().toLowerCase()}: URL, which is not allowed; use an https:// link`,
  rawHtml: (what: string) => `raw HTML with ${what} is not allowed in content`,
} as const;

/** One unsafe construct, with its position in the file. */
export interface UnsafeNode {
  line?: number;
  column?: number;
  message: string;
}

function at(node: { position?: { start: { line: number; column: number } } | undefined }, message: string): UnsafeNode {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column, message } : { message };
}

/** Finds every unsafe construct in an MDX or Markdown tree (mdast, with the MDX extensions). */
export function findUnsafe(tree: Root): UnsafeNode[] {
  const found: UnsafeNode[] = [];
  visit(tree, (node: Nodes) => {
    switch (node.type) {
      case 'mdxjsEsm':
        found.push(at(node, UNSAFE.esm()));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        found.push(at(node, UNSAFE.expression()));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (name === null) found.push(at(node, UNSAFE.fragment()));
        else if (DANGEROUS_ELEMENTS.has(name.toLowerCase())) found.push(at(node, UNSAFE.dangerous(name)));
        else if (/^[a-z]/.test(name)) found.push(at(node, UNSAFE.html(name)));
        else if (!ALLOWED.includes(name)) found.push(at(node, UNSAFE.component(name)));
        for (const attr of node.attributes) {
          if (attr.type === 'mdxJsxExpressionAttribute') {
            found.push(at(node, UNSAFE.spread()));
            continue;
          }
          if (/^on/i.test(attr.name)) found.push(at(attr.position ? attr : node, UNSAFE.handler(attr.name)));
          else if (attr.value !== null && typeof attr.value === 'object')
            found.push(at(attr.position ? attr : node, UNSAFE.attrExpression(attr.name)));
          else if (
            typeof attr.value === 'string' &&
            URL_ATTRIBUTES.has(attr.name.toLowerCase()) &&
            BAD_SCHEME.test(attr.value)
          ) {
            found.push(at(attr.position ? attr : node, UNSAFE.url(`the attribute ${attr.name}`, attr.value)));
          }
        }
        break;
      }
      case 'link':
      case 'image':
      case 'definition':
        if (BAD_SCHEME.test(node.url))
          found.push(at(node, UNSAFE.url(node.type === 'image' ? 'an image' : 'a link', node.url)));
        break;
      case 'html': {
        const tag = /<\s*(script|style|iframe|object|embed|frame|applet|base|form|meta|link)\b/i.exec(node.value);
        if (tag) found.push(at(node, UNSAFE.dangerous(tag[1]!.toLowerCase())));
        else if (/\son[a-z]+\s*=/i.test(node.value)) found.push(at(node, UNSAFE.rawHtml('an event-handler attribute')));
        else if (/(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(node.value))
          found.push(at(node, UNSAFE.rawHtml('a javascript: or data: URL')));
        break;
      }
      default:
        break;
    }
  });
  return found;
}

/** The message the build fails with: every unsafe construct of one file, as path:line:column  body  message. */
export function formatUnsafe(file: string, found: readonly UnsafeNode[]): string {
  const lines = found.map((f) => `${f.line ? `${file}:${f.line}:${f.column ?? 1}` : file}  body  ${f.message}`);
  return `Unsafe content in ${file} (${plural(found.length, 'problem')}):\n${lines.join('\n')}`;
}

/** The remark plugin that fails the build on unsafe content, listing every problem of the file. */
export function remarkSafeMdx() {
  return (tree: Root, file: { path?: string; cwd?: string }) => {
    const found = findUnsafe(tree);
    if (found.length === 0) return;
    const cwd = file.cwd ?? process.cwd();
    const path = file.path ? (file.path.startsWith(cwd) ? file.path.slice(cwd.length + 1) : file.path) : 'content';
    throw new Error(formatUnsafe(path, found));
  };
}
