/** The security policy: one definition, a stricter meta policy per page, and a header that covers them all. */
import { describe, expect, it } from 'vitest';
import {
  HEADER_ONLY,
  hashSource,
  headerPolicy,
  headersFile,
  metaPolicy,
  PAGE_POLICIES,
  parsePolicy,
  serializePolicy,
  SITE_POLICIES,
  unionPolicy,
  withInlineStyles,
  type PagePolicy,
} from '../../src/lib/security';

const pages = Object.keys(PAGE_POLICIES) as PagePolicy[];
/** The policies before the editor at /admin/ was added: the reading pages' must never loosen. */
const READING_BEFORE =
  "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
const SITE_HEADER_BEFORE =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

describe('policies', () => {
  it('round-trips a policy through its text', () => {
    const d = { 'default-src': ["'self'"], 'script-src': ["'self'", "'wasm-unsafe-eval'"] };
    expect(serializePolicy(d)).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    expect(parsePolicy(serializePolicy(d))).toEqual(d);
  });

  it.each<[string, Record<string, string[]>[], Record<string, string[]>]>([
    ['keeps what any allows', [{ a: ["'self'"] }, { a: ["'self'", 'x'] }], { a: ["'self'", 'x'] }],
    ['drops none where another allows', [{ a: ["'none'"] }, { a: ["'self'"] }], { a: ["'self'"] }],
    ['keeps none where nothing is allowed', [{ a: ["'none'"] }, { a: ["'none'"] }], { a: ["'none'"] }],
    ['adds directives of either', [{ a: ['x'] }, { b: ['y'] }], { a: ['x'], b: ['y'] }],
  ])('unites policies: %s', (_, policies, union) => expect(unionPolicy(policies)).toEqual(union));

  it('gives reading pages no script, no fetch, and nothing inline', () => {
    const reading = parsePolicy(metaPolicy('reading'));
    expect(reading['script-src']).toEqual(["'none'"]);
    expect(reading['connect-src']).toEqual(["'none'"]);
    expect(metaPolicy('reading')).not.toMatch(/unsafe-inline|unsafe-eval|wasm/);
  });

  it("allows the search page its own scripts and Pagefind's WebAssembly, never inline code", () => {
    const search = parsePolicy(metaPolicy('search'));
    expect(search['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(metaPolicy('search')).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  });

  it('allows an inline stylesheet by the SHA-256 of its exact text, in style-src only', () => {
    // The hash of the empty text, as CSP Level 3 writes it.
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(hashSource('é')).not.toBe(hashSource('e'));
    const search = parsePolicy(metaPolicy('search', ['a{}', 'b{}']));
    expect(search['style-src']).toEqual(["'self'", hashSource('a{}'), hashSource('b{}')]);
    expect({ ...search, 'style-src': ["'self'"] }).toEqual(parsePolicy(metaPolicy('search')));
    expect(withInlineStyles(PAGE_POLICIES.reading, [])).toBe(PAGE_POLICIES.reading);
    expect(metaPolicy('search', ['a{}'])).not.toMatch(/unsafe-inline/);
  });

  it("puts the search page's inline stylesheet in the site header, never in the editor's", () => {
    expect(parsePolicy(headerPolicy('site', ['a{}']))['style-src']).toEqual(["'self'", hashSource('a{}')]);
    expect(headerPolicy('admin', ['a{}'])).toBe(headerPolicy('admin'));
    expect(headersFile('/admin/', ['a{}'])).toContain(`style-src 'self' ${hashSource('a{}')};`);
  });

  it('keeps header-only directives out of every meta policy', () => {
    for (const page of pages) {
      for (const name of Object.keys(HEADER_ONLY)) expect(parsePolicy(metaPolicy(page))).not.toHaveProperty(name);
    }
  });

  it('sends a header that is each reading page policy at its loosest plus frame-ancestors, so the meta policies decide', () => {
    const header = parsePolicy(headerPolicy());
    expect(header['frame-ancestors']).toEqual(["'none'"]);
    for (const page of SITE_POLICIES) {
      for (const [name, sources] of Object.entries(parsePolicy(metaPolicy(page)))) {
        const allowed = header[name] ?? [];
        // A page's sources are the header's, or stricter ('none').
        expect(
          sources.every((s) => allowed.includes(s) || s === "'none'"),
          `${page} ${name}`,
        ).toBe(true);
      }
    }
    const { 'frame-ancestors': _, ...rest } = header;
    expect(rest).toEqual(parsePolicy(metaPolicy('search')));
  });

  it('loosens neither a reading page nor the site header for the editor at /admin/', () => {
    expect(metaPolicy('reading')).toBe(READING_BEFORE);
    expect(headerPolicy()).toBe(SITE_HEADER_BEFORE);
    expect(headerPolicy('site')).not.toMatch(/unsafe-inline|'unsafe-eval'|github|localhost/);
    expect(SITE_POLICIES).not.toContain('admin');
  });

  it('gives the editor its own policy: scripts from the site only, GitHub once signed in, the local proxy on loopback', () => {
    const admin = parsePolicy(metaPolicy('admin'));
    expect(admin['script-src']).toEqual(["'self'", "'unsafe-eval'"]);
    expect(admin['connect-src']).toEqual([
      "'self'",
      'https://api.github.com',
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
    expect(admin['object-src']).toEqual(["'none'"]);
    expect(parsePolicy(headerPolicy('admin'))).toEqual({ ...admin, 'frame-ancestors': ["'none'"] });
  });

  it('writes an /admin/* rule under the base path that replaces the site policy (Cloudflare: "!" detaches it)', () => {
    const text = headersFile('/timeline/admin/');
    expect(text).toContain(
      `/timeline/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: ${headerPolicy('admin')}\n`,
    );
    expect(text.indexOf('/*\n')).toBeLessThan(text.indexOf('/timeline/admin/*'));
  });

  it('writes _headers with that policy and the other headers for every path', () => {
    const text = headersFile();
    expect(text).toContain(`/*\n  Content-Security-Policy: ${headerPolicy()}\n`);
    for (const h of [
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy: ',
      'Permissions-Policy: ',
      'X-Frame-Options: DENY',
    ])
      expect(text).toContain(`  ${h}`);
  });
});
