/**
 * What the three editor tools share: their command line (usage on --help, exit 2 on a mistake), how
 * they report problems (`path:line:column  field  message` lines, plus ::error annotations under
 * GitHub Actions), and a last guard so that nothing they meet ends in a stack trace.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import { readCommandLine, type CommandSpec, type FlagValues } from '../lib/cli';
import { formatAnnotation, formatProblem, isError, type Problem } from '../lib/validate';

// Anything not foreseen still ends as one line and exit code 1 (DEBUG=1 shows the trace).
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    if (process.env.DEBUG) console.error(error);
    console.error(`✗ ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(1);
  });
}

/** The command's flags and arguments; prints the usage and exits on --help (0) or a mistake (2). */
export function commandLine<O extends ParseArgsOptionsConfig>(
  spec: CommandSpec<O>,
  args: readonly string[] = process.argv.slice(2),
): { values: FlagValues<O>; positionals: string[] } {
  const line = readCommandLine(args, spec);
  if (line.kind === 'help') {
    console.log(spec.usage);
    process.exit(0);
  }
  if (line.kind === 'mistake') {
    console.error(`✗ ${line.message}\n\n${spec.usage}`);
    process.exit(2);
  }
  return line;
}

/** Prints problems to stderr (warnings marked as such), and under GitHub Actions their annotations to stdout. */
export function report(problems: readonly Problem[]): void {
  for (const p of problems) {
    if (isError(p)) console.error(formatProblem(p));
    else console.warn(`warning: ${formatProblem(p)}`);
  }
  if (process.env.GITHUB_ACTIONS === 'true') for (const p of problems) console.log(formatAnnotation(p));
}

/** Stops with one line and exit code 1. */
export function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

/** The story's folder (the one that holds content/), or one line and exit code 1 when it has none. */
export function storyRoot(folder = '.'): string {
  const root = resolve(folder);
  if (!existsSync(join(root, 'content'))) {
    fail(`${folder} holds no content/ folder; run this in the story's folder, or name that folder (see --help)`);
  }
  return root;
}
