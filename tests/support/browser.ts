import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags every launch gets: headless, no sandbox (containers, CI), nothing phoning home. */
const BASE_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

interface Executable {
  path: string;
  args: string[];
}

/**
 * Which Chromium to run, never downloading one: `CHROMIUM_PATH`, else the system's
 * `/usr/bin/chromium`, else the binary packed in the npm package `@sparticuz/chromium`
 * (unpacked to the temp directory on first use), with that package's flags except
 * `--single-process`, which makes pages crash under Playwright.
 */
async function findChromium(): Promise<Executable> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist`);
    return { path: fromEnv, args: [] };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, args: [] };
  const { default: packed } = await import('@sparticuz/chromium');
  return {
    path: await packed.executablePath(),
    args: packed.args.filter((arg) => arg !== '--single-process'),
  };
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const executable = await findChromium();
  return chromium.launch({
    executablePath: executable.path,
    args: [...executable.args, ...BASE_ARGS, ...extraArgs],
  });
}
