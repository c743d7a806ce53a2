import 'reflect-metadata';
import { loadConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import type { RunningDatabase } from './db/embedded.js';
import { startServer, type RunningServer } from './server.js';
import { logger } from './shared/logger.js';
import { startupSentence } from './startup-error.js';

let database: RunningDatabase | null = null;
let server: RunningServer | null = null;

async function shutdown(signal: string) {
  logger.info({ signal }, 'stopping');
  try {
    await server?.close();
    await database?.stop();
  } finally {
    process.exit(0);
  }
}

try {
  const config = loadConfig();
  const opened = await openDatabase(config);
  database = opened.embedded;
  const databaseUrl = opened.url;
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));
  server = await startServer(config, databaseUrl);
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
