/**
 * `npm run new`: writes a new entry (or, with --actor, a new actor record) with every field present
 * and commented. It asks for what it needs, suggesting registry ids as the editor types (Tab
 * completes), or takes everything from flags:
 *   npm run new -- --date 2025-05-16 --title "…" --kind talks --city Istanbul --country Türkiye \
 *     --actors rustem-umerov,vladimir-medinsky --source-outlet Reuters --source-url https://… --yes
 *   npm run new -- --actor --name "Hakan Fidan" --type person --affiliation Türkiye --yes
 * Then it checks the new file and says what, if anything, is still wrong.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { commandLine, fail, report, storyRoot } from './shared';
import site from '../site.config';
import { isCalendarDay } from '../lib/dates';
import { actorTemplate, entryPathFor, entryTemplate, type NewActor, type NewEntry } from '../lib/scaffold';
import { actorFile, idFromPath, listCollection, slugify } from '../lib/content-files';
import { readStory } from '../lib/story-files';
import { ACTOR_TYPES, KINDS } from '../lib/taxonomy';
import { suggest } from '../lib/suggest';

const USAGE = `Usage: npm run new [-- <flags>]              a new entry
       npm run new -- --actor [<flags>]      a new actor

Writes a new entry (or actor) with every field present and commented, then checks the content.
In a terminal it asks for what the flags leave out; with --yes (or without a terminal) the flags
must give everything.

Entry flags:
  --date YYYY-MM-DD  --title "…"  --summary "…"  --kind <kind>
  --venue "…"  --city "…"  --country "…"  --actors id,id  --topics id,id
  --source-outlet "…"  --source-url https://…  --source-title "…"
  --publish          write draft: false (default: a draft)
Actor flags:
  --name "…"  --type person|institution|state  --affiliation "…"  --aliases "a,b"
Both:
  -y, --yes          do not ask; fail on anything missing
  --root <folder>    the folder that holds content/ (default: the current folder)
  -h, --help         show this text`;

const { values: flags } = commandLine({
  usage: USAGE,
  options: {
    actor: { type: 'boolean', default: false },
    yes: { type: 'boolean', short: 'y', default: false },
    root: { type: 'string', default: '.' },
    date: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    kind: { type: 'string' },
    venue: { type: 'string' },
    city: { type: 'string' },
    country: { type: 'string' },
    actors: { type: 'string' },
    topics: { type: 'string' },
    'source-outlet': { type: 'string' },
    'source-url': { type: 'string' },
    'source-title': { type: 'string' },
    publish: { type: 'boolean', default: false },
    name: { type: 'string' },
    type: { type: 'string' },
    affiliation: { type: 'string' },
    aliases: { type: 'string' },
  },
});

const root = storyRoot(flags.root);
const actorIds = listCollection(root, 'actors').files.map(idFromPath);
const topics = Object.keys(site.topics);
const interactive = !flags.yes && process.stdin.isTTY === true;
const rl = interactive
  ? createInterface({
      input: process.stdin,
      output: process.stdout,
      // Tab completes the last actor id being typed.
      completer: (line: string): [string[], string] => {
        const last = line.split(/[,\s]+/).pop() ?? '';
        const hits = actorIds.filter((id) => id.startsWith(last) || id.includes(last));
        return [hits.length ? hits : actorIds, last];
      },
    })
  : undefined;

/** The flag's value, or the editor's answer (asked again until `valid` accepts it). */
async function ask(
  flag: string | undefined,
  question: string,
  valid: (v: string) => string | undefined = () => undefined,
  fallback?: string,
): Promise<string> {
  let value = flag ?? '';
  for (;;) {
    if (!value && rl) value = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
    if (!value && fallback !== undefined) value = fallback;
    const problem = value ? valid(value) : 'missing (give it as a flag: npm run new -- --help lists them)';
    if (!problem) return value;
    if (!rl) fail(`${question}: ${problem}${value ? `; got ${JSON.stringify(value)}` : ''}`);
    console.log(`  ${problem}`);
    value = '';
  }
}

