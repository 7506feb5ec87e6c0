/**
 * Reading a content file as an editor may have saved it: checks that it is UTF-8 text without a
 * byte-order mark, that it is not empty, that its frontmatter is fenced by `---` lines, and that the
 * YAML parses (no tab indentation, no duplicate key, every quote closed). Every failure becomes a
 * Problem at the file's own line and column (the parser's position plus the frontmatter's offset),
 * never an exception. The YAML is parsed as Astro parses it (js-yaml, default schema), so what passes
 * here loads the same in the build.
 */
import yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, listCollection, PHASES_FILE, type FileCollection } from './content-files';
import { ERRORS, type Problem } from './validate';

/** A file whose frontmatter parsed: its text, its fields, and its body with the file's line numbers. */
export interface ContentFile {
  /** The file's text (without a byte-order mark). */
  source: string;
  /** The frontmatter's fields. */
  data: Record<string, unknown>;
  /** The text after the closing fence. */
  body: string;
  /** The body preceded by one empty line per frontmatter line, so positions in it are the file's. */
  paddedBody: string;
}

/** Where a problem stands, 1-based. */
type Position = { line: number; column: number };

/** Finds the first byte that is not valid UTF-8, or -1 when every byte is. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const size =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return i;
    for (let k = 1; k < size; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += size;
  }
  return -1;
}

/** Decodes a file's bytes as UTF-8, or says where the first byte that is not UTF-8 stands. */
export function decodeText(file: string, bytes: Uint8Array | string): { text: string } | { problem: Problem } {
  if (typeof bytes === 'string') return { text: bytes };
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
  const line = bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1;
  const column = [...new TextDecoder().decode(bytes.subarray(lineStart, bad))].length + 1;
  const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
  return { problem: { file, line, column, field: '(file)', message: ERRORS.notUtf8(byte) } };
}

/** How a problem on a line of YAML names its field. */
export type FieldAt = (lines: readonly string[], index: number) => string;

/** In a frontmatter: the top-level key on the line, or on the nearest line above it that has one. */
export const frontmatterField: FieldAt = (lines, index) => {
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i]!);
    if (key) return key[1]!;
  }
  return '(frontmatter)';
};

/** In a list of records with ids (content/phases.yaml): `<id>.<key>`, as the phase checks name fields. */
export const listItemField: FieldAt = (lines, index) => {
  const key = /^(?:-\s+|\s+)([\w-]+)\s*:/.exec(lines[index] ?? '')?.[1];
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const id = /^-\s+id:\s*['"]?([\w-]+)/.exec(lines[i]!)?.[1];
    if (id) return key && key !== 'id' ? `${id}.${key}` : `${id}.id`;
    if (/^-/.test(lines[i]!)) break;
  }
  return key ?? '(file)';
};

