/**
 * Writes a synthetic story of N entries and 200 actors (realistic frontmatter, 200–400 words of
 * body each) into a folder, for the benchmark. Deterministic: the same N gives the same story.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS =
  'talks delegation ceasefire exchange prisoners minister president envoy proposal agreement statement capital border city region summit round meeting security guarantees sanctions energy grain port corridor humanitarian memorandum negotiators framework draft plan withdrawal territory troops monitoring mission observers reconstruction investment fund parliament council spokesman foreign defence intelligence advisers mediator host venue palace hotel video call phone week month year spring autumn winter summer morning evening said told added according officials sources reported confirmed denied rejected welcomed proposed agreed discussed'.split(
    ' ',
  );
const PLACES = [
  ['Istanbul', 'Türkiye'],
  ['Geneva', 'Switzerland'],
  ['Riyadh', 'Saudi Arabia'],
  ['Abu Dhabi', 'United Arab Emirates'],
  ['Kyiv', 'Ukraine'],
  ['Moscow', 'Russia'],
  ['Washington', 'United States'],
  ['Paris', 'France'],
] as const;
const KINDS = ['talks', 'meeting', 'call', 'summit', 'agreement', 'exchange', 'proposal', 'statement'];
const TOPICS = ['ceasefire', 'prisoners', 'territory', 'security-guarantees', 'energy', 'sanctions'];
const AFFILIATIONS = ['Ukraine', 'Russia', 'United States', 'Türkiye', 'European Union', 'United Nations'];

/** A small seeded random generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes the story (content/ and site.config.ts) into `dir` and returns it. */
export function writeStory(dir: string, entries: number, actors = 200): string {
  rmSync(dir, { recursive: true, force: true });
  const rnd = random(entries);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => pick(WORDS));
    return `${w[0]![0]!.toUpperCase()}${w.join(' ').slice(1)}.`;
  };
  mkdirSync(join(dir, 'content/actors'), { recursive: true });
  mkdirSync(join(dir, 'content/pages'), { recursive: true });
  const actorIds: string[] = [];
  for (let i = 0; i < actors; i++) {
    const id = `actor-${String(i).padStart(3, '0')}`;
    actorIds.push(id);
    writeFileSync(
      join(dir, 'content/actors', `${id}.md`),
      `---\nname: Actor Number ${i}\naliases: [Aktor ${i}, Актор ${i}]\ntype: person\naffiliation: ${pick(AFFILIATIONS)}\nroles:\n  - title: Envoy\n    from: 2020\n---\n\n${sentence(14)} ${sentence(12)}\n`,
    );
  }
  // Entries are spread over years from 2000, about 200 a year, so the story has many years and months.
  const startYear = 2000;
  const years = Math.max(1, Math.ceil(entries / 200));
  const phases: string[] = [];
  for (let y = 0; y < years; y++) {
    const year = startYear + y;
    phases.push(
      `- id: phase-${year}\n  title: The year ${year}\n  start: ${year}-01-01\n${y < years - 1 ? `  end: ${year}-12-31\n` : ''}  intro: ${sentence(20)}`,
    );
  }
  writeFileSync(join(dir, 'content/phases.yaml'), `${phases.join('\n')}\n`);
  for (let i = 0; i < entries; i++) {
    const year = startYear + Math.floor((i / entries) * years);
    const dayOfYear = Math.floor(rnd() * 360);
    const date = new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
    const id = `${date}-event-${i}`;
    const [city, country] = pick(PLACES);
    const who = [...new Set([pick(actorIds), pick(actorIds), pick(actorIds)])];
    const words = 200 + Math.floor(rnd() * 200);
    // The text names everyone tagged, as the content check requires.
    const paragraphs: string[] = [
      `${who.map((a) => `Actor Number ${Number(a.slice('actor-'.length))}`).join(', ')} took part. ${sentence(10)}`,
    ];
    let written = 0;
    while (written < words) {
      const n = 40 + Math.floor(rnd() * 40);
      paragraphs.push(Array.from({ length: Math.ceil(n / 12) }, () => sentence(12)).join(' '));
      written += n;
    }
    mkdirSync(join(dir, 'content/entries', String(year)), { recursive: true });
    writeFileSync(
      join(dir, 'content/entries', String(year), `${id}.mdx`),
      [
        '---',
        `title: Event number ${i} in ${city}`,
        `summary: ${sentence(18)}`,
        `date: ${date}`,
        `place: { city: ${city}, country: ${country} }`,
        `actors: [${who.join(', ')}]`,
        `kind: ${pick(KINDS)}`,
        `topics: [${pick(TOPICS)}]`,
        `importance: ${rnd() < 0.2 ? 'major' : 'minor'}`,
        'sources:',
        `  - outlet: Wire ${i % 7}`,
        `    title: ${sentence(8).replace(/\.$/, '')}`,
        `    url: https://news.example.org/${id}`,
        `    published: ${date}`,
        '---',
        '',
        paragraphs.join('\n\n'),
        '',
      ].join('\n'),
    );
  }
  writeFileSync(
    join(dir, 'content/pages/about.md'),
    `---\ntitle: About the benchmark\ndescription: A synthetic story for measuring the generator.\n---\n\n${sentence(30)}\n`,
  );
  writeFileSync(
    join(dir, 'site.config.ts'),
    `import type { SiteConfig } from './lib/config';\nconst config: SiteConfig = {\n  title: 'Benchmark story',\n  description: 'A synthetic story of ${entries} entries.',\n  tagline: 'Synthetic.',\n  site: 'https://bench.example.org',\n  base: '/',\n  timeZone: 'UTC',\n  lang: 'en',\n  latestCount: 5,\n  topics: { ${TOPICS.map((t) => `'${t}': '${t}'`).join(', ')} },\n  affiliationOrder: [],\n};\nexport default config;\n`,
  );
  return dir;
}
