import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export interface RunningSystem {
  /** Where the dashboard and the API answer, e.g. `http://127.0.0.1:41234`. */
  url: string;
  stop(): Promise<void>;
}

export interface SystemOptions {
  /** More environment for the server, e.g. `SESSION_HOURS`. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(ROOT, 'apps/api/dist/main.js');
/** Keep the end of the server's output for error messages, not all of it. */
const OUTPUT_LIMIT = 20_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the built server (`apps/api/dist/main.js`, which also serves the built dashboard) on a
 * free port, on the test database from the global setup, with demo data, and waits until
 * `/healthz` answers 200.
 */
export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  if (!existsSync(MAIN)) {
    throw new Error(`${MAIN} does not exist: run \`npx turbo run build\` before the e2e tests`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      PORT: String(port),
      DEMO: '1',
      // Tests may play several clients by the address a proxy forwards (X-Forwarded-For).
      TRUSTED_PROXIES: 'loopback',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    });
  });

  async function stop() {
    if (exit) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exit) {
      const { code, signal } = exit;
      throw new Error(`The server exited (code ${code}, signal ${signal}) before it was healthy:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`The server did not answer 200 on /healthz within ${options.timeoutMs ?? 60_000} ms:\n${output}`);
}
