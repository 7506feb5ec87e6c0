/**
 * Reads a story straight from its files, without Astro: parses every entry, actor and phase with the
 * same YAML parser Astro uses, validates them against the schema and runs the story checks. Used by
 * the content tests (and by editor tooling) to report every problem by file, line and field in a
 * second, without a build.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { idFromPath } from './paths';
import { actorSchema, makeEntrySchema, phaseSchema, type ActorData, type EntryData, type PhaseData } from './schema';
import { checkStory, locate, type CheckedActor, type CheckedEntry, type Problem } from './validate';

/** A story read from disk: its valid records, and every problem found. */
export interface StoryFiles {
  entries: (CheckedEntry & { body: string })[];
  actors: (CheckedActor & { body: string })[];
  phases: PhaseData[];
  problems: Problem[];
}

function list(root: string, dir: string, ext: RegExp): string[] {
  try {
    return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => ext.test(f))
      .map((f) => join(dir, f).replace(/\\/g, '/'))
      .sort();
  } catch {
    return [];
  }
}

function schemaProblems(file: string, source: string, issues: readonly { path: PropertyKey[]; message: string }[]): Problem[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(frontmatter)';
    const top = issue.path[0] === undefined ? undefined : String(issue.path[0]);
    const pos = top ? locate(source, top) : undefined;
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

/** Loads and checks the story under `root` (the folder that holds content/). */
export function readStory(root: string, topics: readonly string[], production = true): StoryFiles {
  const problems: Problem[] = [];
  const entrySchema = makeEntrySchema(topics);
  const entryFiles = list(root, 'content/entries', /\.mdx?$/);
  const read = <T>(file: string, schema: z.ZodType<T>) => {
    const source = readFileSync(join(root, file), 'utf8');
    const parsed = parse(file, source);
    if ('message' in parsed) return void problems.push(parsed);
    const result = schema.safeParse(parsed.data);
    if (!result.success) return void problems.push(...schemaProblems(file, source, result.error.issues));
    return { id: idFromPath(file), file, data: result.data, source, body: parsed.body };
  };
  const entries = entryFiles.flatMap((file) => read<EntryData>(file, entrySchema) ?? []);
  const actors = list(root, 'content/actors', /\.md$/).flatMap((file) => read<ActorData>(file, actorSchema) ?? []);
  const phasesFile = 'content/phases.yaml';
  let phasesSource = '';
  const phases: PhaseData[] = [];
  try {
    phasesSource = readFileSync(join(root, phasesFile), 'utf8');
    const raw = yaml.load(phasesSource);
    if (!Array.isArray(raw)) throw new Error('expected a list of phases');
    raw.forEach((item: unknown, i: number) => {
      const result = phaseSchema.safeParse(item);
      if (result.success) phases.push(result.data);
      else problems.push(...result.error.issues.map((issue) => ({ file: phasesFile, field: `[${i}].${issue.path.join('.')}`, message: issue.message })));
    });
  } catch (error) {
    problems.push({ file: phasesFile, field: '(file)', message: (error as Error).message.split('\n')[0] ?? 'unreadable' });
  }
  problems.push(...checkStory({ entries, entryFiles, actors, phases, phasesFile, phasesSource, production }));
  return { entries, actors, phases, problems };
}
