/**
 * The browser editor at /admin/ (Decap CMS): its config.yml, generated at build time from the content
 * model, so the form can never drift from what the build accepts. Field names, which fields are
 * required, defaults, closed sets (kinds, topics, confidence…), length limits and the hint under each
 * field come from src/lib/schema.ts (its zod shapes and its doc comments), src/lib/taxonomy.ts and
 * the site configuration; folders and file names from src/lib/content-files.ts. What only a form
 * needs (which widget, a pattern for what zod checks in code) is in the tables below, one row per
 * schema field: TypeScript refuses a table without a row for every field, and a unit test walks the
 * zod shapes to prove it. Pure: the build (src/integrations/cms.ts) does the file work.
 */
import type { z } from 'astro/zod';
import yaml from 'js-yaml';
import { COLLECTIONS } from './content-files';
import { actorSchema, correctionSchema, makeEntrySchema, placeSchema, roleSchema, sourceSchema } from './schema';
import { KIND_LABELS, CONFIDENCE_LABELS } from './taxonomy';

/** One field of a Decap CMS form (https://decapcms.org/docs/widgets/), as written to config.yml. */
export type CmsField = { name: string; label: string; widget: string } & Record<string, unknown>;

/**
 * What the form of a field needs besides what its zod schema says: the widget and its options, and a
 * `note` added to the hint where the form differs from the schema (a new entry's draft default).
 */
type FormSpec = { widget: string; note?: string } & Record<string, unknown>;

/** The zod shapes the form covers, by the name their doc comments are filed under (see schemaDocs). */
type EntryShape = ReturnType<typeof makeEntrySchema>['shape'];
type Table<Shape> = { readonly [K in keyof Shape]: FormSpec };

/** Doc comments of the schema's fields: object name ("entry", "source"…) → field → text. */
export type SchemaDocs = Record<string, Record<string, string>>;

/** The schema constants whose doc comments are read, and the name each object's fields are filed under. */
const DOC_OBJECTS: Record<string, string> = {
  sourceSchema: 'source',
  placeSchema: 'place',
  correctionSchema: 'correction',
  makeEntrySchema: 'entry',
  roleSchema: 'role',
  actorSchema: 'actor',
  phaseSchema: 'phase',
  pageSchema: 'page',
};

/**
 * Reads the doc comment of every field from the text of src/lib/schema.ts: a `/** … *\/` comment
 * directly before `name:`, filed under the schema constant (or function) it sits in. The unit test
 * fails when a form field finds no hint, so a change of style in schema.ts cannot go unnoticed.
 */
