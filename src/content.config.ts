/**
 * The collections of a story, all read from content/: entries (one MDX file an event), actors (one
 * Markdown file each), pages (about) and phases (one YAML list). Where the files are and which names
 * are read comes from src/lib/content-files.ts; shapes come from src/lib/schema.ts.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import site from './site.config';
import { actorSchema, makeEntrySchema, pageSchema, phaseSchema } from './lib/schema';
import { COLLECTIONS, idFromPath, PHASES_FILE, type FileCollection } from './lib/content-files';
import { loadYamlFile, unreadableFiles } from './lib/frontmatter';
import { StoryError, type Problem } from './lib/validate';

/**
 * A loader that first reads its files as `npm run check` does and fails the build with the same
 * `path:line:column  field  message` lines (a broken YAML quote, a missing fence, a file that is not
 * UTF-8…), instead of the parser's stack trace without the file's line.
 */
const checked = (loader: Loader, problems: (root: string) => Problem[]): Loader => ({
  ...loader,
  load: async (context) => {
    const found = problems(fileURLToPath(context.config.root));
    if (found.length > 0) {
      const error = new StoryError(found);
      // The lines say all there is to say: no stack trace of this loader under them.
      error.stack = '';
      throw error;
    }
    return loader.load(context);
  },
});

/** The glob loader of a one-file-per-record collection; a record's id is its file name. */
const files = (collection: FileCollection) =>
  checked(
    glob({
      pattern: COLLECTIONS[collection].pattern,
      base: `./${COLLECTIONS[collection].base}`,
      generateId: ({ entry }) => idFromPath(entry),
    }),
    (root) => unreadableFiles(root, collection),
  );

const phasesLoader = checked(file(`./${PHASES_FILE}`), (root) => {
  const phases = loadYamlFile(root, PHASES_FILE);
  return 'problems' in phases ? phases.problems : [];
});

const entries = defineCollection({ loader: files('entries'), schema: makeEntrySchema(Object.keys(site.topics)) });
const actors = defineCollection({ loader: files('actors'), schema: actorSchema });
const pages = defineCollection({ loader: files('pages'), schema: pageSchema });
const phases = defineCollection({ loader: phasesLoader, schema: phaseSchema });

export const collections = { entries, actors, phases, pages };
