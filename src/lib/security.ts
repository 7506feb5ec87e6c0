/**
 * The site's security policy, defined once. Every HTML page carries its Content-Security-Policy in a
 * <meta> element (the only way a policy reaches readers on hosts that send no headers of our choosing,
 * such as GitHub Pages), scoped to what that page needs; `_headers` (Netlify, Cloudflare Pages) sends
 * the loosest page policy plus what only a header can carry (frame-ancestors) and the other headers.
 * Both are written from here, so they cannot drift. Pure.
 */
import { createHash } from 'node:crypto';

/** A policy: directive → sources. */
export type Directives = Readonly<Record<string, readonly string[]>>;

/** What a page runs, which decides its policy. */
export type PagePolicy = 'reading' | 'search' | 'admin';

/** The pages readers read: every page but the editor at /admin/. */
export const SITE_POLICIES: readonly PagePolicy[] = ['reading', 'search'];

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

/**
 * The editor at /admin/ (Decap CMS, src/lib/cms-config.ts) is an application, not a reading page, and
 * needs what no reading page may have: inline styles (its CSS-in-JS), eval (it compiles its config's
 * JSON Schema with ajv), GitHub's API and avatars once an editor signs in, blob: and data: images for
 * media, and, on an editor's own machine only, the local proxy (`npx decap-server`, on any port of
 * localhost). It loads its script from the site, never from a CDN.
 */
const ADMIN: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https://avatars.githubusercontent.com', 'https://raw.githubusercontent.com'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'https://api.github.com', 'http://localhost:*', 'http://127.0.0.1:*'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The policy of each kind of page. The search page loads its script and Pagefind's, which compiles WebAssembly and fetches its index. */
export const PAGE_POLICIES: Readonly<Record<PagePolicy, Directives>> = {
  reading: READING,
  search: { ...READING, 'script-src': ["'self'", "'wasm-unsafe-eval'"], 'connect-src': ["'self'"] },
  admin: ADMIN,
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

/** The source that allows an inline <style> (or <script>) of exactly this text: 'sha256-…'. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** A policy that also allows these inline stylesheets, each by the hash of its text (never 'unsafe-inline'). */
export function withInlineStyles(policy: Directives, styles: readonly string[]): Directives {
  if (styles.length === 0) return policy;
  return { ...policy, 'style-src': [...(policy['style-src'] ?? []), ...styles.map(hashSource)] };
}

/**
 * The value of a page's <meta http-equiv="Content-Security-Policy">; `inlineStyles` are the texts of the
 * page's inline stylesheets (the search page carries the site's stylesheet inline, see
 * src/lib/search-page-html.ts).
 */
export function metaPolicy(page: PagePolicy, inlineStyles: readonly string[] = []): string {
  return serializePolicy(withInlineStyles(PAGE_POLICIES[page], inlineStyles));
}

/**
 * The Content-Security-Policy header: for the site, the loosest reading-page policy (the admin
 * policy never loosens it); for /admin/, the admin policy. Both with the header-only directives.
 */
export function headerPolicy(pages: 'site' | 'admin' = 'site', inlineStyles: readonly string[] = []): string {
  const policies = pages === 'site' ? SITE_POLICIES.map((p) => PAGE_POLICIES[p]) : [PAGE_POLICIES.admin];
  const union = unionPolicy(policies);
  return serializePolicy({ ...(pages === 'site' ? withInlineStyles(union, inlineStyles) : union), ...HEADER_ONLY });
}

/**
 * The text of dist/_headers (the Netlify and Cloudflare Pages format); `admin` is the editor's path
 * with the base path ("/admin/"), `inlineStyles` the search page's inline stylesheets (allowed by hash). A request matches every rule whose pattern it fits: for /admin/,
 * Cloudflare Pages would join both policies (and so enforce both), hence the `! Content-Security-Policy`
 * line, its syntax for dropping a header of a broader rule; Netlify ignores that line (it has no
 * colon) and lets the later rule's header replace the earlier one.
 */
export function headersFile(admin = '/admin/', inlineStyles: readonly string[] = []): string {
  const headers = { 'Content-Security-Policy': headerPolicy('site', inlineStyles), ...OTHER_HEADERS };
  return [
    '# Written by the build from src/lib/security.ts. Every HTML page also carries its own, stricter',
    '# Content-Security-Policy in a <meta> element; browsers enforce both.',
    '/*',
    ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
    '# The editor (Decap CMS) needs a looser policy than any reading page; it replaces the one above.',
    `${admin}*`,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${headerPolicy('admin')}`,
    '',
  ].join('\n');
}
