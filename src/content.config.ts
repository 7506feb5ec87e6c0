/**
 * The collections of a story, all read from content/: entries (one MDX file an event), actors (one
 * Markdown file each), pages (about) and phases (one YAML list). Where the files are and which names
 * are read comes from src/lib/content-files.ts; shapes come from src/lib/schema.ts.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import site from './site.config';
import { actorSchema, makeEntrySchema, pageSchema, phaseSchema } from './lib/schema';
import { COLLECTIONS, idFromPath, PHASES_FILE, type FileCollection } from './lib/content-files';

/** The glob loader of a one-file-per-record collection; a record's id is its file name. */
const files = (collection: FileCollection) =>
  glob({
    pattern: COLLECTIONS[collection].pattern,
    base: `./${COLLECTIONS[collection].base}`,
    generateId: ({ entry }) => idFromPath(entry),
  });

const entries = defineCollection({ loader: files('entries'), schema: makeEntrySchema(Object.keys(site.topics)) });
const actors = defineCollection({ loader: files('actors'), schema: actorSchema });
const pages = defineCollection({ loader: files('pages'), schema: pageSchema });
const phases = defineCollection({ loader: file(`./${PHASES_FILE}`), schema: phaseSchema });

export const collections = { entries, actors, phases, pages };
