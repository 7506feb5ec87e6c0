/** The JSON Schema of /data/timeline.json, generated from the same zod shapes that validate content. */
import type { APIContext } from 'astro';
import site from '../../site.config';
import { openDataJsonSchema } from '../../lib/open-data';
import { absoluteUrl } from '../../lib/paths';

export function GET(context: APIContext) {
  const schema = openDataJsonSchema(
    Object.keys(site.topics),
    absoluteUrl(context.site ?? site.site, 'data/timeline.schema.json'),
  );
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
}
