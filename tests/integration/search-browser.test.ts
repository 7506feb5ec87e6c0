/**
 * The search as a reader uses it, in Debian's Chromium: type in the header box, land on results,
 * filter by actor, sort by date, open a result, go Back and find the same state. At the root and
 * under a base path. No request may leave the site's origin, and the console must stay clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from '@playwright/test';
import { launchBrowser } from '../support/browser';
import { buildSite, prepareSite } from '../support/site';
import { startPreview, type Preview } from '../support/preview';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  { name: 'root', base: '/' },
  { name: 'base', base: '/some-path/' },
])('search in the browser, site at $base', ({ name, base }) => {
  let preview: Preview;
  let page: Page;
  const foreign: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const dir = prepareSite(`browser-${name}`);
    const r = buildSite(dir, base === '/' ? [] : ['--base', base]);
    if (r.status !== 0) throw new Error(`build failed:\n${r.output}`);
    preview = await startPreview(dir, base);
    page = await browser.newPage();
    page.on('request', (req) => {
      if (!req.url().startsWith(preview.origin)) foreign.push(req.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
  });
  afterAll(async () => {
    await page?.close();
    preview?.stop();
  });

  const resultTitles = () => page.locator('.search-result .card-title').allTextContents();

  it('goes from the header box to results', async () => {
    await page.goto(`${preview.origin}${base}`);
    await page.fill('#site-search-q', 'tolls');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(`${preview.origin}${base}search/?q=tolls`);
    await page.waitForSelector('.search-result');
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('3 results for “tolls”.');
    expect(await page.inputValue('#q')).toBe('tolls');
  });

  it('filters by actor and sorts by date, keeping it all in the URL', async () => {
    await page.getByLabel(/^Harbour Authority/).check();
    await page.waitForURL(/actor=Harbour\+Authority/);
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('2 results for “tolls”.');
    await page.selectOption('#sort', 'oldest');
    await page.waitForURL(/sort=oldest/);
    await expect.poll(resultTitles).toEqual(['Two days of toll talks', 'Toll agreement signed']);
  });

  it('opens a result and comes Back to the same search', async () => {
    const before = page.url();
    await page.getByRole('link', { name: 'Two days of toll talks' }).click();
    await page.waitForURL(`${preview.origin}${base}entries/2020-05-14-toll-talks/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Two days of toll talks');
    await page.goBack();
    await page.waitForURL(before);
    await expect.poll(resultTitles).toEqual(['Two days of toll talks', 'Toll agreement signed']);
    expect(await page.inputValue('#q')).toBe('tolls');
    expect(await page.inputValue('#sort')).toBe('oldest');
    expect(await page.getByLabel(/^Harbour Authority/).isChecked()).toBe(true);
  });

  it('restores each earlier state with Back', async () => {
    await page.goBack();
    await page.waitForURL(/actor=Harbour\+Authority$/);
    await expect.poll(() => page.inputValue('#sort')).toBe('relevance');
    await page.goBack();
    await page.waitForURL(`${preview.origin}${base}search/?q=tolls`);
    await expect.poll(() => page.getByLabel(/^Harbour Authority/).isChecked()).toBe(false);
  });

  it('finds an alias and a date, and helps when nothing matches', async () => {
    await page.goto(`${preview.origin}${base}search/?q=%D0%9B%D0%B8%D0%BD%D0%B4&type=Event`);
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('4 results for “Линд”.');
    await page.goto(`${preview.origin}${base}search/?q=February+3%2C+2020`);
    await expect.poll(resultTitles).toContain('Mayors meet for the first time');
    await page.goto(`${preview.origin}${base}search/?q=Marra`);
    await expect.poll(() => page.locator('.search-help').textContent()).toContain('Did you mean Mara Lind?');
  });

  it('made no request outside the site and logged no error', () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