export function schemaDocs(source: string): SchemaDocs {
  const docs: SchemaDocs = {};
  let current: string | undefined;
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const decl = /^export (?:const|function) (\w+)/.exec(line);
    if (decl) current = DOC_OBJECTS[decl[1]!];
    if (!current || !/^\s+\/\*\*/.test(line)) continue;
    const comment: string[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      comment.push(lines[j]!);
      if (lines[j]!.includes('*/')) break;
    }
    const field = /^\s+(\w+): /.exec(lines[j + 1] ?? '');
    if (!field) continue;
    const text = comment
      .join(' ')
      .replace(/\/\*\*|\*\//g, '')
      .replace(/\s+\*\s/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    (docs[current] ??= {})[field[1]!] = text;
    i = j;
  }
  return docs;
}

/** "confidenceNote" → "Confidence note"; "url" → "URL". */
export function fieldLabel(name: string): string {
  if (name === 'url') return 'URL';
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Options of a select: value and label. */
const options = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
/** Options from a closed set without labels of its own. */
const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** A calendar day, written as YYYY-MM-DD (the browser's own date picker). */
const DAY: FormSpec = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false };
/**
 * The https rule of the schema's URLs (httpsUrl in schema.ts), as the form's pattern: the form refuses
 * an http:// address before saving; the unit test checks that both agree on examples.
 */
export const HTTPS_PATTERN: [string, string] = ['^https://[^\\s/?#]+\\.[^\\s]*$', 'expected an https:// URL'];
/** YYYY, YYYY-MM or YYYY-MM-DD, as the schema's partialDate. */
const PARTIAL_DATE: [string, string] = ['^\\d{4}(-\\d{2}(-\\d{2})?)?$', 'expected YYYY-MM-DD, YYYY-MM or YYYY'];

/** The form of each field of a source. */
const SOURCE_FORM: Table<typeof sourceSchema.shape> = {
  outlet: { widget: 'string' },
  original: { widget: 'string' },
  title: { widget: 'string' },
  url: { widget: 'string', pattern: HTTPS_PATTERN },
  published: { widget: 'string', pattern: PARTIAL_DATE },
  archive: { widget: 'string', pattern: HTTPS_PATTERN },
  kind: { widget: 'select' },
};

const PLACE_FORM: Table<typeof placeSchema.shape> = {
  venue: { widget: 'string' },
  city: { widget: 'string' },
  country: { widget: 'string' },
};

const CORRECTION_FORM: Table<typeof correctionSchema.shape> = {
  date: DAY,
  text: { widget: 'text' },
};

const ROLE_FORM: Table<typeof roleSchema.shape> = {
  title: { widget: 'string' },
  from: { widget: 'string', pattern: PARTIAL_DATE },
  to: { widget: 'string', pattern: PARTIAL_DATE },
};

/** A relation to records of a collection by their id (the file name), several allowed. */
const relation = (collection: 'entries' | 'actors'): FormSpec =>
  collection === 'actors'
    ? {
        widget: 'relation',
        collection,
        value_field: '{{slug}}',
        search_fields: ['name', 'aliases.*'],
        display_fields: ['name'],
        multiple: true,
        options_length: 50,
      }
    : {
        widget: 'relation',
        collection,
        value_field: '{{slug}}',
        search_fields: ['title', 'date'],
        display_fields: ['date', 'title'],
        multiple: true,
      };

/** The form of every field of an entry, in the schema's order. */
function entryForm(topics: Readonly<Record<string, string>>, timeZones: readonly string[]): Table<EntryShape> {
  return {
    title: { widget: 'string' },
    summary: { widget: 'text' },
    date: DAY,
    time: { widget: 'string', pattern: ['^([01]\\d|2[0-3]):[0-5]\\d$', 'expected a time written as HH:MM (24-hour)'] },
    timeZone: { widget: 'select', options: plain(timeZones) },
    endDate: DAY,
    datePrecision: { widget: 'select' },
    place: { widget: 'object', collapsed: false },
    actors: relation('actors'),
    kind: { widget: 'select', options: options(KIND_LABELS) },
    topics: { widget: 'select', multiple: true, options: options(topics) },
    sources: { widget: 'list', label_singular: 'source', summary: '{{fields.outlet}}: {{fields.title}}' },
    importance: { widget: 'select' },
    confidence: { widget: 'select', options: options(CONFIDENCE_LABELS) },
    confidenceNote: { widget: 'text' },
    unconfirmedActors: relation('actors'),
    related: relation('entries'),
    // As `npm run new`: a new entry is a draft until an editor says it is ready.
    draft: { widget: 'boolean', default: true, note: 'A new entry starts as a draft: untick when it is ready.' },
    updated: DAY,
    corrections: { widget: 'list', label_singular: 'correction', summary: '{{fields.date}}: {{fields.text}}' },
  };
}

const ACTOR_FORM: Table<typeof actorSchema.shape> = {
  name: { widget: 'string' },
  aliases: { widget: 'list', label_singular: 'alias', field: { name: 'alias', label: 'Alias', widget: 'string' } },
  type: { widget: 'select' },
  affiliation: { widget: 'string' },
  roles: { widget: 'list', label_singular: 'role', summary: '{{fields.title}} ({{fields.from}}–{{fields.to}})' },
  sortName: { widget: 'string' },
};

/** The zod def under optional/default/preprocess wrappers, and what the wrappers say. */
function unwrap(schema: z.ZodType): { def: ZodDef; optional: boolean; defaultValue?: unknown } {
  let def = (schema as unknown as { def: ZodDef }).def;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default') {
      optional = true;
      defaultValue = def.defaultValue;
    } else if (def.type === 'pipe' && def.in?.def.type === 'transform') {
      def = def.out!.def;
      continue;
    } else break;
    def = def.innerType!.def;
  }
  return { def, optional, ...(defaultValue === undefined ? {} : { defaultValue }) };
}

/** The parts of a zod 4 definition the form reads. */
interface ZodDef {
  type: string;
  innerType?: { def: ZodDef };
  in?: { def: ZodDef };
  out?: { def: ZodDef };
  defaultValue?: unknown;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
}

