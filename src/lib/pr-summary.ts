/**
 * What a pull request changes in the story, for its reviewers at a glance: the job summary that CI
 * writes on every pull request (`npm run pr-summary`, src/cli/pr-summary.ts). Tables of the entries
 * and actors it adds, changes and removes (date, title, actors, number of sources, confidence, and
 * which fields changed), then the result of `npm run check`. Pure: git and the files are the CLI's.
 */
import yaml from 'js-yaml';
import { COLLECTIONS, idFromPath, type FileCollection } from './content-files';
import { dayFromUtcDate } from './dates';
import { plural } from './labels';

/** How a file changed between the base and the head of a pull request. */
export type ChangeKind = 'added' | 'changed' | 'removed';

/** One changed file (renamed files are "changed", with the path they had). */
export interface FileChange {
  kind: ChangeKind;
  path: string;
  /** The path at the base, when the file was renamed or moved. */
  from?: string;
}

/** Parses `git diff --name-status -M` output (tab-separated: status, path[, new path]). */
export function parseNameStatus(text: string): FileChange[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line): FileChange[] => {
      const [status = '', a = '', b] = line.split('\t');
      if (status.startsWith('A')) return [{ kind: 'added', path: a }];
      if (status.startsWith('D')) return [{ kind: 'removed', path: a }];
      if (status.startsWith('R') || status.startsWith('C')) return [{ kind: 'changed', path: b ?? a, from: a }];
      if (status.startsWith('M') || status.startsWith('T')) return [{ kind: 'changed', path: a }];
      return [];
    });
}

/** Which collection a file belongs to, by the loader's own folders and extensions (entries, actors). */
export function collectionOf(path: string): 'entries' | 'actors' | undefined {
  const is = (c: FileCollection, re: RegExp) => path.startsWith(`${COLLECTIONS[c].base}/`) && re.test(path);
  if (is('entries', /\.mdx?$/)) return 'entries';
  if (is('actors', /^content\/actors\/[^/]+\.md$/)) return 'actors';
  return undefined;
}

/** A record's frontmatter and body, or why it could not be read. */
type Parsed = { data: Record<string, unknown>; body: string } | { error: string };

function parse(source: string | undefined): Parsed | undefined {
  if (source === undefined) return undefined;
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/.exec(source);
  if (!m) return { error: 'no frontmatter' };
  try {
    const data = yaml.load(m[1]!);
    if (!data || typeof data !== 'object' || Array.isArray(data)) return { error: 'the frontmatter is not a mapping' };
    return { data: data as Record<string, unknown>, body: m[2]! };
  } catch {
    return { error: 'the frontmatter does not parse' };
  }
}

