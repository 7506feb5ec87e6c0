/**
 * The browser editor at /admin/ (Decap CMS), driven as an editor drives it: the fixture story is
 * built, Decap's own local proxy (decap-server) serves a throw-away copy of the story's files, and
 * headless Chromium fills in the form for a new entry and saves it. The file it writes must pass
 * `npm run check` and build into a page; an http:// source must be refused with a clear message.
 * Then the built /admin/ must start without a page error and ask nothing of another origin before
 * sign-in, under dist/_headers and without headers (GitHub Pages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Browser, Page } from '@playwright/test';
import { launchBrowser } from '../support/browser';
import { buildSite, prepareSite, ROOT, runCli, type BuildResult } from '../support/site';
import { serveDist } from '../support/static-server';

/** Pages are served at this host name, mapped to loopback: the CMS then behaves as on a real domain. */
const HOST = 'cms.test';

let dir: string;
let built: BuildResult;
let browser: Browser;
let server: { origin: string; close: () => void };
let proxy: ChildProcess;
let proxyUrl: string;

/** A free loopback port. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = prepareSite('cms');
  built = buildSite(dir);
  if (built.status !== 0) throw new Error(`build failed:\n${built.output}`);
  // Decap's proxy, writing straight into the copy's files (its "fs" mode), on loopback only.
  const port = await freePort();
  proxy = spawn(process.execPath, [join(ROOT, 'node_modules/decap-server/dist/index.js')], {
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: dir, MODE: 'fs' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('decap-server did not start')), 15_000);
    proxy.stdout!.on('data', (d: Buffer) => {
      if (/listening/.test(String(d))) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  proxyUrl = `http://127.0.0.1:${port}/api/v1`;
  server = await serveDist(built.dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  proxy?.kill();
});

/** Opens the editor on the local proxy (the generated config, pointed at this test's proxy port). */
async function openEditor(problems: string[]): Promise<Page> {
  // In Kyiv, as the newsroom: a day must not move through a UTC conversion on its way to a file name.
  const context = await browser.newContext({ timezoneId: 'Europe/Kyiv' });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.route('**/admin/config.yml', async (route) => {
    const response = await route.fetch();
    const config = (await response.text()).replace('local_backend: true', `local_backend:\n  url: ${proxyUrl}`);
    await route.fulfill({ response, body: config });
  });
  await page.goto(`${server.origin}/admin/`);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.goto(`${server.origin}/admin/#/collections/entries/new`);
  await page.getByLabel('Title', { exact: true }).waitFor();
  return page;
}

/** Picks an option of a select or relation field by typing part of it. */
async function pick(page: Page, label: string, typed: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills in a new entry: title, summary, date, kind, two actors of the registry, one source, text. */
async function fillEntry(page: Page, sourceUrl: string): Promise<void> {
  await page.getByLabel('Title', { exact: true }).fill('Mara Lind and Petra Berg inspect the bridge');
  await page
    .getByLabel('Summary', { exact: true })
    .fill('Mara Lind and Petra Berg walked the harbour bridge together to see the finished repairs.');
  await page.getByLabel('Date', { exact: true }).fill('2021-06-15');
  await pick(page, 'Kind', 'meet', 'Meeting');
  await pick(page, 'Actors', 'Mara', 'Mara Lind');
  await pick(page, 'Actors', 'Berg', 'Petra Berg');
  await page.getByRole('button', { name: /^Add sources?$/i }).click();
  await page.getByLabel('Outlet', { exact: true }).fill('Harbour Gazette');
  await page.getByLabel('URL', { exact: true }).fill(sourceUrl);
  await page.locator('[data-slate-editor="true"]').last().fill('The two mayors walked the bridge at noon.');
}

/** Saves the entry ("Publish now" on a local backend; on GitHub, a save opens a pull request). */
async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
}

