/**
 * Builds a story into a throw-away copy of the generator, the way a newsroom would reuse it: the
 * project's code with another content/ folder and site configuration. Each copy gets its own
 * node_modules folder of links, so Astro's caches never mix between builds.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The fixture story used by the integration tests. */
export const FIXTURE = join(ROOT, 'tests/fixtures/story');
const TMP = join(ROOT, 'tests/.tmp');

/** What a build printed and produced. */
export interface BuildResult {
  status: number | null;
  output: string;
  dir: string;
  dist: string;
}

/**
 * Copies the generator (or another Astro project, `template`, such as the benchmark's bare baseline) and a
 * story into tests/.tmp/<name>/ and returns the copy's folder.
 */
export function prepareSite(name: string, story: string = FIXTURE, template: string = ROOT): string {
  const dir = join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const item of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(template, item))) cpSync(join(template, item), join(dir, item), { recursive: true });
  }
  cpSync(join(story, 'content'), join(dir, 'content'), { recursive: true });
  if (existsSync(join(story, 'site.config.ts'))) cpSync(join(story, 'site.config.ts'), join(dir, 'src/site.config.ts'));
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const pkg of readdirSync(join(ROOT, 'node_modules'))) {
    if (pkg === '.astro' || pkg === '.vite' || pkg === '.vite-temp') continue;
    symlinkSync(join(ROOT, 'node_modules', pkg), join(modules, pkg));
  }
  return dir;
}

/** Runs `astro build` (with extra CLI arguments) in a prepared copy. */
export function buildSite(dir: string, args: string[] = []): BuildResult {
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  // Vitest sets NODE_ENV=test and import.meta.env values (BASE_URL, MODE…) in process.env; a child
  // build would inherit them and turn into a development build at the wrong base.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|TEST$)/.test(k)),
  );
  const run = spawnSync(process.execPath, [astro, 'build', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
    timeout: 240_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, dir, dist: join(dir, 'dist') };
}

/** Runs one of the project's CLIs (src/cli/<name>.ts, e.g. `check`) inside a prepared copy. */
export function runCli(dir: string, name: string, args: string[] = [], env: Record<string, string> = {}) {
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const run = spawnSync(process.execPath, [tsx, join(dir, 'src/cli', `${name}.ts`), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
