// Whatever the benchmark starts (database, server, data directory) is registered here and
// undone in reverse order: at the end, on an error, on a signal, or when the time is up.
import { remainingMs, say } from './util.mjs';

const tasks = [];
let running = null;

export function onCleanup(name, fn) {
  const task = { name, fn };
  tasks.push(task);
  return () => {
    const i = tasks.indexOf(task);
    if (i >= 0) tasks.splice(i, 1);
  };
}

export function cleanup() {
  running ??= (async () => {
    while (tasks.length) {
      const { name, fn } = tasks.pop();
      try {
        await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('took over 60 s')), 60_000).unref())]);
      } catch (error) {
        process.stderr.write(`cleanup: ${name} failed: ${error?.message ?? error}\n`);
      }
    }
  })();
  return running;
}

/** Cleans up and exits on SIGINT/SIGTERM/SIGHUP, on an unhandled rejection, and when the deadline passes. */
export function installCleanupHandlers() {
  const bail = (why, code) => async () => {
    process.stderr.write(`\n${why}: cleaning up\n`);
    await cleanup();
    process.exit(code);
  };
  process.once('SIGINT', bail('SIGINT', 130));
  process.once('SIGTERM', bail('SIGTERM', 143));
  process.once('SIGHUP', bail('SIGHUP', 129));
  // A closed pipe (`… | head`) must not end the run before it cleans up: stop printing instead.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error?.code !== 'EPIPE' && error?.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
  }
  process.on('unhandledRejection', (error) => {
    process.stderr.write(`unhandled rejection: ${error?.stack ?? error}\n`);
    void bail('unhandled rejection', 1)();
  });
  const left = remainingMs();
  if (Number.isFinite(left)) {
    setTimeout(() => {
      say(`time limit reached (BENCH_TIMEOUT_MIN); stopping`);
      void bail('time limit', 124)();
    }, Math.max(0, left)).unref();
  }
}