/** min/max of a string or array's length checks. */
function lengths(def: ZodDef): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'min_length') out.min = c.minimum!;
    if (c.check === 'max_length') out.max = c.maximum!;
  }
  return out;
}

/**
 * The form fields of a zod object: one per schema field, in the schema's order, with the widget of
 * its row in `table`, the hint of its doc comment, required unless optional or defaulted, the default,
 * and what the schema fixes: closed sets, length limits, nested objects and lists of objects.
 */
export function formFields(
  shape: Record<string, z.ZodType>,
  table: Record<string, FormSpec>,
  hints: Record<string, string>,
  nested: Record<string, { table: Record<string, FormSpec>; hints: Record<string, string> }> = {},
): CmsField[] {
  return Object.entries(shape).map(([name, schema]) => {
    const spec = table[name];
    if (!spec) throw new Error(`the CMS form has no field for the schema's "${name}"`);
    const { def, optional, defaultValue } = unwrap(schema);
    const { note, ...rest } = spec;
    const field: CmsField = { name, label: fieldLabel(name), ...rest, required: !optional };
    // The doc comment, and what the form does differently (a note of the table row).
    const hint = [hints[name], note].filter(Boolean).join(' ');
    if (hint) field.hint = hint;
    if (defaultValue !== undefined && !('default' in spec)) field.default = defaultValue;
    const element = def.type === 'array' ? unwrap(def.element!).def : undefined;
    const closed = def.type === 'enum' ? def.entries : element?.type === 'enum' ? element.entries : undefined;
    if (closed && !spec.options) field.options = plain(Object.values(closed));
    const objectDef = def.type === 'object' ? def : element?.type === 'object' ? element : undefined;
    if (objectDef) {
      const inner = nested[name];
      if (!inner) throw new Error(`the CMS form has no table for the fields of "${name}"`);
      field.fields = formFields(objectDef.shape!, inner.table, inner.hints);
    }
    const { min, max } = lengths(def);
    if (def.type === 'array' && min) field.min = min;
    // A minimum of one character is what `required` already asks.
    if (def.type === 'string' && ((min ?? 0) > 1 || max !== undefined) && !spec.pattern) {
      const range = `{${min ?? 0},${max ?? ''}}`;
      field.pattern = [
        `^[\\s\\S]${range}$`,
        max === undefined ? `at least ${min} characters` : `${min ?? 0} to ${max} characters`,
      ];
    }
    return field;
  });
}

/** Where the editor commits, and how editors sign in (see .github/CONTRIBUTING.md). */
export interface CmsOptions {
  /** The GitHub repository, "owner/name". */
  repo: string;
  /** The branch pull requests go to. */
  branch: string;
  /** The OAuth proxy that signs editors in to GitHub (base_url), e.g. "https://auth.example.org". */
  authUrl?: string;
  /** Its path (auth_endpoint), when not "auth". */
  authEndpoint?: string;
  /** The Netlify site whose OAuth provider signs editors in (site_domain), when that is the proxy. */
  siteDomain?: string;
  /** The site's absolute URL with its base path, for "view live" links. */
  siteUrl: string;
  /** The closed set of topics: id → label (site configuration). */
  topics: Readonly<Record<string, string>>;
  /** The IANA time zones the form offers for an entry's time (Intl.supportedValuesOf('timeZone') at build). */
  timeZones: readonly string[];
  /** The text of src/lib/schema.ts, whose doc comments become the hints. */
  schemaSource: string;
}

