/**
 * The story as open data: /data/timeline.json (every entry, actor and phase), its JSON Schema
 * generated from the same zod shapes that validate content, and a CSV of entries for spreadsheets.
 * Pure: the endpoints in src/pages turn these into files.
 */
import { z } from 'astro/zod';
import { formatPlace } from './labels';
import { absoluteUrl, actorPath, entryPath, PATHS } from './paths';
import { actorSchema, makeEntrySchema, phaseSchema, type PhaseData, type TextActor, type TextEntry } from './schema';

/** The version of the open-data format; raise it when a field changes meaning or goes away. */
export const DATA_VERSION = '1.0.0';

/** The shape of /data/timeline.json, from which its published JSON Schema is generated. */
export function openDataSchema(topics: readonly string[]) {
  const entry = makeEntrySchema(topics).and(
    z.object({
      /** The entry's id: its file name, and its page's path. */
      id: z.string(),
      /** The entry page's canonical URL. */
      url: z.url(),
      /** The body as plain text. */
      text: z.string(),
    }),
  );
  const actor = actorSchema.extend({ id: z.string(), url: z.url(), bio: z.string() });
  return z.strictObject({
    /** The version of this format (semantic versioning). */
    version: z.string(),
    /** Site name and address. */
    title: z.string(),
    description: z.string(),
    url: z.url(),
    /** Every published entry, oldest first. */
    entries: z.array(entry),
    /** Every actor, by id. */
    actors: z.array(actor),
    /** The story's chapters. */
    phases: z.array(phaseSchema),
  });
}

/** The JSON Schema (draft 2020-12) of /data/timeline.json. */
export function openDataJsonSchema(topics: readonly string[]): Record<string, unknown> {
  const schema = z.toJSONSchema(openDataSchema(topics), { io: 'output', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { $id: absoluteUrl(PATHS.openDataSchema), title: 'Timeline open data', ...schema };
}

/** The content of /data/timeline.json. */
export function openData(
  site: { title: string; description: string },
  entries: readonly TextEntry[],
  actors: readonly TextActor[],
  phases: readonly PhaseData[],
) {
  return {
    version: DATA_VERSION,
    title: site.title,
    description: site.description,
    url: absoluteUrl(),
    entries: entries.map((e) => ({ id: e.id, url: absoluteUrl(entryPath(e.id)), ...e.data, text: e.text })),
    actors: actors.map((a) => ({ id: a.id, url: absoluteUrl(actorPath(a.id)), ...a.data, bio: a.text })),
    phases: [...phases],
  };
}

/** A CSV field, quoted when it must be (RFC 4180): when it holds a quote, a comma or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The columns of /data/entries.csv. */
export const CSV_COLUMNS = [
  'id',
  'date',
  'end_date',
  'date_precision',
  'title',
  'summary',
  'kind',
  'importance',
  'confidence',
  'place',
  'actors',
  'topics',
  'sources',
  'url',
] as const;

/** /data/entries.csv: one row per entry, for spreadsheets (actors by name, sources by URL, separated by "; "). */
export function entriesCsv(entries: readonly TextEntry[], actorName: (id: string) => string | undefined): string {
  const rows = entries.map((e) =>
    [
      e.id,
      e.data.date,
      e.data.endDate ?? '',
      e.data.datePrecision,
      e.data.title,
      e.data.summary,
      e.data.kind,
      e.data.importance,
      e.data.confidence,
      formatPlace(e.data.place),
      e.data.actors.map((id) => actorName(id) ?? id).join('; '),
      e.data.topics.join('; '),
      e.data.sources.map((s) => s.url).join('; '),
      absoluteUrl(entryPath(e.id)),
    ].map(csvField),
  );
  return `${[[...CSV_COLUMNS], ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}
