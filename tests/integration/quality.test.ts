/**
 * Quality gates over the real site, built twice from this commit: the builds are byte-identical;
 * every HTML file passes the Nu HTML Checker; every internal link, asset and fragment resolves and
 * every external link is https; every page type has no WCAG 2.2 AA violation (axe-core, light and
 * dark) and works under the headers of dist/_headers without leaving its origin; the timeline,
 * search and filters work by keyboard alone; and every page carries its own Content-Security-Policy
 * in a <meta>, which alone holds when a host sends no headers (GitHub Pages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchBrowser } from '../support/browser';
import { AxeBuilder } from '@axe-core/playwright';
import { buildSite, prepareSite, ROOT, type BuildResult } from '../support/site';
import { findBrokenLinks, walk } from '../support/links';
import { serveDist } from '../support/static-server';
import { metaPolicy, parsePolicy, type PagePolicy } from '../../src/lib/security';

let first: BuildResult;
let second: BuildResult;

beforeAll(() => {
  first = buildSite(prepareSite('quality-a', ROOT));
  if (first.status !== 0) throw new Error(`build failed:\n${first.output}`);
  second = buildSite(prepareSite('quality-b', ROOT));
  if (second.status !== 0) throw new Error(`build failed:\n${second.output}`);
});

const fingerprint = (dist: string) =>
  Object.fromEntries(
    walk(dist).map((f) => [relative(dist, f), createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );

describe('the built site', () => {
  it('is byte-identical from one clean build to the next', () => {
    const a = fingerprint(first.dist);
    const b = fingerprint(second.dist);
    expect(Object.keys(a).length).toBeGreaterThan(400);
    const differ = Object.keys({ ...a, ...b }).filter((f) => a[f] !== b[f]);
    expect(differ).toEqual([]);
  });

  it('has valid HTML in every file (Nu HTML Checker)', () => {
    const vnu = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
    const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--skip-non-html', '--format', 'gnu', first.dist], {
      encoding: 'utf8',
    });
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
    expect(run.status).toBe(0);
  });

  it('has no broken internal link, asset or fragment, and only https external links', () => {
    const { broken, external, checked } = findBrokenLinks(first.dist, '/');
    expect(checked).toBeGreaterThan(5000);
    expect(broken).toEqual([]);
    expect(external.filter((u) => !u.startsWith('https://'))).toEqual([]);
  });
});

/** One page of each type, and the path it is found at. */
const PAGES = [
  ['timeline', '/'],
  ['entry', '/entries/2025-05-16-istanbul-direct-talks/'],
  ['entry with an unconfirmed detail', '/entries/2025-08-15-alaska-summit-trump-putin/'],
  ['disputed entry', '/entries/2022-03-28-suspected-poisoning-reports/'],
  ['topic', '/topics/ceasefire/'],
  ['chapter', '/chapters/istanbul-2025/'],
  ['actor', '/actors/rustem-umerov/'],
  ['actor index', '/actors/'],
  ['date index', '/dates/'],
  ['year', '/dates/2025/'],
  ['month', '/dates/2025/05/'],
  ['search with results', '/search/?q=Istanbul&sort=newest'],
  ['search for a person', '/search/?q=Zelenskiy'],
  ['about', '/about/'],
  ['corrections', '/corrections/'],
  ['open data', '/data/'],
  ['404', '/no-such-page/'],
] as const;

describe('people in time, on the real site', () => {
  it.each([
    ['kyrylo-budanov', 'Head of Defence Intelligence of Ukraine (HUR)'],
    ['sergei-shoigu', 'Defence Minister of Russia'],
    ['andriy-yermak', 'Head of the Office of the President of Ukraine'],
    ['joe-biden', 'President of the United States'],
  ])('shows the ended office of %s as former', (id, office) => {
    const html = readFileSync(join(first.dist, 'actors', id, 'index.html'), 'utf8');
    const former = /<h3 class="roles-when">Former<\/h3>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(former).toContain(office);
    const current = /<h3 class="roles-when">Current<\/h3>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(current).not.toContain(`${office}<`);
  });
});

