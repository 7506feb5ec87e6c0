/**
 * The story's own checks, beyond the schema: references, duplicates, file names, date order and
 * phase coverage. Each problem names the file, the line where it can be found, the field and the
 * bad value, and suggests the nearest valid value. Messages live in one table, ERRORS.
 */
import { addDays, compareDays, formatDay, partialDateSpan, type Day } from './dates';
import { mentionedActors } from './names';
import { actorFile, COLLECTIONS, ID_RE, idFromPath, renamedFile, type FileCollection } from './content-files';
import { suggest } from './suggest';
import { plural } from './labels';
import type { ActorData, EntryData, PhaseData } from './schema';

/** One thing wrong with the content. */
export interface Problem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line and column where the field or value stands, when found. */
  line?: number;
  column?: number;
  /** The field at fault, e.g. "actors" or "related[1]". */
  field: string;
  /** What is wrong, what was expected, and a suggestion where one exists. */
  message: string;
  /** A warning is reported but fails neither npm run check nor the build; anything else is an error. */
  severity?: 'warning';
}

/** True for a problem that fails the check and the build. */
export const isError = (p: Problem) => p.severity !== 'warning';

/** Words about how the story was researched, which readers should never see in it. */
export const RESEARCH_WORDS = ['low-quality', 'stored report', 'stored page', 'dossier'] as const;

const quote = (s: string) => `"${s}"`;
const didYouMean = (s: string | undefined) => (s ? `; did you mean ${quote(s)}?` : '');

/** Every message the checks can give, so messages and tests cannot drift apart. */
export const ERRORS = {
  unknownActor: (id: string, suggestion?: string) =>
    `unknown actor id ${quote(id)}: no file ${actorFile(id)}${didYouMean(suggestion)}`,
  actorNotNamed: (id: string, name: string, suggestion?: string) =>
    `${quote(id)} is tagged, but the title, summary and text never name ${name}; say what they did in the text, or remove the tag${didYouMean(suggestion)}`,
  researchWords: (words: string) =>
    `${quote(words)} speaks of our research, not to readers; say what a reader can judge, e.g. "a single unverified report" or "according to one outlet"`,
  statusStale: (updated: Day, latest: Day) =>
    `the status was last updated on ${updated}, before the latest event (${latest}); say where things stand now and set updated`,
  statusWithoutDate: () => 'the status page needs updated: YYYY-MM-DD, the day its text was last brought up to date',
  roleEndsBeforeStart: (title: string, to: string, from: string) =>
    `the role ${quote(title)} ends (${to}) before it starts (${from}); expected to on or after from`,
  roleOverlap: (title: string) =>
    `two roles titled ${quote(title)} overlap; merge them into one, or give each its own from and to`,
  unknownRelated: (id: string, suggestion?: string) => `unknown entry id ${quote(id)}${didYouMean(suggestion)}`,
  relatedIsDraft: (id: string) => `entry ${quote(id)} is a draft and is not published; remove it from related`,
  relatedIsSelf: (id: string) => `an entry cannot be related to itself (${quote(id)})`,
  duplicateId: (id: string, others: string[]) =>
    `duplicate entry id ${quote(id)}: also used by ${others.join(', ')}; give each file a distinct name`,
  endBeforeStart: (end: Day, start: Day) =>
    `endDate ${end} is before date ${start}; expected a day on or after ${start}`,
  fileNameDate: (file: string, date: Day) =>
    `the file name ${quote(file)} does not start with the entry's date; expected ${date}-<slug>.mdx`,
  fileFolderYear: (folder: string, year: string) =>
    `the file is in folder ${quote(folder)} but its date is in ${year}; expected content/entries/${year}/`,
  fileNameSlug: (name: string) =>
    `the file name ${quote(name)} is not a valid id; expected lower-case words joined by hyphens`,
  phaseOverlap: (a: string, b: string, day: Day) =>
    `phase ${quote(b)} starts on ${day}, before phase ${quote(a)} ends; phases must not overlap`,
  phaseGap: (a: string, b: string, from: Day, to: Day) =>
    `gap between phases ${quote(a)} and ${quote(b)}: no phase covers ${from} to ${to}; expected ${quote(b)} to start on ${from}`,
  phaseOpenEnd: (id: string) => `phase ${quote(id)} has no end but is not the last phase; give it an end day`,
  phaseEndBeforeStart: (id: string, end: Day, start: Day) =>
    `phase ${quote(id)} ends on ${end}, before it starts on ${start}`,
  strayFile: (collection: FileCollection) =>
    `this file is never read: ${collection} are read only as ${COLLECTIONS[collection].where}; move it there`,
  wrongExtension: (collection: FileCollection, renamed: string) =>
    `this file is never read: ${collection} are ${COLLECTIONS[collection].extension} files; rename it to ${renamed}`,
  notUtf8: (byte: string) =>
    `the file is not UTF-8 text (byte 0x${byte} here is not UTF-8); save it with the encoding UTF-8`,
  byteOrderMark: () =>
    'the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM (in most editors: "UTF-8", not "UTF-8 with BOM")',
  unreadableFile: (code?: string) =>
    code === 'ENOENT' ? 'the file is missing' : `the file cannot be read${code ? ` (${code})` : ''}`,
  emptyFile: () => 'the file is empty; expected a frontmatter between two lines "---", then the text',
  noFrontmatter: () =>
    'the file does not start with a frontmatter; expected a line "---", the fields (one "name: value" a line), and a closing line "---"',
  unclosedFrontmatter: (line: number) =>
    `the frontmatter opened on line ${line} is never closed; expected a line "---" after the last field`,
  frontmatterNotFields: () => 'the frontmatter is not a list of fields; expected one "name: value" a line',
  yamlUnclosedQuote: (quote = '"') =>
    `the quote ${quote} opened here is never closed; close it at the end of the value, or leave the quotes out (a ${quote} inside the value: ${quote === '"' ? 'write \\"' : "write ''"})`,
  yamlDuplicateKey: (key: string, first?: number) =>
    `duplicate field "${key}"${first ? `: it is already set on line ${first}` : ''}; keep one of them`,
  yamlTab: () => 'a tab in the indentation; YAML indents with spaces only: replace the tab with spaces',
  yamlColon: (key: string, value: string) =>
    `a value that holds ": " must be in quotes; expected ${key}: ${JSON.stringify(value)}`,
  yamlSyntax: (reason: string) =>
    `the YAML does not parse: ${reason}${reason.startsWith('bad indentation') ? ' (check the spaces before the field, and put a value that holds ": " in quotes)' : ''}`,
  duplicatePhase: (id: string) => `duplicate phase id ${quote(id)}`,
  entryOutsidePhases: (date: Day) =>
    `no phase covers ${formatDay(date)} (${date}); extend a phase in content/phases.yaml or add one`,
  noPhases: () => 'the story has no phases; add at least one to content/phases.yaml',
  futureDate: (date: Day, today: Day) =>
    `date ${date} is more than a year after today (${today}); check the year (a planned event is added when it happens)`,
  futureRecord: (field: string, date: Day, today: Day) =>
    `${field} ${date} is after today (${today}); a ${field} cannot be in the future`,
} as const;

