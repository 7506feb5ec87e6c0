/**
 * Reads a story straight from its files, without Astro: parses every entry, actor and phase with the
 * same YAML parser Astro uses, validates them against the schema and runs the story checks. Used by
 * the content tests (and by editor tooling) to report every problem by file, line and field in a
 * second, without a build.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idFromPath, listCollection, PHASES_FILE, STATUS_PAGE, strayFiles } from './content-files';
import {
  actorSchema,
  makeEntrySchema,
  pageSchema,
  phaseSchema,
  type ActorData,
  type EntryData,
  type PhaseData,
} from './schema';
import { checkStory, locate, type CheckedActor, type CheckedEntry, type Problem, type StoryInput } from './validate';
import { findUnsafe } from './safe-mdx';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Day } from './dates';
import type { Root } from 'mdast';

/** A story read from disk: its valid records, and every problem found. */
export interface StoryFiles {
  entries: (CheckedEntry & { body: string })[];
  actors: (CheckedActor & { body: string })[];
  phases: PhaseData[];
  problems: Problem[];
}

/** Where to point when a field is missing: the field that requires it. */
const RELATED_FIELD: Record<string, string> = { confidenceNote: 'confidence', timeZone: 'time', time: 'timeZone' };

function schemaProblems(
  file: string,
  source: string,
  issues: readonly { path: PropertyKey[]; message: string }[],
): Problem[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(frontmatter)';
    const top = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    // A missing field has no line of its own: point at the field it goes with, or at the frontmatter.
    const pos = (top ? (locate(source, top) ?? locate(source, RELATED_FIELD[top] ?? top)) : undefined) ?? {
      line: 1,
      column: 1,
    };
    return { file, ...(pos ? { line: pos.line, column: pos.column } : {}), field, message: issue.message };
  });
}

function parse(file: string, source: string): { data: Record<string, unknown>; body: string } | Problem {
  try {
    const { frontmatter, content } = parseFrontmatter(source);
    return { data: frontmatter, body: content };
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    return {
      file,
      ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
      field: '(frontmatter)',
      message: `the YAML frontmatter does not parse: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}

/** Checks the body of a Markdown or MDX file for code (see safe-mdx.ts); a parse error is a problem too. */
export function bodyProblems(file: string, source: string): Problem[] {
  const { content } = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
  const processor = file.endsWith('.mdx')
    ? unified().use(remarkParse).use(remarkMdx).use(remarkGfm)
    : unified().use(remarkParse).use(remarkGfm);
  try {
    const tree = processor.runSync(processor.parse(content)) as Root;
    return findUnsafe(tree).map((u) => ({
      file,
      ...(u.line ? { line: u.line, column: u.column ?? 1 } : {}),
      field: 'body',
      message: u.message,
    }));
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message: string };
    const hint = file.endsWith('.mdx') ? ' (in MDX, < and { start code: write \\< and \\{ for the characters)' : '';
    return [
      {
        file,
        ...(e.line ? { line: e.line, column: e.column ?? 1 } : {}),
        field: 'body',
        message: `the MDX does not parse: ${e.reason ?? e.message}${hint}`,
      },
    ];
  }
}

/** Loads and checks the story under `root` (the folder that holds content/). */
export function readStory(root: string, topics: readonly string[], production = true, today?: Day): StoryFiles {
  const problems: Problem[] = [];
  const entrySchema = makeEntrySchema(topics);
  const entryFiles = listCollection(root, 'entries').files;
  const read = <T>(file: string, schema: z.ZodType<T>) => {
    const source = readFileSync(join(root, file), 'utf8');
    problems.push(...bodyProblems(file, source));
    const parsed = parse(file, source);
    if ('message' in parsed) return void problems.push(parsed);
    const result = schema.safeParse(parsed.data);
    if (!result.success) return void problems.push(...schemaProblems(file, source, result.error.issues));
    return { id: idFromPath(file), file, data: result.data, source, body: parsed.body };
  };
  const entries = entryFiles.flatMap((file) => read<EntryData>(file, entrySchema) ?? []);
  const actors = listCollection(root, 'actors').files.flatMap((file) => read<ActorData>(file, actorSchema) ?? []);
  const phasesFile = PHASES_FILE;
  let phasesSource = '';
  const phases: PhaseData[] = [];
  try {
    phasesSource = readFileSync(join(root, phasesFile), 'utf8');
    const raw = yaml.load(phasesSource);
    if (!Array.isArray(raw)) throw new Error('expected a list of phases');
    raw.forEach((item: unknown, i: number) => {
      const result = phaseSchema.safeParse(item);
      if (result.success) phases.push(result.data);
      else
        problems.push(
          ...result.error.issues.map((issue) => ({
            file: phasesFile,
            field: `[${i}].${issue.path.join('.')}`,
            message: issue.message,
          })),
        );
    });
  } catch (error) {
    problems.push({
      file: phasesFile,
      field: '(file)',
      message: (error as Error).message.split('\n')[0] ?? 'unreadable',
    });
  }
  let status: StoryInput['status'];
  for (const file of listCollection(root, 'pages').files) {
    if (idFromPath(file) !== STATUS_PAGE) {
      problems.push(...bodyProblems(file, readFileSync(join(root, file), 'utf8')));
      continue;
    }
    // read() checks the body too, and the frontmatter against the page schema.
    const page = read(file, pageSchema);
    if (page) status = { file, source: page.source, ...(page.data.updated ? { updated: page.data.updated } : {}) };
  }
  problems.push(
    ...checkStory({
      entries,
      entryFiles,
      actors,
      phases,
      phasesFile,
      phasesSource,
      production,
      ...(today ? { today } : {}),
      strayFiles: strayFiles(root),
      ...(status ? { status } : {}),
    }),
  );
  return { entries, actors, phases, problems };
}