/** The config object of Decap CMS: backend, editorial workflow, and the entries and actors collections. */
export function cmsConfig(o: CmsOptions): Record<string, unknown> {
  const docs = schemaDocs(o.schemaSource);
  const hints = (name: string) => docs[name] ?? {};
  const entryShape = makeEntrySchema(Object.keys(o.topics)).shape as unknown as Record<string, z.ZodType>;
  const entryFields = formFields(entryShape, entryForm(o.topics, o.timeZones), hints('entry'), {
    place: { table: PLACE_FORM, hints: hints('place') },
    sources: { table: SOURCE_FORM, hints: hints('source') },
    corrections: { table: CORRECTION_FORM, hints: hints('correction') },
  });
  const actorFields = formFields(
    actorSchema.shape as unknown as Record<string, z.ZodType>,
    ACTOR_FORM,
    hints('actor'),
    {
      roles: { table: ROLE_FORM, hints: hints('role') },
    },
  );
  const body = (label: string, hint: string): CmsField => ({
    name: 'body',
    label,
    widget: 'markdown',
    // Raw Markdown first: the rich-text view may rewrite MDX it does not know; editors can switch.
    modes: ['raw', 'rich_text'],
    hint,
  });
  return {
    backend: {
      name: 'github',
      repo: o.repo,
      branch: o.branch,
      // People without write access work in their own fork; every save is a pull request.
      open_authoring: true,
      ...(o.authUrl ? { base_url: o.authUrl } : {}),
      ...(o.authEndpoint ? { auth_endpoint: o.authEndpoint } : {}),
      ...(o.siteDomain ? { site_domain: o.siteDomain } : {}),
      commit_messages: {
        create: 'New {{collection}}: {{slug}}',
        update: 'Edit {{collection}}: {{slug}}',
        delete: 'Delete {{collection}}: {{slug}}',
      },
    },
    // Every save is a branch and a pull request, labelled draft, in review or ready.
    publish_mode: 'editorial_workflow',
    // `npx decap-server` in the repository lets the editor work on local files (only on localhost).
    local_backend: true,
    site_url: o.siteUrl,
    display_url: o.siteUrl,
    // Images for <Figure> live under public/ and are referred to from the site's root.
    media_folder: 'public/images',
    public_folder: '/images',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    editor: { preview: false },
    collections: [
      {
        name: 'entries',
        label: 'Entries',
        label_singular: 'Entry',
        description: `One event, one file: ${COLLECTIONS.entries.where}. A new entry is a draft until you untick Draft.`,
        folder: COLLECTIONS.entries.base,
        extension: 'mdx',
        format: 'frontmatter',
        create: true,
        identifier_field: 'title',
        slug: '{{slug}}',
        // The file name starts with the entry's day, in its year's folder. {{date}} is the field as
        // written. Decap's {{month}} and {{day}} would read it as local midnight and then take the UTC
        // day, one day early east of UTC (Kyiv); its {{year}} has that slip on 1 January only, which
        // `npm run check` reports (another year's folder). Decap allows no filters in a path template.
        path: '{{year}}/{{date}}-{{slug}}',
        summary: '{{date}} · {{title}}',
        sortable_fields: ['date', 'title'],
        view_filters: [
          { label: 'Drafts', field: 'draft', pattern: true },
          { label: 'Major', field: 'importance', pattern: 'major' },
        ],
        view_groups: [{ label: 'Year', field: 'date', pattern: '\\d{4}' }],
        fields: [...entryFields, body('Text', 'Markdown: one to four short paragraphs; attribute every claim.')],
      },
      {
        name: 'actors',
        label: 'People and institutions',
        label_singular: 'Actor',
        description: `The registry: one file per person, institution or state, ${COLLECTIONS.actors.where}.`,
        folder: COLLECTIONS.actors.base,
        extension: 'md',
        format: 'frontmatter',
        create: true,
        identifier_field: 'name',
        slug: '{{slug}}',
        summary: '{{name}} ({{affiliation}})',
        sortable_fields: ['name', 'affiliation'],
        fields: [...actorFields, body('Bio', 'A neutral bio of one to three sentences.')],
      },
    ],
  };
}

/** config.yml as written to dist/admin/. */
export function cmsConfigYaml(o: CmsOptions): string {
  return [
    '# Written by the build from src/lib/schema.ts, src/lib/taxonomy.ts and the site configuration',
    '# (src/lib/cms-config.ts). Edit those, not this file.',
    yaml.dump(cmsConfig(o), { lineWidth: 120, noRefs: true }),
  ].join('\n');
}

/** The HTML of /admin/: the CMS's script only, its own policy, and no indexing. */
export function adminPage(o: {
  title: string;
  lang: string;
  policy: string;
  referrer: string;
  favicon: string;
}): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    '<!doctype html>',
    `<html lang="${esc(o.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(o.policy)}">`,
    `<meta name="referrer" content="${esc(o.referrer)}">`,
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Edit · ${esc(o.title)}</title>`,
    `<link rel="icon" href="${esc(o.favicon)}" type="image/svg+xml">`,
    '</head>',
    '<body>',
    '<noscript>The editor needs JavaScript. Without it, edit the files as described in the contributing guide.</noscript>',
    `<script src="${CMS_SCRIPT}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The CMS's script in dist/admin/, copied from the decap-cms package with its chunks. */
export const CMS_SCRIPT = 'decap-cms.js';
