import { launchBrowser } from './support/browser.ts';
import { serveDist } from './support/static-server.ts';
const [path, selector, out, width] = process.argv.slice(2);
const server = await serveDist('dist');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: 900 } });
await page.goto(`${server.origin}${path}`);
console.log(
  'height',
  await page.evaluate(() => document.documentElement.scrollHeight),
  'scrollWidth',
  await page.evaluate(() => document.documentElement.scrollWidth),
);
await page.locator(selector!).first().screenshot({ path: out! });
await browser.close();
server.close();