/** Where a quoted scalar is opened and never closed (the parser only notices at the end of the text). */
export function unclosedQuote(lines: readonly string[]): Position | undefined {
  let open: (Position & { quote: string }) | undefined;
  lines.forEach((text, i) => {
    for (let c = 0; c < text.length; c++) {
      const ch = text[c]!;
      if (open) {
        if (open.quote === '"' && ch === '\\') c++;
        else if (open.quote === "'" && ch === "'" && text[c + 1] === "'") c++;
        else if (ch === open.quote) open = undefined;
      } else if (ch === '#' && (c === 0 || /\s/.test(text[c - 1]!))) {
        break;
      } else if ((ch === '"' || ch === "'") && /(^|[:\-,[{]\s*|^\s*)$/.test(text.slice(0, c))) {
        open = { line: i + 1, column: c + 1, quote: ch };
      } else if (!/[\s:\-,[\]{}]/.test(ch)) {
        // A plain scalar: quotes inside it are ordinary characters, up to the next ": " or ", ".
        const rest = text.slice(c);
        const end = rest.search(/: |, |[\]}]|\s#/);
        c += end < 0 ? rest.length : end;
      }
    }
  });
  return open ? { line: open.line, column: open.column } : undefined;
}

/**
 * Parses YAML text that starts on line `firstLine` of `file`; a parse error becomes a Problem at the
 * file's line and column, with a message that says how to fix it.
 */
export function parseYaml(
  file: string,
  text: string,
  firstLine = 1,
  fieldAt: FieldAt = frontmatterField,
): { data: unknown } | { problem: Problem } {
  const lines = text.split(/\r?\n/);
  const at = (p: Position, field = fieldAt(lines, p.line - 1)) => ({
    file,
    line: p.line + firstLine - 1,
    column: p.column,
    field,
  });
  try {
    return { data: yaml.load(text) };
  } catch (error) {
    const e = error as { reason?: string; message: string; mark?: { line: number; column: number } };
    const reason = e.reason ?? e.message.split('\n')[0]!;
    const mark = e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : { line: 1, column: 1 };
    if (/within a (double|single) quoted scalar/.test(reason)) {
      const quote = unclosedQuote(lines) ?? mark;
      return {
        problem: { ...at(quote), message: ERRORS.yamlUnclosedQuote(lines[quote.line - 1]?.[quote.column - 1]) },
      };
    }
    if (reason.startsWith('duplicated mapping key')) {
      const line = lines[mark.line - 1] ?? '';
      // In a block mapping the key starts the line; in a flow mapping ({ a: 1, a: 2 }) it is inside it.
      const keys = [...line.matchAll(/([\w-]+)\s*:/g)];
      const twice = keys.find((k, i) => keys.slice(0, i).some((j) => j[1] === k[1]));
      const indent = /^\s*(?:-\s+)?/.exec(line)![0].length;
      const key = twice?.[1] ?? keys[0]?.[1] ?? '';
      const first = twice
        ? -1
        : lines.findLastIndex((l, i) => i < mark.line - 1 && l.slice(indent).startsWith(`${key}:`));
      const column = twice ? twice.index + 1 : indent + 1;
      return {
        problem: {
          ...at({ line: mark.line, column }, indent === 0 && !twice ? key : fieldAt(lines, mark.line - 1)),
          message: ERRORS.yamlDuplicateKey(
            key,
            twice ? mark.line + firstLine - 1 : first < 0 ? undefined : first + firstLine,
          ),
        },
      };
    }
    // js-yaml names a tab in the indentation only in some places; elsewhere it reports bad indentation.
    const tab = lines.findIndex((l) => /^[ ]*\t/.test(l) && /^\s*\S/.test(l));
    if (tab >= 0 || reason.includes('tab characters must not be used')) {
      const line = tab >= 0 ? tab + 1 : mark.line;
      const column = (lines[line - 1] ?? '').indexOf('\t') + 1 || mark.column;
      return { problem: { ...at({ line, column }), message: ERRORS.yamlTab() } };
    }
    const line = lines[mark.line - 1] ?? '';
    const colon = /^(\s*(?:-\s+)?[\w-]+):\s+([^'"[{].*)$/.exec(line);
    if (reason.startsWith('bad indentation') && line[mark.column - 1] === ':' && colon) {
      return { problem: { ...at(mark), message: ERRORS.yamlColon(colon[1]!.trim(), colon[2]!.trim()) } };
    }
    return { problem: { ...at(mark), message: ERRORS.yamlSyntax(reason) } };
  }
}

/**
 * Reads a Markdown or MDX file's text or bytes: its frontmatter's fields and its body, or every
 * problem that stops it from being read (several when there are: a BOM and a broken YAML, say).
 */
export function readContentFile(file: string, bytes: Uint8Array | string): ContentFile | { problems: Problem[] } {
  const decoded = decodeText(file, bytes);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const problems: Problem[] = [];
  let source = decoded.text;
  if (source.startsWith('\uFEFF')) {
    problems.push({ file, line: 1, column: 1, field: '(file)', message: ERRORS.byteOrderMark() });
    source = source.slice(1);
  }
  if (source.trim() === '')
    return { problems: [{ file, line: 1, column: 1, field: '(file)', message: ERRORS.emptyFile() }] };
  const lines = source.split(/\r?\n/);
  // As Astro does: blank lines may come before the opening fence; the first line that starts with --- closes it.
  const open = lines.findIndex((l) => l.trim() !== '');
  if (lines[open]!.trimEnd() !== '---') {
    return {
      problems: [
        ...problems,
        { file, line: open + 1, column: 1, field: '(frontmatter)', message: ERRORS.noFrontmatter() },
      ],
    };
  }
  const close = lines.findIndex((l, i) => i > open && l.startsWith('---'));
  if (close < 0) {
    return {
      problems: [
        ...problems,
        { file, line: open + 1, column: 1, field: '(frontmatter)', message: ERRORS.unclosedFrontmatter(open + 1) },
      ],
    };
  }
  const parsed = parseYaml(file, lines.slice(open + 1, close).join('\n'), open + 2);
  if ('problem' in parsed) return { problems: [...problems, parsed.problem] };
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, line: open + 2, column: 1, field: '(frontmatter)', message: ERRORS.frontmatterNotFields() });
  }
  if (problems.length) return { problems };
  const body = [lines[close]!.slice(3), ...lines.slice(close + 1)].join('\n');
  return { source, data: data as Record<string, unknown>, body, paddedBody: '\n'.repeat(close) + body };
}

