/** The JSON Schema of /data/timeline.json, generated from the same zod shapes that validate content. */
import site from '../../site.config';
import { openDataJsonSchema } from '../../lib/open-data';

export function GET() {
  return new Response(`${JSON.stringify(openDataJsonSchema(Object.keys(site.topics)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
}
