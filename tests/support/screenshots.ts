/**
 * Takes screenshots of every page type of a built site, at desktop and phone widths, light and
 * dark, with Debian's Chromium. Not a test: a tool for looking at what we built.
 *   npx node tests/support/screenshots.ts <dist> <out-dir> <page-path>...
 */
import { launchBrowser } from './browser.ts';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const [dist = 'dist', out = 'tests/.tmp/shots', ...pages] = process.argv.slice(2);
const types: Record<string, string> = {
  '.html': 'text/html',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript',
  '.png': 'image/png',
};

const server = createServer((req, res) => {
  let file = join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/html' }).end(readFileSync(join(dist, '404.html')));
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const port = (server.address() as { port: number }).port;

mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
    for (const path of pages) {
      await page.goto(`http://127.0.0.1:${port}${path}`);
      const name = `${label}-${scheme}-${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.png`;
      await page.screenshot({ path: join(out, name), fullPage: process.env.FULL === '1' });
    }
    await page.close();
  }
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
