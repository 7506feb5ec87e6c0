/** Serves a built copy with `astro preview` on a free loopback port, for browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './site';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A running preview server. */
export interface Preview {
  origin: string;
  stop: () => void;
}

/** Starts `astro preview` for a prepared and built copy (built with `base`); resolves when it answers. */
export async function startPreview(dir: string, base = '/'): Promise<Preview> {
  const port = await freePort();
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--base', base];
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), ...args], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${origin}${base}`);
      if (res.ok) return { origin, stop: () => child.kill() };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`astro preview did not start in ${dir}`);
}
