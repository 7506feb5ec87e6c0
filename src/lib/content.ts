/**
 * The one module that talks to astro:content. It loads the story once per build, drops drafts in
 * production, runs the story checks (failing the build with every problem, by file, line and
 * field), and hands pages plain, sorted, indexed data.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import site from '../site.config';
import { checkSiteConfig } from './config';
import { buildActorIndex, type ActorRecord } from './actors';
import { sortEntries } from './timeline';
import { checkStory, formatProblem, isError, StoryError, type CheckedActor, type CheckedEntry } from './validate';
import type { PhaseData, TextActor, TextEntry } from './schema';
import { today } from './dates';
import { actorFile, entryFile, listCollection, pageFile, PHASES_FILE, STATUS_PAGE, strayFiles } from './content-files';
import { markdownToText } from './markdown-to-text';
import { plainTexts } from './plain-texts';

/** One published entry, as pages use it. */
export type Entry = CollectionEntry<'entries'>;
/** One actor of the registry. */
export type Actor = CollectionEntry<'actors'>;
/** A standalone page (about). */
export type Page = CollectionEntry<'pages'>;

/** The whole story, loaded and checked. */
export interface Story {
  /** Published entries in story order. */
  entries: Entry[];
  entryById: Map<string, Entry>;
  /** Actors by name. */
  actors: Actor[];
  actorById: Map<string, Actor>;
  /** An actor's canonical name by id (undefined for an unknown id). */
  actorName: (id: string) => string | undefined;
  /** Index of each actor's entries and co-appearances. */
  actorIndex: Map<string, ActorRecord<Actor, Entry>>;
  /** Phases in time order. */
  phases: PhaseData[];
}

const ROOT = process.cwd();

function readText(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(join(ROOT, path), 'utf8');
  } catch {
    return undefined;
  }
}

async function load(): Promise<Story> {
  checkSiteConfig(site);
  const production = import.meta.env.PROD;
  const [allEntries, actorList, phaseList, pages] = await Promise.all([
    getCollection('entries'),
    getCollection('actors'),
    getCollection('phases'),
    getCollection('pages'),
  ]);
  const statusPage = pages.find((p) => p.id === STATUS_PAGE);
  const phasesFile = PHASES_FILE;
  /** A record as the checks see it: the file's text (for line numbers) and body where there are ones. */
  const withText = <T extends object>(record: T, path: string | undefined, body?: string) => {
    const source = readText(path);
    return { ...record, ...(source === undefined ? {} : { source }), ...(body === undefined ? {} : { body }) };
  };
  const checked: CheckedEntry[] = allEntries.map((e) =>
    withText({ id: e.id, file: e.filePath ?? entryFile(e.id), data: e.data }, e.filePath, e.body),
  );
  const checkedActors: CheckedActor[] = actorList.map((a) =>
    withText({ id: a.id, file: a.filePath ?? actorFile(a.id), data: a.data }, a.filePath),
  );
  const phasesSource = readText(phasesFile);
  const problems = checkStory({
    entries: checked,
    entryFiles: listCollection(ROOT, 'entries').files,
    strayFiles: strayFiles(ROOT),
    ...(statusPage
      ? {
          status: withText(
            { file: statusPage.filePath ?? pageFile(STATUS_PAGE), updated: statusPage.data.updated },
            statusPage.filePath,
          ),
        }
      : {}),
    actors: checkedActors,
    phases: phaseList.map((p) => p.data),
    phasesFile,
    ...(phasesSource === undefined ? {} : { phasesSource }),
    production,
    today: today(site.timeZone),
  });
  const errors = problems.filter(isError);
  if (errors.length > 0) throw new StoryError(errors);
  for (const warning of problems) console.warn(`warning: ${formatProblem(warning)}`);

  const entries = sortEntries(allEntries.filter((e) => !(production && e.data.draft)));
  const actors = [...actorList].sort((a, b) => a.data.name.localeCompare(b.data.name));
  const actorById = new Map(actors.map((a) => [a.id, a]));
  return {
    entries,
    entryById: new Map(entries.map((e) => [e.id, e])),
    actors,
    actorById,
    actorName: (id) => actorById.get(id)?.data.name,
    actorIndex: buildActorIndex(actors, entries),
    phases: phaseList.map((p) => p.data).sort((a, b) => a.start.localeCompare(b.start)),
  };
}

let cached: Promise<Story> | undefined;

/** The checked story; loaded once per build (and again in dev, where content changes). */
export function getStory(): Promise<Story> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

/** A standalone page by id (e.g. "about"); fails clearly when content/pages/<id>.md is missing. */
export async function getPage(id: string): Promise<Page> {
  const page = await findPage(id);
  if (!page) throw new Error(`Missing page: expected ${pageFile(id)} (or .mdx)`);
  return page;
}

/** A standalone page by id that a story may leave out (e.g. the status page). */
export async function findPage(id: string): Promise<Page | undefined> {
  return (await getCollection('pages')).find((p) => p.id === id);
}

export { render };

let data: Promise<{ entries: TextEntry[]; actors: TextActor[] }> | undefined;

/** Entries and actors with their bodies as plain text, for feeds and open data (computed once). */
export function getStoryData(): Promise<{ entries: TextEntry[]; actors: TextActor[] }> {
  data ??= getStory().then((story) => {
    // Texts the build's workers have worked out already (see plain-texts.ts); the rest here.
    const ready = plainTexts();
    const text = (e: { filePath?: string | undefined; body?: string | undefined }) =>
      (e.filePath === undefined ? undefined : ready.get(e.filePath)) ?? markdownToText(e.body ?? '');
    return {
      entries: story.entries.map((e) => ({ id: e.id, data: e.data, text: text(e) })),
      actors: story.actors.map((a) => ({ id: a.id, data: a.data, text: text(a) })),
    };
  });
  return data;
}
