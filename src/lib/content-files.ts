/**
 * What a content file is: where each collection's files live and which names the loader reads, how a
 * file's path becomes a record's id, and how a title becomes one. The loader config
 * (src/content.config.ts), `npm run check`, the editor CLIs and the share-image workers all read
 * files through this module, so a file one of them reads is a file all of them read.
 * It imports only Node's own modules and npm packages: the share-image worker runs it with plain Node.
 */
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

/** An id as used in file names and URLs: lower-case ASCII words joined by hyphens. */
export const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The collections kept as one file per record: their folder, the glob pattern of their files in it,
 * and the extension an editor should give a new file (entries are MDX, actors plain Markdown).
 */
export const COLLECTIONS = {
  entries: {
    base: 'content/entries',
    pattern: '**/*.mdx',
    extension: '.mdx',
    where: 'content/entries/<year>/<id>.mdx',
  },
  actors: { base: 'content/actors', pattern: '*.md', extension: '.md', where: 'content/actors/<id>.md' },
  pages: { base: 'content/pages', pattern: '*.{md,mdx}', extension: '.md', where: 'content/pages/<id>.md' },
} as const;

/** One collection kept as one file per record. */
export type FileCollection = keyof typeof COLLECTIONS;

/** The id of the page that says where things stand (content/pages/status.md), shown on the home page. */
export const STATUS_PAGE = 'status';

/** The story's chapters: one YAML list. */
export const PHASES_FILE = 'content/phases.yaml';

/** The id of a record from its file path: the file name without folders or extension. */
export function idFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.(mdx?|ya?ml|json)$/i, '');
}

/** An id from a title or a name: ASCII, lower case, words joined by hyphens, at most `maxWords` words. */
export function slugify(text: string, maxWords = 6): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  const slug = words.slice(0, maxWords).join('-');
  return ID_RE.test(slug) ? slug : 'untitled';
}

/** The files of a collection, as the loader reads them and as a reader of the folder may expect them. */
export interface CollectionFiles {
  /** Paths (relative to the story's root, with "/") of the files the loader reads, sorted. */
  files: string[];
  /** Markdown or MDX files in the collection's folder that its pattern does not match: never read. */
  stray: string[];
}

/**
 * Lists a collection's files under `root` (the folder that holds content/) by the loader's own pattern,
 * matched by the loader's own glob library (tinyglobby, as Astro's glob loader calls it): the same
 * files, and about four times as fast as Node's fs.globSync on 5,000 entries.
 */
export function listCollection(root: string, collection: FileCollection): CollectionFiles {
  const { base, pattern } = COLLECTIONS[collection];
  const cwd = join(root, base);
  const find = (glob: string) => {
    try {
      return globSync(glob, { cwd, expandDirectories: false }).map((f) => `${base}/${f.replace(/\\/g, '/')}`);
    } catch {
      return [];
    }
  };
  const files = find(pattern).sort();
  const read = new Set(files);
  return {
    files,
    stray: find('**/*.{md,mdx}')
      .filter((f) => !read.has(f))
      .sort(),
  };
}

/** Where an entry's file goes: content/entries/<yyyy>/<id>.mdx (an entry's id starts with its date). */
export function entryFile(id: string): string {
  return `${COLLECTIONS.entries.base}/${id.slice(0, 4)}/${id}.mdx`;
}

/** Where a standalone page's file is: content/pages/<id>.md. */
export function pageFile(id: string): string {
  return `${COLLECTIONS.pages.base}/${id}.md`;
}

/** Where an actor's file goes: content/actors/<id>.md. */
export function actorFile(id: string): string {
  return `${COLLECTIONS.actors.base}/${id}.md`;
}

/** Every Markdown or MDX file under a collection's folder that the collection's loader does not read. */
export function strayFiles(root: string): { file: string; collection: FileCollection }[] {
  return (Object.keys(COLLECTIONS) as FileCollection[]).flatMap((collection) =>
    listCollection(root, collection).stray.map((file) => ({ file, collection })),
  );
}

/** The file's name with the collection's extension, when only the extension keeps the loader from reading it. */
export function renamedFile(file: string, collection: FileCollection): string | undefined {
  const { base, pattern, extension } = COLLECTIONS[collection];
  const name = file.split('/').pop()!;
  if (name.endsWith(extension)) return undefined;
  const inSubfolder = file.slice(base.length + 1).includes('/');
  return inSubfolder && !pattern.startsWith('**/') ? undefined : name.replace(/\.mdx?$/, extension);
}