/** A value as a table cell: days as YYYY-MM-DD, lists joined, no pipes or line breaks. */
function cell(value: unknown): string {
  const text =
    value instanceof Date
      ? dayFromUtcDate(value)
      : Array.isArray(value)
        ? value.map((v) => cell(v)).join(', ')
        : value === undefined || value === null
          ? ''
          : String(value);
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** Fields whose values differ between two versions, and "text" when the body differs. */
function changedFields(base: Parsed | undefined, head: Parsed | undefined): string[] {
  if (!base || !head || 'error' in base || 'error' in head) return [];
  const keys = [...new Set([...Object.keys(base.data), ...Object.keys(head.data)])];
  const differs = (k: string) => JSON.stringify(base.data[k]) !== JSON.stringify(head.data[k]);
  return [...keys.filter(differs), ...(base.body.trim() !== head.body.trim() ? ['text'] : [])];
}

/** One row of a table: the change, then the record's cells (from the head, or the base when removed). */
function row(
  change: FileChange,
  base: Parsed | undefined,
  head: Parsed | undefined,
  cells: (d: Record<string, unknown>) => unknown[],
) {
  const shown = change.kind === 'removed' ? base : head;
  const what =
    change.from && change.from !== change.path ? `${change.kind} (moved from \`${change.from}\`)` : change.kind;
  const id = `\`${idFromPath(change.path)}\``;
  if (!shown || 'error' in shown) return [what, id, `⚠ ${shown && 'error' in shown ? shown.error : 'unreadable'}`];
  const changed = change.kind === 'changed' ? changedFields(base, head).join(', ') : '';
  return [what, id, ...cells(shown.data).map(cell), changed];
}

function table(header: string[], rows: string[][]): string {
  const width = header.length;
  const lines = rows.map((r) => `| ${[...r, ...Array<string>(Math.max(0, width - r.length)).fill('')].join(' | ')} |`);
  return [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(width)}`, ...lines].join('\n');
}

/** What `npm run check` said: whether it passed, and its output. */
export interface CheckResult {
  ok: boolean;
  output: string;
}

/** The job summary in Markdown. `read` gives a file's text at the base or the head (undefined: no such file). */
export function prSummary(
  changes: readonly FileChange[],
  read: (side: 'base' | 'head', path: string) => string | undefined,
  check?: CheckResult,
): string {
  const order: Record<ChangeKind, number> = { added: 0, changed: 1, removed: 2 };
  const records = changes
    .map((c) => ({ change: c, collection: collectionOf(c.path) ?? (c.from ? collectionOf(c.from) : undefined) }))
    .filter((r): r is { change: FileChange; collection: 'entries' | 'actors' } => r.collection !== undefined)
    .sort((a, b) => order[a.change.kind] - order[b.change.kind] || a.change.path.localeCompare(b.change.path));
  const versions = (c: FileChange) => ({
    base: c.kind === 'added' ? undefined : parse(read('base', c.from ?? c.path)),
    head: c.kind === 'removed' ? undefined : parse(read('head', c.path)),
  });
  const entries = records.filter((r) => r.collection === 'entries').map((r) => r.change);
  const actors = records.filter((r) => r.collection === 'actors').map((r) => r.change);
  const count = (list: FileChange[], noun: string, nouns?: string) => {
    if (list.length === 0) return '';
    const kinds = (['added', 'changed', 'removed'] as const)
      .map((k) => [k, list.filter((c) => c.kind === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`);
    return `${plural(list.length, noun, nouns)} (${kinds.join(', ')})`;
  };
  const out = ['## What this pull request changes in the story', ''];
  const counts = [count(entries, 'entry', 'entries'), count(actors, 'actor')].filter(Boolean);
  out.push(counts.length ? `${counts.join('; ')}.` : 'No entry or actor is added, changed or removed.', '');
  if (entries.length) {
    const rows = entries.map((c) => {
      const { base, head } = versions(c);
      return row(c, base, head, (d) => [
        d.date,
        `${String(d.title ?? '')}${d.draft === true ? ' (draft)' : ''}`,
        d.actors,
        Array.isArray(d.sources) ? d.sources.length : 0,
        d.confidence ?? 'confirmed',
      ]);
    });
    out.push(
      '### Entries',
      '',
      table(['Change', 'Id', 'Date', 'Title', 'Actors', 'Sources', 'Confidence', 'Changed'], rows),
      '',
    );
  }
  if (actors.length) {
    const rows = actors.map((c) => {
      const { base, head } = versions(c);
      return row(c, base, head, (d) => [d.name, d.type, d.affiliation, Array.isArray(d.roles) ? d.roles.length : 0]);
    });
    out.push('### Actors', '', table(['Change', 'Id', 'Name', 'Type', 'Affiliation', 'Roles', 'Changed'], rows), '');
  }
  if (check) {
    // GitHub's own annotation lines (::error …) are shown on the files already.
    const text = check.output
      .split('\n')
      .filter((l) => !l.startsWith('::') && !/^> /.test(l) && l.trim())
      .join('\n');
    out.push(
      '### Content check (`npm run check`)',
      '',
      check.ok ? '✓ Passed.' : '✗ Failed: each problem is also annotated on the changed lines.',
      '',
      '```text',
      text.replace(/```/g, "'''"),
      '```',
      '',
    );
  }
  return out.join('\n');
}