/** Reads a YAML data file (content/phases.yaml): its text and data, or why it cannot be read. */
export function readYamlFile(
  file: string,
  bytes: Uint8Array | string,
): { source: string; data: unknown } | { problems: Problem[] } {
  const decoded = decodeText(file, bytes);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  if (decoded.text.startsWith('\uFEFF')) {
    return { problems: [{ file, line: 1, column: 1, field: '(file)', message: ERRORS.byteOrderMark() }] };
  }
  const parsed = parseYaml(file, decoded.text, 1, listItemField);
  return 'problem' in parsed ? { problems: [parsed.problem] } : { source: decoded.text, data: parsed.data };
}

/** A file that cannot be opened, as a problem (e.g. a missing phases file). */
function unreadable(file: string, error: unknown): { problems: Problem[] } {
  const code = (error as NodeJS.ErrnoException).code;
  return { problems: [{ file, field: '(file)', message: ERRORS.unreadableFile(code) }] };
}

/** Reads and parses a Markdown or MDX file under `root` (see readContentFile). */
export function loadContentFile(root: string, file: string): ContentFile | { problems: Problem[] } {
  try {
    return readContentFile(file, readFileSync(join(root, file)));
  } catch (error) {
    return unreadable(file, error);
  }
}

/** Reads and parses a YAML file under `root` (see readYamlFile). */
export function loadYamlFile(root: string, file: string): { source: string; data: unknown } | { problems: Problem[] } {
  try {
    return readYamlFile(file, readFileSync(join(root, file)));
  } catch (error) {
    return unreadable(file, error);
  }
}

/**
 * Every problem that keeps a file of the story from being read at all (encoding, fences, YAML), in
 * every collection and the phases file, for the loaders to fail the build with, all at once, before
 * Astro's own parser throws on the first one.
 */
export function unreadableFiles(root: string): Problem[] {
  const collections = Object.keys(COLLECTIONS) as FileCollection[];
  const files = collections.flatMap((collection) => listCollection(root, collection).files);
  const phases = loadYamlFile(root, PHASES_FILE);
  return [
    ...files.flatMap((file) => {
      const parsed = loadContentFile(root, file);
      return 'problems' in parsed ? parsed.problems : [];
    }),
    ...('problems' in phases ? phases.problems : []),
  ];
}
