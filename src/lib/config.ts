/** The shape of src/site.config.ts, checked when the site loads so a typo fails with a clear message. */
import { z } from 'astro/zod';
import { isTimeZone } from './dates';

/** Zod shape of the site configuration; each field is documented in src/site.config.ts. */
export const siteConfigSchema = z.object({
  /** Site name. */
  title: z.string().min(1),
  /** Meta description of the home page. */
  description: z.string().min(1).max(300),
  /** Line under the site name. */
  tagline: z.string().min(1),
  /** Absolute https URL of the site, without the base path. */
  site: z.url({ protocol: /^https?$/ }),
  /** Base path; "/" or "/path/". */
  base: z.string().regex(/^\/([\w.-]+\/)*$/, 'expected "/" or a path such as "/timeline/"'),
  /** IANA time zone used for dates that carry none. */
  timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as "Europe/Kyiv"'),
  /** Language tag of the content. */
  lang: z.string().min(2),
  /** Entries in the home page's "Latest" box. */
  latestCount: z.int().min(0),
  /** Closed set of topics: id → label. */
  topics: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().min(1)),
  /** Preferred order of affiliation groups. */
  affiliationOrder: z.array(z.string()),
  /** The browser editor at /admin/: the GitHub repository it opens pull requests on, and the sign-in proxy. */
  cms: z
    .object({
      /** "owner/name"; default: GITHUB_REPOSITORY of the build (set by GitHub Actions). */
      repo: z
        .string()
        .regex(/^[\w.-]+\/[\w.-]+$/, 'expected "owner/name"')
        .optional(),
      /** The branch pull requests go to; default "main". */
      branch: z.string().min(1).optional(),
      /** The OAuth proxy that signs editors in to GitHub (see .github/CONTRIBUTING.md), https. */
      authUrl: z.url({ protocol: /^https$/ }).optional(),
      /** Its sign-in path, when not "auth". */
      authEndpoint: z.string().min(1).optional(),
      /** For Netlify's OAuth provider (authUrl unset): the Netlify site that signs editors in, e.g. "x.netlify.app". */
      siteDomain: z.string().min(1).optional(),
    })
    .optional(),
});

/** The site configuration, as written in src/site.config.ts. */
export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Validates a site configuration and throws one readable error listing every bad field. */
export function checkSiteConfig(config: unknown, file = 'src/site.config.ts'): SiteConfig {
  const result = siteConfigSchema.safeParse(config);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${file}  ${i.path.join('.') || '(root)'}  ${i.message}`);
  throw new Error(`The site configuration is invalid:\n${lines.join('\n')}`);
}
