import 'reflect-metadata';
import { loadConfig } from './config.js';
import type { RunningDatabase } from './db/embedded.js';
import type { RunningServer } from './server.js';
import { logger } from './shared/logger.js';
import { reasonOf, startupSentence } from './startup-error.js';

let database: RunningDatabase | null = null;
let server: RunningServer | null = null;
let phase: 'starting' | 'running' | 'stopping' = 'starting';
let stoppingSince = 0;

/** Under `npm start` one Ctrl-C arrives twice at once: from the terminal, and forwarded by npm. */
const SAME_SIGNAL_MS = 500;

function onSignal(signal: NodeJS.Signals) {
  // Nothing is served yet: leave at once; the embedded PostgreSQL, if started, is told to stop.
  if (phase === 'starting') process.exit(0);
  if (phase === 'stopping') {
    if (Date.now() - stoppingSince > SAME_SIGNAL_MS) process.exit(130);
    return;
  }
  phase = 'stopping';
  stoppingSince = Date.now();
  void stop(signal);
}

/** Stops taking requests, finishes those under way, closes the pools, then stops the database. */
async function stop(signal: NodeJS.Signals) {
  logger.info({ signal }, 'stopping');
  try {
    await server?.close();
    await database?.stop();
    logger.info('stopped');
    process.exit(0);
  } catch (error) {
    logger.debug({ err: error }, 'stopping failed');
    process.stderr.write(`Jejak did not stop cleanly (${reasonOf(error)}); check that its database has stopped.\n`);
    process.exit(1);
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

try {
  const config = loadConfig();
  // Loaded once the signals are handled: loading them takes a moment, which a Ctrl-C may interrupt.
  const { openDatabase } = await import('./db/connect.js');
  const { startServer } = await import('./server.js');
  const opened = await openDatabase(config);
  database = opened.embedded;
  server = await startServer(config, opened.url);
  phase = 'running';
  const lines = [`\nJejak is running at ${server.url}`];
  if (server.demoAccounts.length) {
    lines.push('Demo accounts (password demo12345):', ...server.demoAccounts.map((account) => `  ${account}`));
  }
  if (server.demoCodes) {
    const verify = (code: string) => `${server!.url}/verify?code=${encodeURIComponent(code)}`;
    lines.push(
      'Demo codes to verify:',
      `  genuine    ${verify(server.demoCodes.genuine)}`,
      `  dispensed  ${verify(server.demoCodes.dispensed)}`,
      `  recalled   ${verify(server.demoCodes.recalled)}`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
} catch (error) {
  logger.debug({ err: error }, 'start-up failed');
  await database?.stop().catch(() => undefined);
  process.stderr.write(`${startupSentence(error)}\n`);
  process.exit(1);
}
