/**
 * The search as a reader uses it, in Debian's Chromium: type in the header box, land on results,
 * filter by actor, sort by date, open a result, go Back and find the same state; the best-match card
 * for a name, dates in time order, the month range, and a phone's layout and scroll. At the root and
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

  it('filters by actor and sorts by date, keeping it all in the URL without adding history', async () => {
    const entries = await page.evaluate(() => history.length);
    await page.getByLabel(/^Harbour Authority/).check();
    await page.waitForURL(/actor=Harbour\+Authority/);
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('2 results for “tolls”.');
    await expect.poll(() => page.locator('summary').first().textContent()).toBe('Filters (1)');
    await page.selectOption('#sort', 'oldest');
    await page.waitForURL(/sort=oldest/);
    await expect.poll(resultTitles).toEqual(['Two days of toll talks', 'Toll agreement signed']);
    expect(await page.evaluate(() => history.length)).toBe(entries);
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

  it('pushes a new query, and Back returns to the search before it', async () => {
    const before = page.url();
    await page.fill('#q', 'survey');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=survey/);
    await page.goBack();
    await page.waitForURL(before);
    await expect.poll(resultTitles).toEqual(['Two days of toll talks', 'Toll agreement signed']);
    expect(await page.inputValue('#q')).toBe('tolls');
  });

  it('shows the person a name means first, in any spelling, before the results', async () => {
    for (const q of ['Mara+Lind', 'Lindh', '%D0%9C%D0%B0%D1%80%D0%B0%20%D0%9B%D0%B8%D0%BD%D0%B4']) {
      await page.goto(`${preview.origin}${base}search/?q=${q}`);
      const card = page.locator('.best-match');
      await expect.poll(() => card.locator('.card-title').textContent()).toBe('Mara Lind');
      expect(await card.locator('.role').textContent()).toBe('Mayor of Northport');
      // The card is the person's page, first; the list does not repeat it.
      await expect.poll(() => page.locator('.search-result').count()).toBe(4);
      expect(await resultTitles()).not.toContain('Mara Lind');
      // The count under the card says what the list is: the events whose text names her.
      expect(await page.locator('[data-status]').textContent()).toBe('4 events mention Mara Lind.');
    }
    await page.getByRole('link', { name: 'All 4 events with Mara Lind' }).click();
    await page.waitForURL(/type=Event&actor=Mara\+Lind&sort=newest$/);
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('4 results.');
    await page.goto(`${preview.origin}${base}search/?q=Mara+Lnd`);
    await expect.poll(() => page.locator('.best-match .kind').textContent()).toBe('Did you mean');
    await page.goto(`${preview.origin}${base}search/?q=tolls`);
    await page.waitForSelector('.search-result');
    expect(await page.locator('.best-match').count()).toBe(0);
  });

  it('answers a date or a range with events only, oldest first, and lets the reader reorder', async () => {
    await page.goto(`${preview.origin}${base}search/?from=2020-01&to=2020-12`);
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('4 events in 2020.');
    const inOrder = [
      'Mayors meet for the first time',
      'Two days of toll talks',
      'Repairs survey published',
      'Talks across the new year',
    ];
    await expect.poll(resultTitles).toEqual(inOrder);
    expect(await page.inputValue('#sort')).toBe('oldest');
    await page.selectOption('#sort', 'newest');
    await page.waitForURL(/sort=newest/);
    await expect.poll(resultTitles).toEqual([...inOrder].reverse());
    await page.goto(`${preview.origin}${base}search/?q=May+2020`);
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('1 event in May 2020.');
    await expect.poll(resultTitles).toEqual(['Two days of toll talks']);
  });

  it('takes a month range from two selects per end', async () => {
    await page.goto(`${preview.origin}${base}search/?q=talks`);
    await page.waitForSelector('.search-result');
    await page.selectOption('#from-year', '2020');
    await page.waitForURL(/from=2020-01/);
    await page.selectOption('#from-month', '05');
    await page.waitForURL(/from=2020-05/);
    await page.selectOption('#to-year', '2020');
    await page.waitForURL(/from=2020-05&to=2020-12$/);
    await expect
      .poll(() => resultTitles().then((t) => t.sort()))
      .toEqual(['Talks across the new year', 'Two days of toll talks']);
    expect(await page.locator('select[type=month], input[type=month]').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.inputValue('#from-month')).toBe('05');
    expect(await page.inputValue('#to-year')).toBe('2020');
  });

  it('on a phone, puts the results first, the filters folded under them, and Back restores the scroll', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 600 } });
    try {
      await phone.goto(`${preview.origin}${base}search/?q=Mara+Lind`);
      await phone.waitForSelector('.search-result');
      const first = await phone.locator('.best-match').boundingBox();
      expect(first!.y).toBeLessThan(600);
      expect(await phone.locator('details.filters').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
      const order = await phone.evaluate(() => {
        const results = document.querySelector('#results')!;
        const filters = document.querySelector('details.filters')!;
        return results.compareDocumentPosition(filters) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      expect(order).toBeTruthy();
      // The "Skip to results" link is the second stop for a keyboard.
      await phone.keyboard.press('Tab');
      await phone.keyboard.press('Tab');
      expect(await phone.evaluate(() => document.activeElement?.textContent)).toBe('Skip to results');
      const last = phone.locator('.search-result .card-title a').last();
      await expect.poll(() => phone.locator('.search-result').count()).toBe(4);
      await last.scrollIntoViewIfNeeded();
      const titles = await phone.locator('.search-result .card-title').allTextContents();
      const y = await phone.evaluate(() => Math.round(window.scrollY));
      expect(y).toBeGreaterThan(300);
      await last.click();
      await phone.waitForURL(/\/entries\//);
      await phone.goBack();
      await phone.waitForURL(/q=Mara\+Lind/);
      await expect.poll(() => phone.locator('.search-result .card-title').allTextContents()).toEqual(titles);
      await expect.poll(() => phone.evaluate(() => Math.round(window.scrollY))).toBe(y);
    } finally {
      await phone.close();
    }
  });

  it('finds an alias and a date, and helps when nothing matches', async () => {
    await page.goto(`${preview.origin}${base}search/?q=%D0%9B%D0%B8%D0%BD%D0%B4&type=Event`);
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('4 results for “Линд”.');
    await page.goto(`${preview.origin}${base}search/?q=February+3%2C+2020`);
    await expect.poll(resultTitles).toEqual(['Mayors meet for the first time']);
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('1 event on 3 February 2020.');
    await page.goto(`${preview.origin}${base}search/?q=Marra`);
    await expect.poll(() => page.locator('.search-help').textContent()).toContain('Did you mean Mara Lind?');
  });

  it('made no request outside the site and logged no error', () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