const oneOf = (list: readonly string[]) => (v: string) =>
  list.includes(v)
    ? undefined
    : `expected one of: ${list.join(', ')}${suggest(v, list) ? ` (did you mean "${suggest(v, list)}"?)` : ''}`;

function actorsProblem(v: string): string | undefined {
  const unknown = v
    .split(',')
    .map((s) => s.trim())
    .filter((id) => id && !actorIds.includes(id));
  if (unknown.length === 0) return undefined;
  return unknown
    .map((id) => {
      const near = suggest(id, actorIds) ?? actorIds.find((a) => a.includes(id));
      return `unknown actor id "${id}"${near ? `: did you mean "${near}"?` : ''} (add one with npm run new -- --actor)`;
    })
    .join('; ');
}

function write(path: string, text: string) {
  const file = join(root, path);
  if (existsSync(file)) fail(`${path} already exists; not overwriting it`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`✓ Wrote ${path}`);
}

if (flags.actor) {
  const name = await ask(flags.name, 'Name (canonical English spelling)');
  const id = slugify(name, 8);
  if (actorIds.includes(id)) fail(`${actorFile(id)} already exists`);
  const actor: NewActor = {
    name,
    type: (await ask(flags.type, `Type (${ACTOR_TYPES.join(', ')})`, oneOf(ACTOR_TYPES), 'person')) as NewActor['type'],
    affiliation: await ask(flags.affiliation, 'Affiliation (Ukraine, Russia, United States, Türkiye…)'),
    aliases: (
      flags.aliases ?? (rl ? await rl.question('Other spellings, comma-separated (Latin and Cyrillic) []: ') : '')
    )
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
  write(actorFile(id), actorTemplate(actor));
} else {
  const date = await ask(flags.date, 'Date (YYYY-MM-DD)', (v) =>
    isCalendarDay(v) ? undefined : 'expected a real day written as YYYY-MM-DD',
  );
  const title = await ask(flags.title, 'Title (sentence case)', (v) =>
    v.length >= 3 && v.length <= 140 ? undefined : 'expected 3–140 characters',
  );
  const kind = await ask(flags.kind, `Kind (${KINDS.join(', ')})`, oneOf(KINDS), 'talks');
  const venue = flags.venue ?? (rl ? (await rl.question('Venue (optional): ')).trim() : '');
  const city = flags.city ?? (rl ? (await rl.question('City (optional): ')).trim() : '');
  const country = flags.country ?? (rl ? (await rl.question('Country (optional): ')).trim() : '');
  if (rl) console.log('  Actors: registry ids, comma-separated; Tab completes, e.g. rustem-umerov, vladimir-medinsky');
  const actors = await ask(flags.actors, 'Actors', actorsProblem);
  const topicList = flags.topics ?? '';
  const badTopics = topicList
    .split(',')
    .map((s) => s.trim())
    .filter((t) => t && !topics.includes(t));
  if (badTopics.length) fail(`unknown topic(s) ${badTopics.join(', ')}; expected some of: ${topics.join(', ')}`);
  const sourceOutlet = await ask(flags['source-outlet'], 'First source: outlet (e.g. Reuters)');
  const sourceUrl = await ask(flags['source-url'], 'First source: URL (https://…)', (v) =>
    /^https:\/\/\S+$/.test(v) ? undefined : 'expected an https:// URL',
  );
  const entry: NewEntry = {
    date,
    title,
    kind,
    actors: actors
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    topics: topicList
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sourceOutlet,
    sourceUrl,
    publish: flags.publish ?? false,
    ...(flags.summary ? { summary: flags.summary } : {}),
    ...(venue ? { venue } : {}),
    ...(city ? { city } : {}),
    ...(country ? { country } : {}),
    ...(flags['source-title'] ? { sourceTitle: flags['source-title'] } : {}),
  };
  write(entryPathFor(date, title), entryTemplate(entry, topics));
}
rl?.close();

const problems = readStory(root, topics).problems;
if (problems.length) {
  report(problems);
  fail(`the content now has ${problems.length} problem(s); see above`);
}
console.log('✓ The content checks pass. Edit the new file, then run npm run check.');
