import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryImages, finishShareImages, startShareImages } from '../../src/integrations/share-images';
import { listCollection } from '../../src/lib/content-files';
import { markdownBody, markdownToText } from '../../src/lib/markdown-to-text';
import { plainTexts } from '../../src/lib/plain-texts';
import { shareImageKey } from '../../src/lib/share-image';
import { FIXTURE } from '../support/site';

const job = { file: 'x', site: 'Timeline', title: 'Talks in Istanbul', date: '16 May 2025' };

describe('shareImageKey', () => {
  it('is the same for the same picture, and changes with anything the image shows or the renderer', () => {
    const key = shareImageKey(job, 'v1');
    expect(shareImageKey({ ...job, file: 'another-name' }, 'v1')).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    for (const other of [
      shareImageKey({ ...job, title: 'Talks in Geneva' }, 'v1'),
      shareImageKey({ ...job, date: '17 May 2025' }, 'v1'),
      shareImageKey({ ...job, site: 'Another timeline' }, 'v1'),
      shareImageKey(job, 'v2'),
    ])
      expect(other).not.toBe(key);
  });
});

describe('entryImages', () => {
  it('lists the published entries of a story with the date as readers see it, not the drafts', () => {
    const jobs = entryImages(FIXTURE, 'Harbour');
    const ids = jobs.map((j) => j.file);
    expect(ids).toContain('2020-02-03-first-meeting');
    expect(ids).not.toContain('2021-04-02-draft-note');
    expect(jobs.find((j) => j.file === '2020-02-03-first-meeting')).toMatchObject({
      site: 'Harbour',
      date: '3 February 2020, 09:30 GMT-8',
    });
  });
});

// Drawing starts Node processes: seconds on a busy machine.
describe('the share-image cache', { timeout: 60_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'share-cache-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const story = join(work, 'story');
  cpSync(join(FIXTURE, 'content'), join(story, 'content'), { recursive: true });
  const cache = join(work, 'cache');
  const logs: string[] = [];
  const logger = { info: (m: string) => logs.push(m) } as unknown as AstroIntegrationLogger;
  const options = { title: 'Harbour', tagline: 'A test story' };
  /** A built site's folders as finishShareImages reads them: one per published entry. */
  function dist(name: string): URL {
    const dir = join(work, name);
    for (const { file } of entryImages(story, options.title))
      mkdirSync(join(dir, 'entries', file), { recursive: true });
    return pathToFileURL(`${dir}/`);
  }
  // The system's temp folder, as this process and the workers it starts see it, is one of our own.
  const temp = join(work, 'tmp');
  mkdirSync(temp);
  const systemTemp = process.env.TMPDIR;
  beforeAll(() => void (process.env.TMPDIR = temp));
  afterAll(() => void (systemTemp === undefined ? delete process.env.TMPDIR : (process.env.TMPDIR = systemTemp)));

  it('draws every image once, then only what changed, and leaves nothing behind', async () => {
    const published = entryImages(story, options.title).length;

    const first = startShareImages(story, cache, options);

    await finishShareImages(first, dist('dist-1'), logger);
    expect(logs.at(-1)).toMatch(new RegExp(`^drew ${published + 1} share images in \\d+ ms.*, 0 from the cache$`));
    const png = readFileSync(join(work, 'dist-1/og/2020-02-03-first-meeting.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(existsSync(join(work, 'dist-1/og/site.png'))).toBe(true);
    // The workers also worked out the plain text of every entry and bio, for the feeds and open data.
    const files = [...listCollection(story, 'entries').files, ...listCollection(story, 'actors').files];
    expect([...plainTexts().keys()].sort()).toEqual(files.sort());
    for (const file of files)
      expect(plainTexts().get(file), file).toBe(markdownToText(markdownBody(readFileSync(join(story, file), 'utf8'))));

    // One entry's title changes: one image is drawn, the old one leaves the cache.
    const file = join(story, 'content/entries/2020/2020-02-03-first-meeting.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1 again'));
    const second = startShareImages(story, cache, options);

    await finishShareImages(second, dist('dist-2'), logger);
    expect(logs.at(-1)).toMatch(new RegExp(`^drew 1 share images in .*, ${published} from the cache$`));
    expect(readFileSync(join(work, 'dist-2/og/2020-02-03-first-meeting.png')).equals(png)).toBe(false);
    expect(readdirSync(join(cache, 'share-images'))).toHaveLength(published + 1);
    expect(readdirSync(join(cache, 'share-images')).filter((f) => !f.endsWith('.png'))).toEqual([]);
    expect(tmpdir()).toBe(temp);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('fails clearly when a published entry has no image', async () => {
    const run = startShareImages(story, cache, options);
    const built = dist('dist-3');
    mkdirSync(new URL('entries/not-an-entry/', built), { recursive: true });
    await expect(finishShareImages(run, built, logger)).rejects.toThrow('no share image was drawn for not-an-entry');
  });
});

describe('a share-image worker', { timeout: 60_000 }, () => {
  it('hands over plain texts of any length, whatever characters fall on the chunk boundaries of its output', async () => {
    const work = mkdtempSync(join(tmpdir(), 'share-texts-test-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    cpSync(join(FIXTURE, 'content'), join(work, 'content'), { recursive: true });
    const file = 'content/entries/2020/2020-02-03-first-meeting.mdx';
    const source = readFileSync(join(work, file), 'utf8');
    // Half a megabyte of two-byte letters: the texts line crosses many 64 kB chunks, some inside a letter.
    const long = Array.from({ length: 2_000 }, (_, i) => `Зеленський і Умєров, абзац ${i}: переговори тривають.`);
    writeFileSync(join(work, file), `${source}\n${long.join('\n\n')}\n`);
    plainTexts().clear();
    const run = startShareImages(work, join(work, 'cache'), { title: 'Harbour', tagline: 'A test story' });
    await run.done;
    expect(plainTexts().get(file)).toBe(markdownToText(markdownBody(readFileSync(join(work, file), 'utf8'))));
    expect(plainTexts().get(file)).toContain('абзац 1999');
  });

  it('reads a task of any size and any characters from its standard input', async () => {
    // readFileSync(0) failed with EAGAIN on a pipe; decoding chunk by chunk would break a letter split
    // between two chunks. 10,000 entry files, then a site image whose Cyrillic title is half a megabyte.
    const cacheDir = mkdtempSync(join(tmpdir(), 'share-worker-test-'));
    afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
    const entries = Array.from({ length: 10_000 }, (_, i) => `content/entries/2000/2000-01-01-event-${i}.mdx`);
    const site = { file: 'site', site: 'Хроніка', title: 'Переговори — подія за подією. '.repeat(10_000) };
    const task = { root: cacheDir, entries, actors: [], extra: [site], site: site.site, renderer: 'r', cacheDir };
    const worker = fileURLToPath(new URL('../../src/integrations/share-image-worker.ts', import.meta.url));
    const child = spawn(process.execPath, [worker], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end(JSON.stringify(task));
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code).toBe(0);
    // No such entry files: no texts and no entry images; the site's image, under the key of its exact text.
    expect(out.split('\n').map((line) => JSON.parse(line))).toEqual([
      { texts: [] },
      { keys: [['site', shareImageKey(site, 'r')]], drawn: 1 },
    ]);
  });
});
