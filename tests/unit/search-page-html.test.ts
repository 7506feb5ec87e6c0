/** The build's last touches to the search page: Pagefind's preload links, the stylesheet inline, its policy. */
import { describe, expect, it } from 'vitest';
import { inlineStylesheets, preloadLinks, withMetaPolicy } from '../../src/lib/search-page-html';
import { hashSource, metaPolicy, parsePolicy } from '../../src/lib/security';

const page = (head: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${metaPolicy('search')}">${head}</head><body></body></html>`;

describe('preloadLinks', () => {
  const entry = JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_abc', wasm: 'en', page_count: 3 } } });
  it("preloads the entry file (tagged with the index hash), the metadata and the WebAssembly, under the page's folder", () => {
    expect(preloadLinks(entry, 'en', '/timeline/pagefind/')).toBe(
      '<link rel="preload" href="/timeline/pagefind/pagefind-entry.json?ts=en_abc" as="fetch" crossorigin="anonymous" data-pagefind-tag="en_abc">' +
        '<link rel="preload" href="/timeline/pagefind/pagefind.en_abc.pf_meta" as="fetch" crossorigin="anonymous">' +
        '<link rel="preload" href="/timeline/pagefind/wasm.en.pagefind" as="fetch" crossorigin="anonymous">',
    );
  });
  it('takes the only language when the asked one is missing, and nothing when there is none', () => {
    expect(preloadLinks(entry, 'uk', '/pagefind/')).toContain('pagefind.en_abc.pf_meta');
    expect(preloadLinks(JSON.stringify({ languages: {} }), 'en', '/pagefind/')).toBe('');
  });
});

describe('inlineStylesheets', () => {
  const files: Record<string, string> = { '/_astro/a.css': 'body{color:red}', '/_astro/b.css': 'p{margin:0}' };
  it('puts each linked stylesheet in a <style> where its link was, in order, and returns their texts', () => {
    const { html, styles } = inlineStylesheets(
      page(
        '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/x.js"></script><link rel="stylesheet" href="/_astro/b.css">',
      ),
      (href) => files[href]!,
    );
    expect(styles).toEqual(['body{color:red}', 'p{margin:0}']);
    expect(html).toContain(
      '<style>body{color:red}</style><script type="module" src="/x.js"></script><style>p{margin:0}</style>',
    );
    expect(html).not.toContain('rel="stylesheet"');
  });
  it('leaves a page without stylesheet links as it is', () => {
    expect(inlineStylesheets(page(''), () => 'x')).toEqual({ html: page(''), styles: [] });
  });
  it('refuses a stylesheet that would end its <style> early', () => {
    expect(() =>
      inlineStylesheets(page('<link rel="stylesheet" href="/s.css">'), () => 'a::after{content:"</style>"}'),
    ).toThrow('/s.css holds "</style"');
  });
});

describe('withMetaPolicy', () => {
  it("sets the page's policy, allowing its inline stylesheet by hash", () => {
    const policy = metaPolicy('search', ['body{color:red}']);
    const html = withMetaPolicy(page(''), policy);
    const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    expect(parsePolicy(content)['style-src']).toEqual(["'self'", hashSource('body{color:red}')]);
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
  });
  it('escapes what would end the attribute, and fails on a page without a policy', () => {
    expect(withMetaPolicy(page(''), `a "b" & c`)).toContain('content="a &quot;b&quot; &amp; c"');
    expect(() => withMetaPolicy('<html><head></head></html>', 'x')).toThrow('no Content-Security-Policy');
  });
});