describe('the browser editor, on a local backend', () => {
  it('creates an entry through the form: a draft by default, a file that passes the check and builds into a page', async () => {
    const problems: string[] = [];
    const page = await openEditor(problems);
    const draft = page.getByRole('switch', { name: /^Draft/ });
    expect(await draft.getAttribute('aria-checked')).toBe('true');
    await fillEntry(page, 'https://harbour-gazette.example/bridge-walk');
    // Published straight away, so that the build below shows it.
    await draft.click();
    await save(page);
    const pattern = 'content/entries/2021/2021-06-15-*.mdx';
    await expect.poll(() => globSync(pattern, { cwd: dir }).length).toBe(1);
    const file = globSync(pattern, { cwd: dir })[0]!;
    const id = file
      .split('/')
      .pop()!
      .replace(/\.mdx$/, '');
    expect(id).toBe('2021-06-15-mara-lind-and-petra-berg-inspect-the-bridge');
    const source = readFileSync(join(dir, file), 'utf8');
    const data = yaml.load(/^---\n([\s\S]*?)\n---/.exec(source)![1]!) as Record<string, unknown>;
    expect(data).toMatchObject({
      title: 'Mara Lind and Petra Berg inspect the bridge',
      date: expect.anything(),
      kind: 'meeting',
      actors: ['mara-lind', 'petra-berg'],
      sources: [{ outlet: 'Harbour Gazette', url: 'https://harbour-gazette.example/bridge-walk' }],
      draft: false,
    });
    const check = runCli(dir, 'check');
    expect(`${check.stdout}${check.stderr}`).toContain('Content is valid');
    expect(check.status).toBe(0);
    built = buildSite(dir);
    expect(built.status, built.output).toBe(0);
    const html = readFileSync(join(built.dist, 'entries', id, 'index.html'), 'utf8');
    expect(html).toContain('Mara Lind and Petra Berg inspect the bridge');
    expect(html).toContain('https://harbour-gazette.example/bridge-walk');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('refuses an http:// source in the form, saying why, and writes nothing', async () => {
    const problems: string[] = [];
    const page = await openEditor(problems);
    await fillEntry(page, 'http://harbour-gazette.example/insecure');
    await page.getByLabel('Date', { exact: true }).fill('2021-07-01');
    await save(page);
    await expect.poll(() => page.getByText('expected an https:// URL').count()).toBeGreaterThan(0);
    expect(globSync('content/entries/2021/2021-07-01-*.mdx', { cwd: dir })).toEqual([]);
    await page.context().close();
  });
});

describe('the built editor', () => {
  it('holds the CMS and a config.yml from the schema, and is out of the sitemap and the search index', () => {
    const admin = join(built.dist, 'admin');
    expect(existsSync(join(admin, 'decap-cms.js'))).toBe(true);
    const config = yaml.load(readFileSync(join(admin, 'config.yml'), 'utf8')) as {
      collections: { name: string; folder: string }[];
    };
    expect(config.collections.map((c) => [c.name, c.folder])).toEqual([
      ['entries', 'content/entries'],
      ['actors', 'content/actors'],
    ]);
    const html = readFileSync(join(admin, 'index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toContain('data-pagefind-body');
    expect(readFileSync(join(built.dist, 'sitemap-0.xml'), 'utf8')).not.toContain('/admin/');
  });

  for (const headers of [true, false]) {
    it(`starts without a page error and asks no other origin before sign-in (${headers ? 'with dist/_headers' : 'no headers, as GitHub Pages'})`, async () => {
      const site = await serveDist(built.dist, '/', { headers });
      const origin = `http://${HOST}:${new URL(site.origin).port}`;
      // The CMS needs a secure context (crypto.randomUUID), as on the https site.
      const hosted = await launchBrowser([
        `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
        `--unsafely-treat-insecure-origin-as-secure=${origin}`,
      ]);
      try {
        const page = await hosted.newPage();
        const origins = new Set<string>();
        const problems: string[] = [];
        page.on('request', (r) => origins.add(new URL(r.url()).origin));
        page.on('pageerror', (e) => problems.push(e.message));
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(m.text());
        });
        await page.goto(`${origin}/admin/`);
        await page.getByRole('button', { name: 'Login with GitHub' }).waitFor();
        expect(problems).toEqual([]);
        expect([...origins]).toEqual([origin]);
      } finally {
        await hosted.close();
        site.close();
      }
    });
  }
});
