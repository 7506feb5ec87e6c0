/**
 * What the build does to the search page once Astro and Pagefind have written it: the preload links
 * for Pagefind's first files (their names exist only once Pagefind has written them), and the site's
 * stylesheet carried inline, allowed by its hash in the page's policy. Inline, the stylesheet is in the
 * page's first response, so the first frame waits for no second request (10–25 ms sooner to the first
 * result in alternated cold runs of the search bench; readers who have the stylesheet cached from
 * another page load about 4 kB more). Pure: the build's integration reads and writes the files.
 */

/**
 * The search page's preload links for what Pagefind's first search fetches after its script: the entry
 * file (its URL tagged with the index hash, which the page passes to Pagefind as metaCacheTag), the
 * index metadata and the WebAssembly.
 */
export function preloadLinks(entryJson: string, language: string, dir: string): string {
  const entry = JSON.parse(entryJson) as { languages: Record<string, { hash: string; wasm?: string }> };
  const index = entry.languages[language] ?? Object.values(entry.languages)[0];
  if (!index) return '';
  const link = (href: string, extra = '') =>
    `<link rel="preload" href="${dir}${href}" as="fetch" crossorigin="anonymous"${extra}>`;
  return [
    link(`pagefind-entry.json?ts=${index.hash}`, ` data-pagefind-tag="${index.hash}"`),
    link(`pagefind.${index.hash}.pf_meta`),
    link(`wasm.${index.wasm ?? 'unknown'}.pagefind`),
  ].join('');
}

/** A stylesheet link as Astro writes it. */
const STYLESHEET = /<link rel="stylesheet" href="([^"]+)">/g;

/**
 * The page with each stylesheet link replaced by a <style> holding that file's text (`read` gives it
 * from the link's href), and those texts in order, for the page's policy (see metaPolicy).
 */
export function inlineStylesheets(html: string, read: (href: string) => string): { html: string; styles: string[] } {
  const styles: string[] = [];
  const out = html.replace(STYLESHEET, (_, href: string) => {
    const css = read(href);
    if (/<\/style/i.test(css)) throw new Error(`${href} holds "</style", which would end an inline stylesheet`);
    styles.push(css);
    return `<style>${css}</style>`;
  });
  return { html: out, styles };
}

/** The page with its Content-Security-Policy <meta> set to `policy` (its & and " escaped; Astro leaves ' as it is). */
export function withMetaPolicy(html: string, policy: string): string {
  const meta = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
  if (!meta.test(html)) throw new Error('the page has no Content-Security-Policy <meta> to set');
  const escaped = policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return html.replace(meta, () => `<meta http-equiv="Content-Security-Policy" content="${escaped}">`);
}
