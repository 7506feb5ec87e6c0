/**
 * Runs once before the integration tests: without a browser (or without Java for the HTML checker)
 * they would each fail with a stack trace; instead the run stops at once with one line saying what
 * to install.
 */
import { findBrowser, hasJava, noBrowser, NO_JAVA } from './browser';

export default function setup(): void {
  const missing = [...(findBrowser() ? [] : [noBrowser()]), ...(hasJava() ? [] : [NO_JAVA])];
  if (missing.length === 0) return;
  console.error(`\n${missing.join('\n')}\n`);
  process.exit(1);
}
