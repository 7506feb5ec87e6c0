/**
 * The site's security policy, defined once. Every HTML page carries its Content-Security-Policy in a
 * <meta> element (the only way a policy reaches readers on hosts that send no headers of our choosing,
 * such as GitHub Pages), scoped to what that page needs; `_headers` (Netlify, Cloudflare Pages) sends
 * the loosest page policy plus what only a header can carry (frame-ancestors) and the other headers.
 * Both are written from here, so they cannot drift. Pure.
 */

/** A policy: directive → sources. */
export type Directives = Readonly<Record<string, readonly string[]>>;

/** What a page runs, which decides its policy. */
export type PagePolicy = 'reading' | 'search';

/** Reading pages run no script and fetch nothing: styles, images and fonts come from the site only. */
const READING: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The policy of each kind of page. The search page loads its script and Pagefind's, which compiles WebAssembly and fetches its index. */
export const PAGE_POLICIES: Readonly<Record<PagePolicy, Directives>> = {
  reading: READING,
  search: { ...READING, 'script-src': ["'self'", "'wasm-unsafe-eval'"], 'connect-src': ["'self'"] },
};

/** Directives a <meta> policy cannot carry (browsers ignore them there): sent only as a header. */
export const HEADER_ONLY: Directives = { 'frame-ancestors': ["'none'"] };

/** The Referrer-Policy, as a header and as <meta name="referrer">. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** The other response headers, for hosts that honour _headers. */
const OTHER_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': REFERRER_POLICY,
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
};

/** A policy as a header or meta value: "default-src 'self'; script-src 'none'". */
export function serializePolicy(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Reads a policy back into directives (for tests and tools). */
export function parsePolicy(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}

/** Every source any of the policies allows, per directive ('none' only where no policy allows anything). */
export function unionPolicy(policies: readonly Directives[]): Directives {
  const out: Record<string, string[]> = {};
  for (const policy of policies) {
    for (const [name, sources] of Object.entries(policy)) {
      const merged = new Set([...(out[name] ?? []), ...sources]);
      if (merged.size > 1) merged.delete("'none'");
      out[name] = [...merged];
    }
  }
  return out;
}

/** The value of a page's <meta http-equiv="Content-Security-Policy">. */
export function metaPolicy(page: PagePolicy): string {
  return serializePolicy(PAGE_POLICIES[page]);
}

/** The Content-Security-Policy header for every path: the loosest page policy, plus the header-only directives. */
export function headerPolicy(): string {
  return serializePolicy({ ...unionPolicy(Object.values(PAGE_POLICIES)), ...HEADER_ONLY });
}

/** The text of dist/_headers (the Netlify and Cloudflare Pages format). */
export function headersFile(): string {
  const headers = { 'Content-Security-Policy': headerPolicy(), ...OTHER_HEADERS };
  return [
    '# Written by the build from src/lib/security.ts. Every HTML page also carries its own, stricter',
    '# Content-Security-Policy in a <meta> element; browsers enforce both.',
    '/*',
    ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
    '',
  ].join('\n');
}
