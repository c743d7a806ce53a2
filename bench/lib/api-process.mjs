// The Jejak API as its own process, as `npm start` runs it, on the benchmark's database.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.mjs';

const mainJs = fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url));

/** Starts dist/main.js on `port`; resolves with its address and process once /healthz answers. */
export async function startApiProcess(databaseUrl, port) {
  // BENCH_API_NODE_ARGS: more Node flags for the API process, e.g. `--cpu-prof` to see where it spends its time.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, mainJs], {
    // The public reaches Jejak through a load balancer: the API trusts it (loopback here) for the client's address.
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), DEMO: '1', LOG_LEVEL: 'warn', TRUSTED_PROXIES: 'loopback' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.resume(); // its start-up lines are not needed; a full pipe would stall it
  onCleanup('stop the API', async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the API did not answer /healthz within 150 s');
}
