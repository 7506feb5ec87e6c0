/**
 * The command line of the editor tools (`npm run check`, `new`, `import`): node:util's parseArgs with
 * `--help` added and every mistake (an unknown flag, a missing value, one argument too many) turned
 * into a one-line message for the usage text, instead of parseArgs' exception.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** What a command accepts: its flags, how many plain arguments, and its usage text. */
export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** The usage text printed by --help and after a mistake. */
  usage: string;
  options: O;
  /** How many plain (positional) arguments the command takes at most. */
  positionals?: number;
}

/** The values of a command's flags: strings, or booleans for `type: 'boolean'`. */
export type FlagValues<O extends ParseArgsOptionsConfig> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

/** A command line read: the flags and arguments to run with, a request for help, or a usage mistake. */
export type CommandLine<O extends ParseArgsOptionsConfig> =
  | { kind: 'run'; values: FlagValues<O>; positionals: string[] }
  | { kind: 'help' }
  | { kind: 'mistake'; message: string };

/** Reads `args` (process.argv without node and the script) by `spec`. */
export function readCommandLine<O extends ParseArgsOptionsConfig>(
  args: readonly string[],
  spec: CommandSpec<O>,
): CommandLine<O> {
  const max = spec.positionals ?? 0;
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if ((values as { help?: boolean }).help) return { kind: 'help' };
    if (positionals.length > max) {
      const extra = positionals[max]!;
      return { kind: 'mistake', message: `unexpected argument ${JSON.stringify(extra)}` };
    }
    return { kind: 'run', values: values as FlagValues<O>, positionals };
  } catch (error) {
    const e = error as { code?: string; message: string };
    const flag = /'(-[^']*)'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { kind: 'mistake', message: `unknown option ${flag}` };
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--([\w-]+)/.exec(e.message)?.[1];
      const option = name ? spec.options[name] : undefined;
      return {
        kind: 'mistake',
        message:
          option?.type === 'boolean'
            ? `the option --${name} takes no value`
            : `the option --${name ?? flag} needs a value`,
      };
    }
    return { kind: 'mistake', message: e.message.split('\n')[0]! };
  }
}
