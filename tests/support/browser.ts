/**
 * The browser the tests, screenshots and benchmarks drive, found the same way everywhere: the
 * CHROME_PATH variable, then Playwright's own installed Chromium, then the system's Chromium or
 * Chrome. Without one, a single line says how to get one (never a stack trace per test).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

/** What to do when no browser is found: one line (naming CHROME_PATH when it points nowhere). */
export function noBrowser(): string {
  const env = process.env.CHROME_PATH;
  const found = env
    ? `CHROME_PATH is ${env}, which does not exist`
    : 'No Chromium or Chrome found for the browser tests';
  return `${found}: run \`npx playwright install chromium\`, or install the system package (\`apt-get install chromium\`), or set CHROME_PATH to a Chrome or Chromium binary.`;
}

/** What to do when Java, which runs the Nu HTML Checker, is missing: one line. */
export const NO_JAVA =
  'No Java found for the HTML checker (vnu-jar): install a Java runtime 11 or newer (`apt-get install default-jre-headless`).';

const SYSTEM_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The first executable of these names on PATH. */
function onPath(names: readonly string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The path of the browser to drive, or undefined when there is none (see noBrowser). */
export function findBrowser(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  let playwrights: string | undefined;
  try {
    playwrights = chromium.executablePath();
  } catch {
    playwrights = undefined;
  }
  if (playwrights && existsSync(playwrights)) return playwrights;
  return onPath(SYSTEM_BROWSERS);
}

/** The browser to drive; throws the one line of noBrowser() when there is none. */
export function browserPath(): string {
  const path = findBrowser();
  if (!path) throw new Error(noBrowser());
  return path;
}

/** True when a Java runtime answers `java -version`. */
export function hasJava(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Launches the browser headless, as the tests need it on a shared machine (with extra Chromium switches). */
export function launchBrowser(args: readonly string[] = []): Promise<Browser> {
  // Debian's wrapper does not pass --disable-dev-shm-usage, which small /dev/shm mounts need.
  return chromium.launch({ executablePath: browserPath(), args: ['--disable-dev-shm-usage', ...args] });
}
