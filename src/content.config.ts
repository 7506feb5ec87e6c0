/**
 * The collections of a story, all read from content/: entries (one MDX file an event), actors (one
 * Markdown file each) and phases (one YAML list). Shapes come from src/lib/schema.ts.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import site from './site.config';
import { actorSchema, makeEntrySchema, pageSchema, phaseSchema } from './lib/schema';
import { idFromPath } from './lib/paths';

const entries = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: './content/entries',
    generateId: ({ entry }) => idFromPath(entry),
  }),
  schema: makeEntrySchema(Object.keys(site.topics)),
});

const actors = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/actors', generateId: ({ entry }) => idFromPath(entry) }),
  schema: actorSchema,
});

const phases = defineCollection({
  loader: file('./content/phases.yaml'),
  schema: phaseSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: './content/pages', generateId: ({ entry }) => idFromPath(entry) }),
  schema: pageSchema,
});

export const collections = { entries, actors, phases, pages };
