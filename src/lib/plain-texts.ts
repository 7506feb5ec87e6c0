/**
 * Plain texts of story files worked out ahead of need, by file path relative to the project root
 * ("content/entries/2025/x.mdx"). The share-image worker processes, which read every entry anyway,
 * turn each entry's and actor's body into plain text (markdownToText) first, on the core the build
 * leaves idle, and report it; getStoryData (content.ts) takes a file's text from here and works out
 * itself only what is missing (in `astro dev`, say, where there are no workers). The same function
 * makes the text either way, so the output is the same.
 *
 * The integration and the pages are bundled apart but run in one process: they meet on globalThis.
 */
const KEY = Symbol.for('peace-talks-timeline.plain-texts');

/** The texts reported so far in this process. */
export function plainTexts(): Map<string, string> {
  const shared = globalThis as { [KEY]?: Map<string, string> };
  return (shared[KEY] ??= new Map());
}
