/**
 * A static server for built sites that applies dist/_headers (Netlify/Cloudflare format), so the
 * browser tests run under the same headers as production; or sends no headers, as GitHub Pages.
 * Loopback only.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain',
  '.ics': 'text/calendar',
  '.csv': 'text/csv',
  '.yml': 'text/yaml',
};

/**
 * Parses a _headers file into [path pattern, headers] rules. A `! Name` line (Cloudflare Pages) drops
 * that header of the rules before it, given as null; a later rule's header replaces an earlier one.
 */
export function parseHeaders(text: string): [RegExp, Record<string, string | null>][] {
  const rules: [RegExp, Record<string, string | null>][] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(
        `^${line
          .trim()
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      );
      rules.push([pattern, {}]);
    } else if (line.trim().startsWith('!')) {
      rules.at(-1)![1][line.trim().slice(1).trim()] = null;
    } else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)![1][name!.trim()] = value.join(':').trim();
    }
  }
  return rules;
}

/**
 * Serves `dist` (built with `base`) on a free loopback port, with the headers of dist/_headers, or
 * with none at all when `headers` is false (as GitHub Pages serves a site).
 */
export async function serveDist(
  dist: string,
  base = '/',
  { headers: sendHeaders = true } = {},
): Promise<{ origin: string; close: () => void }> {
  const headersPath = join(dist, '_headers');
  const rules = sendHeaders && existsSync(headersPath) ? parseHeaders(readFileSync(headersPath, 'utf8')) : [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const headers: Record<string, string> = {};
    for (const [pattern, h] of rules) {
      if (!pattern.test(path)) continue;
      for (const [name, value] of Object.entries(h)) {
        if (value === null) delete headers[name];
        else headers[name] = value;
      }
    }
    const inSite = path.startsWith(base) ? path.slice(base.length) : null;
    let file = inSite === null ? '' : join(dist, inSite);
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      res.writeHead(404, { ...headers, 'content-type': TYPES['.html']! }).end(readFileSync(join(dist, '404.html')));
      return;
    }
    res
      .writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() };
}
