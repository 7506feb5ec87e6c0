/**
 * Writes the browser editor into dist/admin/ after the build (called by the post-build integration):
 * Decap CMS's script and chunks copied from its npm package (never a CDN), config.yml generated from
 * the content model (src/lib/cms-config.ts), and an index.html with its own security policy and
 * noindex. It is no Astro page, so it is in neither the sitemap nor the search index.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { adminPage, cmsConfigYaml, CMS_SCRIPT } from '../lib/cms-config';
import type { SiteConfig } from '../lib/config';
import { PATHS, withBase } from '../lib/paths';
import { metaPolicy, REFERRER_POLICY } from '../lib/security';

/** What the editor needs from the site configuration and the build. */
export interface CmsBuildOptions {
  site: Pick<SiteConfig, 'title' | 'lang' | 'topics' | 'cms'>;
  /** The project's root (where src/lib/schema.ts is). */
  root: string;
  /** The build's base path and absolute site URL. */
  base: string;
  siteUrl: string;
}

/** The files of the decap-cms package that the editor loads: its script, chunks, WebAssembly, licence. */
function cmsFiles(): { dir: string; files: string[] } {
  const dir = dirname(createRequire(import.meta.url).resolve(`decap-cms/dist/${CMS_SCRIPT}`));
  const files = readdirSync(dir)
    .filter(
      (f) =>
        f === CMS_SCRIPT || f === `${CMS_SCRIPT}.LICENSE.txt` || f.endsWith(`.${CMS_SCRIPT}`) || f.endsWith('.wasm'),
    )
    .sort();
  return { dir, files };
}

/** Writes dist/admin/ (dist given as a file path); returns the repository the editor commits to. */
export function writeAdmin(dist: string, o: CmsBuildOptions): { repo: string; files: number } {
  const out = join(dist, PATHS.admin);
  mkdirSync(out, { recursive: true });
  const { dir, files } = cmsFiles();
  for (const f of files) copyFileSync(join(dir, f), join(out, f));
  const repo = o.site.cms?.repo ?? process.env.GITHUB_REPOSITORY ?? 'owner/repository';
  const cms = o.site.cms ?? {};
  writeFileSync(
    join(out, 'config.yml'),
    cmsConfigYaml({
      repo,
      branch: cms.branch ?? 'main',
      ...(cms.authUrl ? { authUrl: cms.authUrl } : {}),
      ...(cms.authEndpoint ? { authEndpoint: cms.authEndpoint } : {}),
      ...(cms.siteDomain ? { siteDomain: cms.siteDomain } : {}),
      siteUrl: new URL(o.base, o.siteUrl).href,
      topics: o.site.topics,
      timeZones: [...Intl.supportedValuesOf('timeZone'), 'UTC'].filter((z, i, all) => all.indexOf(z) === i),
      schemaSource: readFileSync(join(o.root, 'src/lib/schema.ts'), 'utf8'),
    }),
  );
  writeFileSync(
    join(out, 'index.html'),
    adminPage({
      title: o.site.title,
      lang: o.site.lang,
      policy: metaPolicy('admin'),
      referrer: REFERRER_POLICY,
      favicon: withBase(o.base, PATHS.favicon),
    }),
  );
  return { repo, files: files.length + 2 };
}
