/**
 * The one typed configuration of this site. A newsroom that reuses the generator for another
 * story replaces this file and the content/ folder, and nothing else.
 */
import type { SiteConfig } from './lib/config';

const config: SiteConfig = {
  /** Site name, shown in the header, the page titles and the feeds. */
  title: 'Peace Talks Timeline',
  /** One sentence that says what the story is about; the home page's meta description. */
  description:
    'A sourced timeline of the Russia–Ukraine peace talks, from the first rounds in Belarus in 2022 to the latest negotiations.',
  /** The short line under the site name in the header. */
  tagline: 'The Russia–Ukraine peace talks, event by event, with sources.',
  /** Absolute URL of the deployed site, without the base path. Used for canonical URLs. */
  site: 'https://peace-talks-timeline.example.org',
  /** Base path the site is served under ("/" at the root). `astro build --base /x/` overrides it. */
  base: '/',
  /** IANA time zone in which dates without a zone of their own are read and "today" is taken. */
  timeZone: 'Europe/Kyiv',
  /** BCP 47 language of the content; sets <html lang>. */
  lang: 'en',
  /** How many of the newest entries the home page lists under "Latest events". */
  latestCount: 10,
  /** The closed set of topics an entry may carry: id → label. */
  topics: {
    ceasefire: 'Ceasefire',
    prisoners: 'Prisoners and exchanges',
    territory: 'Territory',
    'security-guarantees': 'Security guarantees',
    nato: 'NATO',
    'black-sea': 'Black Sea and grain',
    energy: 'Energy',
    sanctions: 'Sanctions',
    minerals: 'Minerals',
    humanitarian: 'Humanitarian',
    children: 'Children',
    nuclear: 'Nuclear safety',
    elections: 'Elections',
    'peace-plan': 'Peace plans',
    'frozen-assets': 'Frozen assets',
  },
  /** Order of the affiliation groups on the actors page; groups not listed follow by size. */
  affiliationOrder: ['Ukraine', 'Russia', 'United States', 'Türkiye', 'European Union'],
  /**
   * The browser editor at /admin/ (.github/CONTRIBUTING.md, "Editing in the browser"): `repo`
   * ("owner/name"; default: the repository GitHub Actions builds), `branch` (default "main"), and
   * `authUrl`, the OAuth proxy that signs editors in with GitHub (required for sign-in on GitHub Pages),
   * with `authEndpoint` when its path is not "auth", or `siteDomain` for Netlify's own OAuth provider.
   */
  cms: {},
};

export default config;