/** Finds the line and column of a top-level field, or of a value inside that field's block. */
export function locate(source: string, field: string, value?: string): { line: number; column: number } | undefined {
  const lines = source.split(/\r?\n/);
  const key = new RegExp(`^${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
  const start = lines.findIndex((l) => key.test(l));
  if (start < 0) return undefined;
  if (value === undefined) return { line: start + 1, column: 1 };
  for (let i = start; i < lines.length; i++) {
    if (i > start && /^[^\s#-]/.test(lines[i]!)) break;
    const col = lines[i]!.indexOf(value, i === start ? field.length + 1 : 0);
    if (col >= 0) return { line: i + 1, column: col + 1 };
  }
  return { line: start + 1, column: 1 };
}

/** Finds a field of one item in a YAML list of records (`- id: x`), at the field's value. */
export function locateInList(source: string, id: string, field: string): { line: number; column: number } | undefined {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((l) => new RegExp(`^-\\s+id:\\s*['"]?${id}['"]?\\s*$`).test(l));
  if (start < 0) return undefined;
  for (let i = start; i < lines.length; i++) {
    if (i > start && /^-/.test(lines[i]!)) break;
    const m = new RegExp(`^(-\\s+|\\s+)${field}:\\s*`).exec(lines[i]!);
    if (m) return { line: i + 1, column: m[0].length + 1 };
  }
  return { line: start + 1, column: 1 };
}

/** An entry as the checks see it: id, file path, data, the file's text for line numbers, and its body. */
export interface CheckedEntry {
  id: string;
  file: string;
  data: EntryData;
  source?: string;
  /** The Markdown body, where the actors it names are looked for; without it, that check is skipped. */
  body?: string;
}

/** An actor as the checks see it. */
export interface CheckedActor {
  id: string;
  file: string;
  data: ActorData;
  /** The file's text, for line numbers. */
  source?: string;
}

/** Finds a field of the n-th item (from 0) of a top-level YAML list, such as an actor's roles. */
export function locateInItem(
  source: string,
  list: string,
  index: number,
  field: string,
): { line: number; column: number } | undefined {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((l) => new RegExp(`^${list}\\s*:`).test(l));
  if (start < 0) return undefined;
  let item = -1;
  let itemLine = start;
  for (let i = start + 1; i < lines.length && !/^\S/.test(lines[i]!); i++) {
    const dash = /^(\s*-\s+)/.exec(lines[i]!);
    if (dash) {
      item++;
      itemLine = i;
    }
    if (item !== index) continue;
    const m = new RegExp(`^(\\s*-\\s+|\\s+)${field}:\\s*`).exec(lines[i]!);
    if (m) return { line: i + 1, column: m[0].length + 1 };
  }
  return item >= index ? { line: itemLine + 1, column: 1 } : undefined;
}

/** Checks each actor's roles: none ends before it starts, and no two with the same title overlap. */
export function checkActors(actors: readonly CheckedActor[]): Problem[] {
  const problems: Problem[] = [];
  for (const actor of actors) {
    const at = (i: number, field: string) => {
      const pos = actor.source ? locateInItem(actor.source, 'roles', i, field) : undefined;
      return pos ? { line: pos.line, column: pos.column } : {};
    };
    const spans = actor.data.roles.map((r) => ({
      first: r.from ? partialDateSpan(r.from).first : '0000-01-01',
      last: r.to ? partialDateSpan(r.to).last : '9999-12-31',
    }));
    actor.data.roles.forEach((role, i) => {
      if (role.from && role.to && compareDays(spans[i]!.last, spans[i]!.first) < 0) {
        problems.push({
          file: actor.file,
          ...at(i, 'to'),
          field: `roles[${i}].to`,
          message: ERRORS.roleEndsBeforeStart(role.title, role.to, role.from),
        });
      }
      const twin = actor.data.roles.findIndex(
        (other, j) =>
          j < i &&
          other.title === role.title &&
          compareDays(spans[j]!.first, spans[i]!.last) <= 0 &&
          compareDays(spans[i]!.first, spans[j]!.last) <= 0,
      );
      if (twin >= 0) {
        problems.push({
          file: actor.file,
          ...at(i, 'title'),
          field: `roles[${i}]`,
          message: ERRORS.roleOverlap(role.title),
        });
      }
    });
  }
  return problems;
}

/** What checkStory needs to know about a story. */
export interface StoryInput {
  /** Every entry, drafts included. */
  entries: readonly CheckedEntry[];
  /** The path of every entry file found on disk (to find duplicate ids the loader would merge). */
  entryFiles: readonly string[];
  actors: readonly CheckedActor[];
  phases: readonly PhaseData[];
  /** Path and text of the phases file, for messages. */
  phasesFile: string;
  phasesSource?: string;
  /** In production, drafts are not published, so references to them are errors. */
  production: boolean;
  /** Today in the site's time zone, for the future-date checks; left out, they are skipped. */
  today?: Day;
  /** The status page, when the story has one: its file, its updated day and its text. */
  status?: { file: string; updated?: Day | undefined; source?: string };
  /** Markdown files in a collection's folder that its loader does not read (see content-files.ts). */
  strayFiles?: readonly { file: string; collection: FileCollection }[];
}

function at(entry: CheckedEntry, field: string, value?: string): Pick<Problem, 'line' | 'column'> {
  const pos = entry.source ? locate(entry.source, field, value) : undefined;
  return pos ? { line: pos.line, column: pos.column } : {};
}

/** Checks file names and duplicate ids of entry files. */
export function checkEntryFiles(files: readonly string[], entries: readonly CheckedEntry[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, string[]>();
  for (const file of files) {
    const id = idFromPath(file);
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  for (const [id, paths] of byId) {
    if (paths.length < 2) continue;
    for (const file of paths) {
      problems.push({
        file,
        field: 'id',
        message: ERRORS.duplicateId(
          id,
          paths.filter((p) => p !== file),
        ),
      });
    }
  }
  for (const entry of entries) {
    const parts = entry.file.split(/[\\/]/);
    const name = parts.at(-1)!;
    const folder = parts.at(-2) ?? '';
    const year = entry.data.date.slice(0, 4);
    if (!ID_RE.test(idFromPath(name))) {
      problems.push({ file: entry.file, field: 'file name', message: ERRORS.fileNameSlug(name) });
    } else if (!name.startsWith(`${entry.data.date}-`)) {
      problems.push({
        file: entry.file,
        ...at(entry, 'date'),
        field: 'date',
        message: ERRORS.fileNameDate(name, entry.data.date),
      });
    }
    if (/^\d{4}$/.test(folder) && folder !== year) {
      problems.push({
        file: entry.file,
        ...at(entry, 'date'),
        field: 'date',
        message: ERRORS.fileFolderYear(folder, year),
      });
    }
  }
  return problems;
}

/** Checks references from entries to actors and to other entries, and the order of dates. */
export function checkEntries(input: Pick<StoryInput, 'entries' | 'actors' | 'production' | 'today'>): Problem[] {
  const problems: Problem[] = [];
  const actorById = new Map(input.actors.map((a) => [a.id, a]));
  const actorIds = new Set(actorById.keys());
  const entryById = new Map(input.entries.map((e) => [e.id, e]));
  const published = input.entries.filter((e) => !(input.production && e.data.draft));
  for (const entry of published) {
    const named =
      entry.body === undefined
        ? undefined
        : new Set(
            mentionedActors(`${entry.data.title} ${entry.data.summary} ${entry.body}`, input.actors).map((a) => a.id),
          );
    entry.data.actors.forEach((id, i) => {
      const actor = actorById.get(id);
      const where = { file: entry.file, ...at(entry, 'actors', id), field: `actors[${i}]` };
      if (!actor) problems.push({ ...where, message: ERRORS.unknownActor(id, suggest(id, actorIds)) });
      else if (named && !named.has(id)) {
        const untagged = [...named].filter((n) => !entry.data.actors.includes(n));
        problems.push({ ...where, message: ERRORS.actorNotNamed(id, actor.data.name, suggest(id, untagged)) });
      }
    });
    entry.data.related.forEach((id, i) => {
      const target = entryById.get(id);
      const field = `related[${i}]`;
      const pos = at(entry, 'related', id);
      if (id === entry.id) problems.push({ file: entry.file, ...pos, field, message: ERRORS.relatedIsSelf(id) });
      else if (!target) {
        problems.push({
          file: entry.file,
          ...pos,
          field,
          message: ERRORS.unknownRelated(id, suggest(id, entryById.keys())),
        });
      } else if (input.production && target.data.draft) {
        problems.push({ file: entry.file, ...pos, field, message: ERRORS.relatedIsDraft(id) });
      }
    });
    const { date, endDate, updated, corrections } = entry.data;
    if (endDate && compareDays(endDate, date) < 0) {
      problems.push({
        file: entry.file,
        ...at(entry, 'endDate'),
        field: 'endDate',
        message: ERRORS.endBeforeStart(endDate, date),
      });
    }
    const today = input.today;
    if (today) {
      if (compareDays(date, addDays(today, 366)) > 0) {
        problems.push({
          file: entry.file,
          ...at(entry, 'date'),
          field: 'date',
          message: ERRORS.futureDate(date, today),
        });
      }
      if (updated && compareDays(updated, today) > 0) {
        problems.push({
          file: entry.file,
          ...at(entry, 'updated'),
          field: 'updated',
          message: ERRORS.futureRecord('updated', updated, today),
        });
      }
      corrections.forEach((c, i) => {
        if (compareDays(c.date, today) > 0) {
          problems.push({
            file: entry.file,
            ...at(entry, 'corrections', c.date),
            field: `corrections[${i}].date`,
            message: ERRORS.futureRecord('correction', c.date, today),
          });
        }
      });
    }
  }
  return problems;
}

/** Checks that phases neither overlap nor leave gaps, and that every entry falls in one. */
export function checkPhases(
  input: Pick<StoryInput, 'phases' | 'phasesFile' | 'phasesSource' | 'entries' | 'production'>,
): Problem[] {
  const problems: Problem[] = [];
  const file = input.phasesFile;
  const pos = (id: string, field = 'id') => {
    const p = input.phasesSource ? locateInList(input.phasesSource, id, field) : undefined;
    return p ? { line: p.line, column: p.column } : {};
  };
  if (input.phases.length === 0) return [{ file, field: 'phases', message: ERRORS.noPhases() }];
  const seen = new Set<string>();
  for (const p of input.phases) {
    if (seen.has(p.id))
      problems.push({ file, ...pos(p.id), field: `${p.id}.id`, message: ERRORS.duplicatePhase(p.id) });
    seen.add(p.id);
    if (p.end && compareDays(p.end, p.start) < 0) {
      problems.push({
        file,
        ...pos(p.id, 'end'),
        field: `${p.id}.end`,
        message: ERRORS.phaseEndBeforeStart(p.id, p.end, p.start),
      });
    }
  }
  const sorted = [...input.phases].sort((a, b) => compareDays(a.start, b.start));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (!a.end) {
      problems.push({ file, ...pos(a.id), field: `${a.id}.end`, message: ERRORS.phaseOpenEnd(a.id) });
      continue;
    }
    if (compareDays(b.start, a.end) <= 0) {
      problems.push({
        file,
        ...pos(b.id, 'start'),
        field: `${b.id}.start`,
        message: ERRORS.phaseOverlap(a.id, b.id, b.start),
      });
    } else if (compareDays(b.start, addDays(a.end, 1)) > 0) {
      problems.push({
        file,
        ...pos(b.id, 'start'),
        field: `${b.id}.start`,
        message: ERRORS.phaseGap(a.id, b.id, addDays(a.end, 1), addDays(b.start, -1)),
      });
    }
  }
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  for (const entry of input.entries) {
    if (input.production && entry.data.draft) continue;
    const d = entry.data.date;
    if (compareDays(d, first.start) < 0 || (last.end && compareDays(d, last.end) > 0)) {
      problems.push({ file: entry.file, ...at(entry, 'date'), field: 'date', message: ERRORS.entryOutsidePhases(d) });
    }
  }
  return problems;
}

/** Warns where an entry's public text (title, summary, note, body) speaks of the research process. */
export function checkWording(entries: readonly CheckedEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    const text = [entry.data.title, entry.data.summary, entry.data.confidenceNote ?? '', entry.body ?? ''].join('\n');
    for (const words of RESEARCH_WORDS) {
      const at = text.toLowerCase().indexOf(words);
      if (at < 0) continue;
      const found = text.slice(at, at + words.length);
      const pos = entry.source ? locateText(entry.source, found) : undefined;
      problems.push({
        file: entry.file,
        ...pos,
        field: 'text',
        message: ERRORS.researchWords(found),
        severity: 'warning',
      });
    }
  }
  return problems;
}

/** The status page (where things stand): warns when it is older than the latest published event. */
export function checkStatus(
  status: { file: string; updated?: Day | undefined; source?: string } | undefined,
  entries: readonly CheckedEntry[],
): Problem[] {
  if (!status) return [];
  const pos = status.source ? locate(status.source, 'updated') : undefined;
  const where = { file: status.file, ...(pos ?? {}), field: 'updated', severity: 'warning' as const };
  if (!status.updated) return [{ ...where, message: ERRORS.statusWithoutDate() }];
  const latest = entries
    .filter((e) => !e.data.draft)
    .map((e) => e.data.date)
    .sort()
    .at(-1);
  return latest && compareDays(status.updated, latest) < 0
    ? [{ ...where, message: ERRORS.statusStale(status.updated, latest) }]
    : [];
}

/** The line and column where a piece of text first stands in a file. */
export function locateText(source: string, text: string): { line: number; column: number } | undefined {
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i]!.toLowerCase().indexOf(text.toLowerCase());
    if (col >= 0) return { line: i + 1, column: col + 1 };
  }
  return undefined;
}

