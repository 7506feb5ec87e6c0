/** The browser editor's config.yml, generated from the content model: no schema field without a form field. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import yaml from 'js-yaml';
import {
  adminPage,
  cmsConfig,
  cmsConfigYaml,
  fieldLabel,
  HTTPS_PATTERN,
  schemaDocs,
  type CmsField,
  type CmsOptions,
} from '../../src/lib/cms-config';
import { actorSchema, makeEntrySchema, sourceSchema } from '../../src/lib/schema';
import { COLLECTIONS } from '../../src/lib/content-files';
import { CONFIDENCE, KINDS } from '../../src/lib/taxonomy';
import site from '../../src/site.config';

const schemaSource = readFileSync(fileURLToPath(new URL('../../src/lib/schema.ts', import.meta.url)), 'utf8');
const options: CmsOptions = {
  repo: 'newsroom/timeline',
  branch: 'main',
  siteUrl: 'https://example.org/timeline/',
  topics: site.topics,
  timeZones: ['Europe/Kyiv', 'Europe/Istanbul', 'UTC'],
  schemaSource,
};
type Collection = { name: string; folder: string; extension: string; path?: string; fields: CmsField[] };
const config = cmsConfig(options) as { collections: Collection[] } & Record<string, unknown>;
const collection = (name: string) => config.collections.find((c) => c.name === name)!;
const field = (fields: CmsField[], name: string) => fields.find((f) => f.name === name)!;

/** The object shape under a zod field's wrappers (optional, default, array, refine), if any. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let def = (schema as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType } }).def;
  for (;;) {
    if ((def.type === 'optional' || def.type === 'default') && def.innerType)
      def = (def.innerType as never as { def: typeof def }).def;
    else if (def.type === 'array' && def.element) def = (def.element as never as { def: typeof def }).def;
    else break;
  }
  return def.type === 'object' ? (def as unknown as { shape: Record<string, z.ZodType> }).shape : undefined;
}

/** Every field path of a zod object that has no form field with a hint, walking nested objects and lists. */
function missing(shape: Record<string, z.ZodType>, fields: CmsField[], prefix = ''): string[] {
  return Object.entries(shape).flatMap(([name, schema]) => {
    const form = fields.find((f) => f.name === name);
    if (!form) return [`${prefix}${name}: no form field`];
    const problems = typeof form.hint === 'string' && form.hint.length > 5 ? [] : [`${prefix}${name}: no hint`];
    const inner = shapeOf(schema);
    if (inner) problems.push(...missing(inner, (form.fields as CmsField[]) ?? [], `${prefix}${name}.`));
    return problems;
  });
}

describe('the form covers the schema', () => {
  it('has a form field with a hint for every field of an entry, its place, sources and corrections', () => {
    const shape = makeEntrySchema(Object.keys(site.topics)).shape as unknown as Record<string, z.ZodType>;
    expect(missing(shape, collection('entries').fields)).toEqual([]);
  });

  it('has a form field with a hint for every field of an actor and its roles', () => {
    expect(missing(actorSchema.shape as unknown as Record<string, z.ZodType>, collection('actors').fields)).toEqual([]);
  });

  it('edits aliases as a list of strings and roles as a list of objects', () => {
    const actors = collection('actors').fields;
    expect(field(actors, 'aliases')).toMatchObject({ widget: 'list', field: { name: 'alias', widget: 'string' } });
    expect(field(actors, 'roles')).toMatchObject({ widget: 'list', label_singular: 'role' });
    expect(field(actors, 'sortName').pattern).toBeUndefined();
    expect(field(actors, 'affiliation').pattern).toEqual(['^[\\s\\S]{2,}$', 'at least 2 characters']);
  });

  it('has no form field the schema does not know, except the body', () => {
    const shape = makeEntrySchema(Object.keys(site.topics)).shape;
    const extra = collection('entries')
      .fields.map((f) => f.name)
      .filter((n) => !(n in shape));
    expect(extra).toEqual(['body']);
  });

  it('fails loudly when a schema field has no row in the form table', async () => {
    const { formFields } = await import('../../src/lib/cms-config');
    expect(() => formFields(sourceSchema.shape as never, { outlet: { widget: 'string' } }, {})).toThrow(
      'the CMS form has no field for the schema\'s "original"',
    );
  });

  it('takes hints from the doc comments in schema.ts', () => {
    const docs = schemaDocs(schemaSource);
    expect(docs.entry!.title).toBe('Headline of the event, in sentence case; 3–140 characters. Required.');
    expect(docs.source!.kind).toMatch(/^What kind of page this is: "official"/);
    expect(docs.actor!.sortName).toContain('Xi Jinping');
    expect(field(collection('entries').fields, 'summary').hint).toBe(docs.entry!.summary);
  });
});

