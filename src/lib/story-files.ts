/**
 * Reads a story straight from its files, without Astro: parses every entry, actor and phase with the
 * same YAML parser Astro uses, validates them against the schema and runs the story checks. Used by
 * the content tests (and by editor tooling) to report every problem by file, line and field in a
 * second, without a build.
 */
import type { z } from 'astro/zod';
import { loadContentFile, loadYamlFile } from './frontmatter';
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

/**
 * Checks the body of a Markdown or MDX file for code (see safe-mdx.ts); a parse error is a problem too.
 * `content` is the body preceded by one empty line per frontmatter line (ContentFile.paddedBody).
 */
export function bodyProblems(file: string, content: string): Problem[] {
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
  /** Reads a file's frontmatter and body; a file that cannot be read is a problem, never an exception. */
  const load = (file: string) => {
    const parsed = loadContentFile(root, file);
    if ('problems' in parsed) return void problems.push(...parsed.problems);
    problems.push(...bodyProblems(file, parsed.paddedBody));
    return parsed;
  };
  const read = <T>(file: string, schema: z.ZodType<T>) => {
    const parsed = load(file);
    if (!parsed) return undefined;
    const { source, body } = parsed;
    const result = schema.safeParse(parsed.data);
    if (!result.success) return void problems.push(...schemaProblems(file, source, result.error.issues));
    return { id: idFromPath(file), file, data: result.data, source, body };
  };
  const entries = entryFiles.flatMap((file) => read<EntryData>(file, entrySchema) ?? []);
  const actors = listCollection(root, 'actors').files.flatMap((file) => read<ActorData>(file, actorSchema) ?? []);
  const phasesFile = PHASES_FILE;
  let phasesSource = '';
  const phases: PhaseData[] = [];
  const phasesYaml = loadYamlFile(root, phasesFile);
  if ('problems' in phasesYaml) problems.push(...phasesYaml.problems);
  else if (!Array.isArray(phasesYaml.data)) {
    problems.push({ file: phasesFile, line: 1, column: 1, field: '(file)', message: 'expected a list of phases' });
  } else {
    phasesSource = phasesYaml.source;
    phasesYaml.data.forEach((item: unknown, i: number) => {
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
  }
  let status: StoryInput['status'];
  for (const file of listCollection(root, 'pages').files) {
    if (idFromPath(file) !== STATUS_PAGE) {
      load(file);
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
