/**
 * The collections of a story, all read from content/: entries (one MDX file an event), actors (one
 * Markdown file each), pages (about) and phases (one YAML list). Where the files are and which names
 * are read comes from src/lib/content-files.ts; shapes come from src/lib/schema.ts.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import site from './site.config';
import { actorSchema, makeEntrySchema, pageSchema, phaseSchema } from './lib/schema';
import {
  COLLECTIONS,
  idFromPath,
  listCollection,
  PHASES_FILE,
  strayFiles,
  type FileCollection,
} from './lib/content-files';
import { unreadableFiles } from './lib/frontmatter';
import { checkStrayFiles, sortProblems, StoryError, type Problem } from './lib/validate';

/**
 * A loader that first reads every file of the story as `npm run check` does and fails the build with
 * the same `path:line:column  field  message` lines (a broken YAML quote, a missing fence, a file
 * that is not UTF-8, a file no loader reads…), all at once, instead of the parser's stack trace for
 * the first of them. The checks that need the loaded data run later, in src/lib/content.ts.
 */
const checked = (loader: Loader): Loader => ({
  ...loader,
  load: async (context) => {
    const root = fileURLToPath(context.config.root);
    const problems = storyFileProblems(root);
    if (problems.length > 0) {
      const error = new StoryError(problems);
      // The lines say all there is to say: no stack trace of this loader under them.
      error.stack = '';
      throw error;
    }
    return loader.load(context);
  },
});

let lastCheck: { files: string; problems: Problem[] } | undefined;

/**
 * The file-level problems of the story, worked out once for all four loaders (and again only when a
 * file is added, removed or changed, as in `astro dev`): reading every file costs about half a second
 * at 5,000 entries.
 */
function storyFileProblems(root: string): Problem[] {
  const names = [
    ...(Object.keys(COLLECTIONS) as FileCollection[]).flatMap((c) => listCollection(root, c).files),
    PHASES_FILE,
  ];
  const files = names
    .map((name) => {
      const stat = statSync(join(root, name), { throwIfNoEntry: false });
      return `${name} ${stat?.mtimeMs} ${stat?.size}`;
    })
    .join('\n');
  if (lastCheck?.files !== files)
    lastCheck = { files, problems: sortProblems([...unreadableFiles(root), ...checkStrayFiles(strayFiles(root))]) };
  return lastCheck.problems;
}

/** The glob loader of a one-file-per-record collection; a record's id is its file name. */
const files = (collection: FileCollection) =>
  checked(
    glob({
      pattern: COLLECTIONS[collection].pattern,
      base: `./${COLLECTIONS[collection].base}`,
      generateId: ({ entry }) => idFromPath(entry),
    }),
  );

const entries = defineCollection({ loader: files('entries'), schema: makeEntrySchema(Object.keys(site.topics)) });
const actors = defineCollection({ loader: files('actors'), schema: actorSchema });
const pages = defineCollection({ loader: files('pages'), schema: pageSchema });
const phases = defineCollection({ loader: checked(file(`./${PHASES_FILE}`)), schema: phaseSchema });

export const collections = { entries, actors, phases, pages };
