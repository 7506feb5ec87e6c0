/**
 * `npm run check`: validates all content in a few seconds, without a build. Prints each problem as
 * `path:line:column  field  message`; under GitHub Actions also as ::error annotations on the diff.
 * Exit code 1 when anything is wrong. The build runs the same checks, so nothing bypasses them.
 */
import { commandLine, report, storyRoot } from './shared';
import site from '../site.config';
import { checkSiteConfig } from '../lib/config';
import { today } from '../lib/dates';
import { readStory } from '../lib/story-files';
import { isError, sortProblems, type Problem } from '../lib/validate';
import { plural } from '../lib/labels';

const USAGE = `Usage: npm run check [-- <folder>]

Checks every entry, actor, phase and page under <folder>/content (default: the current folder)
without a build, and prints each problem as "path:line:column  field  message".
Exit code 0 when the content is valid (warnings allowed), 1 when anything is wrong, 2 on a bad option.

Options:
  -h, --help   show this text`;

const { positionals } = commandLine({ usage: USAGE, options: {}, positionals: 1 });
const root = storyRoot(positionals[0]);
const started = performance.now();
const problems: Problem[] = [];
try {
  checkSiteConfig(site);
} catch (error) {
  problems.push({ file: 'src/site.config.ts', field: 'config', message: (error as Error).message });
}
const story = readStory(root, Object.keys(site.topics), true, today(site.timeZone));
problems.push(...story.problems);

const ms = Math.round(performance.now() - started);
const counts = `${story.entries.length} entries, ${story.actors.length} actors and ${story.phases.length} phases in ${ms} ms`;
const errors = problems.filter(isError);
const warnings = problems.filter((p) => !isError(p));
report(sortProblems(problems));
const warned = warnings.length ? ` with ${plural(warnings.length, 'warning')}` : '';
if (errors.length === 0) {
  console.log(`✓ Content is valid${warned}: ${counts}.`);
} else {
  console.error(`\n✗ ${plural(errors.length, 'problem')}${warned} (checked ${counts}).`);
  process.exitCode = 1;
}
