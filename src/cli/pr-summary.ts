/**
 * `npm run pr-summary -- --base <commit> [--head <commit>] [--check <file>]`: the job summary of a pull
 * request (src/lib/pr-summary.ts) in Markdown on stdout: the entries and actors that changed between
 * the two commits (git diff --name-status), then the output of `npm run check` saved in <file>.
 * CI appends it to $GITHUB_STEP_SUMMARY; it needs no token, so it works for pull requests from forks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { COLLECTIONS } from '../lib/content-files';
import { parseNameStatus, prSummary } from '../lib/pr-summary';

const USAGE = `Usage: npm run pr-summary -- --base <commit> [--head <commit>] [--check <file>] [--check-failed]

Writes what a pull request changes in the story (entries and actors added, changed, removed) as
Markdown, for GitHub's job summary.

  --base <commit>   the pull request's base (e.g. github.event.pull_request.base.sha)
  --head <commit>   its head; default HEAD
  --check <file>    the saved output of npm run check, shown after the tables
  --check-failed    say that the check failed (its exit code was not 0)
  --help            this text`;

let flags: { base?: string; head?: string; check?: string; 'check-failed'?: boolean; help?: boolean };
try {
  flags = parseArgs({
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      check: { type: 'string' },
      'check-failed': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!flags.base) {
  console.error(`--base is required.\n\n${USAGE}`);
  process.exit(2);
}

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const base = flags.base;
const head = flags.head ?? 'HEAD';
try {
  const folders = [COLLECTIONS.entries.base, COLLECTIONS.actors.base];
  const changes = parseNameStatus(git('diff', '--name-status', '-M', base, head, '--', ...folders));
  const read = (side: 'base' | 'head', path: string) => {
    try {
      return git('show', `${side === 'base' ? base : head}:${path}`);
    } catch {
      return undefined;
    }
  };
  const check =
    flags.check && existsSync(flags.check)
      ? { ok: !flags['check-failed'], output: readFileSync(flags.check, 'utf8') }
      : undefined;
  process.stdout.write(prSummary(changes, read, check));
} catch (error) {
  console.error(`pr-summary: ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
}