describe('sources as readers see them', () => {
  it('never shows a source as a bare address on any entry page', () => {
    const bare: string[] = [];
    for (const file of walk(join(first.dist, 'entries')).filter((f) => f.endsWith('.html'))) {
      const section = /<section class="sources"[\s\S]*?<\/section>/.exec(readFileSync(file, 'utf8'))?.[0] ?? '';
      for (const m of section.matchAll(/<a href="https:[^"]*"[^>]*>([^<]*)<\/a>/g)) {
        const text = m[1]!.trim();
        // Outlets named like their site ("Babel.ua", "Antiwar.com") are names; an address is not.
        if (/^(https?:\/\/|www\.)|^[\w.-]+\.[a-z]{2,}\/\S*$/i.test(text)) bare.push(`${file}: ${text}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('keeps a space between each source title and its outlet, for search excerpts, readers and copying', () => {
    const joined: string[] = [];
    for (const file of walk(join(first.dist, 'entries')).filter((f) => f.endsWith('.html'))) {
      const section = /<section class="sources"[\s\S]*?<\/section>/.exec(readFileSync(file, 'utf8'))?.[0] ?? '';
      if (/<\/a><span class="source-meta">/.test(section)) joined.push(file);
    }
    expect(joined).toEqual([]);
  });
});

describe('entry cards as built', () => {
  it('open "and N more" on exactly N more people, without JavaScript (<details>)', () => {
    const found: string[] = [];
    for (const file of ['index.html', 'actors/rustem-umerov/index.html'].map((f) => join(first.dist, f))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/<li class="more">([\s\S]*?)<\/li><\/ul><\/details>/g)) {
        const more = /^<details><summary>and (\d+) more<\/summary><ul class="actor-links">/.exec(m[1]!);
        const links = m[1]!.match(/<a href="\/actors\/[^"]+\/">/g) ?? [];
        found.push(more && Number(more[1]) === links.length ? 'ok' : `${file}: ${m[1]!.slice(0, 120)}`);
      }
    }
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => f !== 'ok')).toEqual([]);
  });
});

describe('the security policy as built', () => {
  it('is in a <meta> of every HTML page, first in its head, scoped to the page and covered by _headers', () => {
    const header = /Content-Security-Policy: (.*)/.exec(readFileSync(join(first.dist, '_headers'), 'utf8'))![1]!;
    const { 'frame-ancestors': frameAncestors, ...headerRest } = parsePolicy(header);
    expect(frameAncestors).toEqual(["'none'"]);
    // The search page carries the site's stylesheet inline (and links none), allowed by its hash.
    const searchHtml = readFileSync(join(first.dist, 'search/index.html'), 'utf8');
    const inlineStyles = [...searchHtml.matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1]!);
    const css = walk(join(first.dist, '_astro'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(f, 'utf8'));
    expect(inlineStyles.length).toBeGreaterThan(0);
    for (const style of inlineStyles) expect(css).toContain(style);
    expect(searchHtml).not.toContain('<link rel="stylesheet"');
    // The loosest page policy (the search page's) is the header's, minus what only a header can carry.
    expect(headerRest).toEqual(parsePolicy(metaPolicy('search', inlineStyles)));
    const pages = walk(first.dist).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(400);
    const wrong: string[] = [];
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
      // The editor at /admin/ (Decap CMS) has a policy of its own, looser than any reading page's.
      const own: Record<string, PagePolicy> = { 'search/index.html': 'search', 'admin/index.html': 'admin' };
      const kind = own[relative(first.dist, file)] ?? 'reading';
      const expected = metaPolicy(kind, kind === 'search' ? inlineStyles : []);
      const head = /<head>(.*?)<\/head>/s.exec(html)?.[1] ?? '';
      const firstResource = head.search(/<script|<link rel="stylesheet"|<link rel="icon"/);
      if (metas.length !== 1 || metas[0]![1]!.replace(/&#39;/g, "'") !== expected) wrong.push(`${file}: policy`);
      else if (firstResource >= 0 && head.indexOf('http-equiv="Content-Security-Policy"') > firstResource)
        wrong.push(`${file}: the policy comes after a script or stylesheet`);
      if (!html.includes('<meta name="referrer" content="strict-origin-when-cross-origin">'))
        wrong.push(`${file}: referrer`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("in the browser, under the site's Content-Security-Policy", () => {
  let browser: Browser;
  let server: { origin: string; close: () => void };
  const foreign: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveDist(first.dist);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    page.on('request', (req) => {
      if (!req.url().startsWith(server.origin)) foreign.push(req.url());
    });
    page.on('console', (msg) => {
      // The 404 page is served with status 404, as it should be; that is not a problem.
      if (msg.type() === 'error' && !(path === '/no-such-page/' && msg.text().includes('404')))
        problems.push(`${path}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`${path}: ${err.message}`));
    await page.goto(`${server.origin}${path}`);
    return page;
  }

  for (const scheme of ['light', 'dark'] as const) {
    it.each(PAGES)(`%s page has no WCAG 2.2 AA violation (${scheme})`, async (_, path) => {
      const page = await open(path, scheme);
      if (path.startsWith('/search/')) await page.waitForSelector('.search-result');
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      await page.close();
      expect(
        results.violations.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        ),
      ).toEqual([]);
    });
  }

  it.each(PAGES)('%s page reflows at 320 px: no sideways scroll, the header search whole', async (_, path) => {
    const page = await open(path);
    await page.setViewportSize({ width: 320, height: 640 });
    if (path.startsWith('/search/')) await page.waitForSelector('.search-result');
    const layout = await page.evaluate(() => {
      const root = document.documentElement;
      const button = document.querySelector<HTMLElement>('.site-search button')!;
      const input = document.querySelector<HTMLInputElement>('.site-search input')!;
      // The hint fits when the same words typed as a value need no scrolling inside the box.
      input.value = input.placeholder;
      const hint = input.scrollWidth <= input.clientWidth;
      input.value = '';
      return {
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
        button: button.textContent?.trim(),
        buttonWhole:
          button.scrollWidth <= button.clientWidth && button.getBoundingClientRect().right <= root.clientWidth,
        hint,
        placeholder: input.placeholder,
      };
    });
    await page.close();
    expect(layout).toEqual({
      scrollWidth: 320,
      clientWidth: 320,
      button: 'Search',
      buttonWhole: true,
      hint: true,
      placeholder: 'Person, place, date or words',
    });
  });

  it.each([
    ['timeline', '/'],
    ['year', '/dates/2025/'],
    ['actor', '/actors/rustem-umerov/'],
    ['topic', '/topics/ceasefire/'],
  ])('%s page ends with a visible, focusable "Back to top" link that leads to the header', async (_, path) => {
    const page = await open(path);
    const link = page.locator('.back-to-top a');
    await expect(link.textContent()).resolves.toMatch(/Back to top$/);
    await link.focus();
    expect(await link.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/Back to top$/);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#top$/);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.getElementById('top')?.tagName)).toBe('HEADER');
    await page.close();
  });

  it('prints without the search box or "Back to top", and in light colours under a dark system scheme', async () => {
    const page = await open('/dates/2025/', 'dark'); // a page with major cards
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const printed = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        search: style('.site-search').display,
        backToTop: style('.back-to-top').display,
        badge: style('.entry-card.major .badge').color,
        card: style('.entry-card.major').backgroundColor,
        body: style('body').backgroundColor,
      };
    });
    await page.close();
    expect(printed).toEqual({
      search: 'none',
      backToTop: 'none',
      badge: 'rgb(138, 75, 0)', // the light scheme's --major: 6.3:1 on white
      card: 'rgb(255, 255, 255)',
      body: 'rgb(255, 255, 255)',
    });
  });

  it('follows a month of the overview by keyboard alone', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('href'))) === '/dates/2025/05/') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dates\/2025\/05\/$/);
    await page.close();
  });

  it('searches, filters and opens a result by keyboard alone', async () => {
    const page = await open('/');
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === 'site-search-q') break;
    }
    await page.keyboard.type('Witkoff');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.search-result');
    await page.waitForSelector('[data-facets] input');
    // Tab from the query box to the first checkbox of the "Person or institution" facet, tick it with Space.
    await page.focus('#q');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) === 'actor') break;
    }
    await page.keyboard.press('Space');
    await page.waitForURL(/actor=/);
    await page.waitForSelector('.search-result');
    const status = await page.locator('[data-status]').textContent();
    expect(status).toMatch(/^\d+ events? for “Witkoff”\.$/);
    await page.close();
  });

  it('answers "who" with the person first, in any spelling', async () => {
    for (const [q, id] of [
      ['Zelenskiy', 'volodymyr-zelenskyy'],
      ['Зеленський', 'volodymyr-zelenskyy'],
      ['Zelenskyy', 'volodymyr-zelenskyy'],
      ['Witkoff', 'steve-witkoff'],
      ['Віткофф', 'steve-witkoff'],
      ['Medinsky', 'vladimir-medinsky'],
      ['Putin', 'vladimir-putin'],
    ]) {
      const page = await open(`/search/?q=${encodeURIComponent(q!)}`);
      await page.waitForSelector('.search-result');
      const first = page.locator('.best-match, .search-result').first();
      expect(await first.getAttribute('class'), q).toBe('best-match');
      expect(await first.locator('.card-title a').getAttribute('href'), q).toBe(`/actors/${id}/`);
      await page.close();
    }
  });

  it('answers "when" with events only, oldest first, and counts them', async () => {
    const page = await open('/search/?q=May+2025');
    await page.waitForSelector('.search-result');
    const status = await page.locator('[data-status]').textContent();
    expect(status).toMatch(/^\d+ events? in May 2025\.$/);
    expect(await page.locator('.search-result.is-actor').count()).toBe(0);
    const days = await page
      .locator('.search-result time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(days.length).toBe(Number(status!.split(' ')[0]));
    expect(days.every((d) => d.startsWith('2025-05'))).toBe(true);
    expect(days).toEqual([...days].sort());
    await page.close();
  });

  it('shows the first result within the first screen of a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?q=Zelenskiy`);
    await page.waitForSelector('.search-result');
    for (const selector of ['.best-match', '.search-result']) {
      const box = await page.locator(selector).first().boundingBox();
      expect(box!.y, selector).toBeLessThan(844);
    }
    await context.close();
  });

  it('made no request outside the site, and no CSP violation or script error was logged', () => {
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('as GitHub Pages serves it: no headers, the <meta> policy alone', () => {
  let browser: Browser;
  let server: { origin: string; close: () => void };
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveDist(first.dist, '/', { headers: false });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens a page in a fresh context that records every securitypolicyviolation event and console error. */
  async function open(path: string) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !(path === '/no-such-page/' && msg.text().includes('404'))) errors.push(msg.text());
    });
    const response = await page.goto(`${server.origin}${path}`);
    const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    return { page, response, errors, violations };
  }

  it.each(PAGES)('%s page loads with no policy violation', async (_, path) => {
    const { page, response, errors, violations } = await open(path);
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    if (path.startsWith('/search/')) await page.waitForSelector('.search-result');
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses an injected inline script on a reading page, and Pagefind runs on the search page', async () => {
    const reading = await open('/entries/2025-05-16-istanbul-direct-talks/');
    await reading.page.addScriptTag({ content: 'window.injected = true;' }).catch(() => undefined);
    expect(await reading.page.evaluate(() => 'injected' in window)).toBe(false);
    expect(await reading.violations()).toEqual(['script-src-elem inline']);
    await reading.page.context().close();

    const search = await open('/search/?q=Witkoff');
    await search.page.waitForSelector('.search-result');
    expect(await search.page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(await search.violations()).toEqual([]);
    await search.page.context().close();
  });
});
