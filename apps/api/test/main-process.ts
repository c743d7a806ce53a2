import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built API, as `npm start` runs it. */
export const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  ended: Promise<Ended>;
}

/**
 * main.js with `env` over this process's (no NODE_ENV, as in production; no demo data; any port),
 * in a process group of its own, as a terminal runs a command.
 */
export function startMain(env: Record<string, string | undefined>): Started {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NODE_ENV: undefined, DATABASE_URL: undefined, LOG_LEVEL: 'info', DEMO: '0', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const ended = new Promise<Ended>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, ...output })));
  return { child, output, ended };
}

/** Waits for the line that says where Jejak runs, and returns that address. */
export async function runningAt(started: Started): Promise<string> {
  const deadline = Date.now() + 25_000;
  while (Date.now() < deadline) {
    const url = /Jejak is running at (\S+)/.exec(started.output.stdout)?.[1];
    if (url) return url;
    const early = await Promise.race([started.ended, new Promise((resolve) => setTimeout(resolve, 100, null))]);
    if (early) throw new Error(`main.js ended before it was running: ${JSON.stringify(early)}`);
  }
  started.child.kill('SIGKILL');
  throw new Error(`main.js did not start in time:\n${started.output.stdout}\n${started.output.stderr}`);
}

