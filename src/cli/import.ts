/**
 * `npm run import -- <file>`: turns a TimelineJS3 JSON file, or the CSV export of its Google Sheet,
 * into draft entries under content/entries/. With --group-actors, each TimelineJS group becomes an
 * actor stub and the events of the group name it. Then it lists what editors must still fill in.
 *   npm run import -- timeline.json
 *   npm run import -- sheet.csv --group-actors
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import site from '../site.config';
import { actorTemplate } from '../lib/scaffold';
import { actorFile, entryFile, idFromPath, listCollection, slugify } from '../lib/content-files';
import { fromTimelineCsv, fromTimelineJson, importedEntryFile, importedId } from '../lib/timelinejs-import';
import { readStory } from '../lib/story-files';
import { formatProblem } from '../lib/validate';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: 'string', default: '.' }, 'group-actors': { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run import -- <timeline.json | sheet.csv> [--group-actors] [--root <folder>]');
  process.exit(1);
}
const root = resolve(flags.root!);
const text = readFileSync(resolve(file), 'utf8');
const events = file.toLowerCase().endsWith('.csv') ? fromTimelineCsv(text) : fromTimelineJson(JSON.parse(text));
if (events.length === 0) {
  console.error(`✗ No event with a year was found in ${file}`);
  process.exit(1);
}

const existing = new Set(listCollection(root, 'entries').files.map(idFromPath));
const actorIds = new Map<string, string>();
if (flags['group-actors']) {
  for (const group of new Set(events.flatMap((e) => (e.group ? [e.group] : [])))) {
    const id = slugify(group, 8);
    actorIds.set(group, id);
    const path = join(root, actorFile(id));
    if (!existsSync(path)) {
      writeFileSync(path, actorTemplate({ name: group, type: 'institution', affiliation: 'To be set' }));
      console.log(`✓ Wrote ${actorFile(id)} (stub: set type, affiliation and bio)`);
    }
  }
}
for (const e of events) {
  const id = importedId(e, existing);
  const path = join(root, entryFile(id));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, importedEntryFile(e, e.group ? actorIds.get(e.group) : undefined));
}
console.log(`✓ Imported ${events.length} events as drafts under content/entries/.`);

const problems = readStory(root, Object.keys(site.topics)).problems;
if (problems.length) {
  console.log(`\nStill to fill in before they pass npm run check (${problems.length}):`);
  for (const p of problems) console.log(`  ${formatProblem(p)}`);
}