/** A Markdown file where no loader reads it: the wrong folder, or the wrong extension. */
export function checkStrayFiles(stray: readonly { file: string; collection: FileCollection }[]): Problem[] {
  return stray.map(({ file, collection }): Problem => {
    const renamed = renamedFile(file, collection);
    return {
      file,
      field: 'file name',
      message: renamed ? ERRORS.wrongExtension(collection, renamed) : ERRORS.strayFile(collection),
    };
  });
}

/** Problems in the order editors read them: by file, then by line. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Runs every story check; an empty list means the story is sound. Warnings (severity) come last. */
export function checkStory(input: StoryInput): Problem[] {
  return [
    ...checkStrayFiles(input.strayFiles ?? []),
    ...checkEntryFiles(input.entryFiles, input.entries),
    ...checkEntries(input),
    ...checkActors(input.actors),
    ...checkPhases(input),
    ...checkWording(input.entries),
    ...checkStatus(input.status, input.entries),
  ];
}

/** One problem as an editor reads it: `path:line:column  field  message`. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}  ${p.field}  ${p.message}`;
}

/** One problem as a GitHub Actions annotation (`::error file=…,line=…::message`) on the pull request's diff. */
export function formatAnnotation(p: Problem): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const where = [
    `file=${p.file}`,
    ...(p.line ? [`line=${p.line}`, `col=${p.column ?? 1}`] : []),
    `title=${esc(p.field)}`,
  ].join(',');
  return `::${isError(p) ? 'error' : 'warning'} ${where}::${esc(p.message)}`;
}

/** The error the build fails with when the story has problems. */
export class StoryError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    const n = problems.length;
    super(`The story's content has ${plural(n, 'problem')}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'StoryError';
  }
}