describe('the widgets', () => {
  const entries = collection('entries').fields;

  it('offers the closed sets as selects: kinds, topics, confidence, importance', () => {
    const values = (name: string) => (field(entries, name).options as { value: string }[]).map((o) => o.value);
    expect(values('kind')).toEqual([...KINDS]);
    expect(values('topics')).toEqual(Object.keys(site.topics));
    expect(field(entries, 'topics').multiple).toBe(true);
    expect(values('confidence')).toEqual([...CONFIDENCE]);
    expect(values('importance')).toEqual(['major', 'minor']);
    expect(values('timeZone')).toEqual(options.timeZones);
  });

  it('picks actors and related entries from their collections by id, several at a time', () => {
    expect(field(entries, 'actors')).toMatchObject({
      widget: 'relation',
      collection: 'actors',
      value_field: '{{slug}}',
      multiple: true,
      required: true,
      min: 1,
    });
    expect(field(entries, 'related')).toMatchObject({ widget: 'relation', collection: 'entries', required: false });
  });

  it('writes days as YYYY-MM-DD, lists sources and corrections as objects, and the place as an object', () => {
    expect(field(entries, 'date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(field(entries, 'sources')).toMatchObject({ widget: 'list', min: 1, required: true });
    expect((field(entries, 'sources').fields as CmsField[]).map((f) => f.name)).toEqual(
      Object.keys(sourceSchema.shape),
    );
    expect(field(entries, 'corrections')).toMatchObject({ widget: 'list', required: false, default: [] });
    expect(field(entries, 'place')).toMatchObject({ widget: 'object', required: false });
    expect(entries.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
  });

  it('limits the summary to 280 characters and the title to 3–140', () => {
    const re = (name: string) => new RegExp((field(entries, name).pattern as string[])[0]!);
    expect(re('summary').test('x'.repeat(280))).toBe(true);
    expect(re('summary').test('x'.repeat(281))).toBe(false);
    expect(re('title').test('ab')).toBe(false);
  });

  it('starts a new entry as a draft, as npm run new does, and fills the schema defaults', () => {
    expect(field(entries, 'draft')).toMatchObject({ widget: 'boolean', default: true });
    expect(field(entries, 'importance').default).toBe('minor');
    expect(field(entries, 'confidence').default).toBe('confirmed');
  });

  it.each([
    ['https://www.reuters.com/world/a-b', true],
    ['https://kremlin.ru/events/president/news/76954', true],
    ['http://www.reuters.com/world/a-b', false],
    ['ftp://example.org/file', false],
    ['https://', false],
    ['https://exa mple.org/', false],
  ])('agrees with the schema on %s as a source URL', (url, ok) => {
    expect(new RegExp(HTTPS_PATTERN[0]).test(url)).toBe(ok);
    expect(sourceSchema.safeParse({ outlet: 'X', url }).success).toBe(ok);
  });

  it('labels fields for people', () => {
    expect(fieldLabel('confidenceNote')).toBe('Confidence note');
    expect(fieldLabel('url')).toBe('URL');
  });
});

describe('the collections and the backend', () => {
  it('keeps entries and actors where the loader reads them, entries under their year and day', () => {
    expect(collection('entries')).toMatchObject({
      folder: COLLECTIONS.entries.base,
      extension: 'mdx',
      path: '{{year}}/{{date}}-{{slug}}',
    });
    expect(collection('actors')).toMatchObject({ folder: COLLECTIONS.actors.base, extension: 'md' });
  });

  it('opens a pull request for every save, also from forks, on GitHub', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toMatchObject({ name: 'github', repo: 'newsroom/timeline', open_authoring: true });
    expect(cmsConfig({ ...options, authUrl: 'https://auth.example.org' }).backend).toMatchObject({
      base_url: 'https://auth.example.org',
    });
  });

  it('writes YAML that reads back to the same config', () => {
    expect(yaml.load(cmsConfigYaml(options))).toEqual(config);
  });
});

describe('the admin page', () => {
  const html = adminPage({
    title: 'T & co',
    lang: 'en',
    policy: "default-src 'self'",
    referrer: 'strict-origin-when-cross-origin',
    favicon: '/timeline/favicon.svg',
  });

  it('carries its policy first, noindex, and loads only the CMS script from the site', () => {
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<script src="decap-cms.js"></script>');
    expect(html).toContain('<title>Edit · T &amp; co</title>');
    expect(html).not.toMatch(/https?:\/\//);
  });
});
