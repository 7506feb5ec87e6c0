/**
 * Loads a built site's Pagefind bundle in Node, to query the real index in tests. Pagefind fetches
 * its files relative to its own URL; Node's fetch cannot read file: URLs, so those are served from
 * disk here (TOOLCHAIN.md: "Querying a Pagefind bundle from Node needs fetch shimmed for file://").
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The part of Pagefind's browser API the tests use. */
export interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (
    q: string | null,
    o?: Record<string, unknown>,
  ) => Promise<{
    results: { id: string; data: () => Promise<{ url: string; meta: Record<string, string>; excerpt: string }> }[];
  }>;
}

let shimmed = false;
function shimFetch() {
  if (shimmed) return;
  shimmed = true;
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (href.startsWith('file:')) {
      const body = await readFile(fileURLToPath(href.split('?')[0]!));
      return new Response(body, { status: 200 });
    }
    return original(input, init);
  }) as typeof fetch;
}

/** Imports the Pagefind bundle of a built site (dist folder) and initialises it. */
export async function loadPagefind(dist: string): Promise<PagefindApi> {
  shimFetch();
  const url = pathToFileURL(join(dist, 'pagefind/pagefind.js')).href;
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
  await pagefind.options({ baseUrl: '/' });
  await pagefind.init();
  return pagefind;
}

/** The URLs of every result of a search, in order. */
export async function searchUrls(
  pagefind: PagefindApi,
  q: string | null,
  options: Record<string, unknown> = {},
): Promise<string[]> {
  const response = await pagefind.search(q, options);
  const data = await Promise.all(response.results.map((r) => r.data()));
  return data.map((d) => d.url);
}
