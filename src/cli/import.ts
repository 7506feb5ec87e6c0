/**
 * `npm run import -- <file>`: turns a TimelineJS3 JSON file, or the CSV export of its Google Sheet,
 * into draft entries under content/entries/. With --group-actors, each TimelineJS group becomes an
 * actor stub and the events of the group name it. Then it lists what editors must still fill in.
 *   npm run import -- timeline.json
 *   npm run import -- sheet.csv --group-actors
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { commandLine, report, storyRoot } from './shared';
import site from '../site.config';
import { actorTemplate } from '../lib/scaffold';
import { actorFile, entryFile, idFromPath, listCollection, slugify } from '../lib/content-files';
import { importedEntryFile, importedId, readTimeline } from '../lib/timelinejs-import';
import { readStory } from '../lib/story-files';
import { ERRORS, formatProblem } from '../lib/validate';

const USAGE = `Usage: npm run import -- <timeline.json | sheet.csv> [--group-actors] [--root <folder>]

Writes one draft entry per event of a TimelineJS3 JSON file, or of the CSV export of its Google
Sheet, under <folder>/content/entries/, then lists what editors must still fill in.

Options:
  --group-actors    make each TimelineJS group an actor stub, named by the events of the group
  --root <folder>   the folder that holds content/ (default: the current folder)
  -h, --help        show this text`;

const { values: flags, positionals } = commandLine({
  usage: USAGE,
  positionals: 1,
  options: { root: { type: 'string', default: '.' }, 'group-actors': { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file) {
  console.error(`✗ which file? Give a TimelineJS3 JSON file or a sheet's CSV export\n\n${USAGE}`);
  process.exit(2);
}
const root = storyRoot(flags.root);
let bytes: Uint8Array;
try {
  bytes = readFileSync(resolve(file));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  report([
    {
      file,
      field: '(file)',
      message: code === 'EISDIR' ? 'this is a folder, not a file' : ERRORS.unreadableFile(code),
    },
  ]);
  process.exit(1);
}
const timeline = readTimeline(file, bytes);
if ('problems' in timeline) {
  report(timeline.problems);
  process.exit(1);
}
const { events } = timeline;

const existing = new Set(listCollection(root, 'entries').files.map(idFromPath));
const actorIds = new Map<string, string>();
if (flags['group-actors']) {
  for (const group of new Set(events.flatMap((e) => (e.group ? [e.group] : [])))) {
    const id = slugify(group, 8);
    actorIds.set(group, id);
    const path = join(root, actorFile(id));
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
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
