// `npm run bench`: the GS1 parser, pack lifecycle, verification, reports, label and EPCIS benchmarks, each in a process of
// its own, printing every figure as it goes. Builds nothing: build first (npm run build).
// Settings (all optional): BENCH_QUICK=1, BENCH_PACKS, BENCH_DATABASE_URL, BENCH_TIMEOUT_MIN,
// BENCH_GS1_SECONDS; see bench/README.md.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { missingBuild } from './lib/paths.mjs';
import { envInt, isOn } from './lib/util.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

function check() {
  const missing = missingBuild();
  if (missing) return missing;
  if (!existsSync(here('../packages/gs1/dist/index.js'))) {
    return 'packages/gs1/dist/index.js is missing: build first with\n  npx turbo run build --filter=@jejak/api\n(or npm run build)';
  }
  return null;
}

let current = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // The child cleans up after itself (its database, its embedded PostgreSQL) on this signal.
    if (current) current.kill(signal);
    else process.exit(130);
  });
}

/** Runs a benchmark script; resolves with its exit code. Killed if it outlives `limitMs`. */
function run(script, args, limitMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [here(script), ...args], { stdio: 'inherit', env: process.env });
    current = child;
    let killer = null;
    const timer = setTimeout(() => {
      process.stderr.write(`\n${script} ran past ${Math.round(limitMs / 60_000)} min: stopping it\n`);
      child.kill('SIGTERM');
      killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    }, limitMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (killer) clearTimeout(killer);
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const problem = check();
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}

const quick = isOn('BENCH_QUICK');
const gs1Seconds = envInt('BENCH_GS1_SECONDS', quick ? 1 : 3);
// The lifecycle benchmark bounds itself (BENCH_TIMEOUT_MIN); this is the backstop.
const lifecycleLimitMin = envInt('BENCH_TIMEOUT_MIN', quick ? 30 : 150) + 5;

console.log('== GS1 parser (bench/gs1.bench.mjs)');
const gs1 = await run('./gs1.bench.mjs', [String(gs1Seconds)], 10 * 60_000);
console.log('\n== Pack lifecycle over HTTP (bench/lifecycle.bench.mjs)');
const lifecycle = await run('./lifecycle.bench.mjs', [], lifecycleLimitMin * 60_000);
console.log('\n== Public verification under load (bench/verify.bench.mjs)');
const verify = await run('./verify.bench.mjs', [], 30 * 60_000);
console.log('\n== Reports at national scale (bench/reports.bench.mjs)');
const reports = await run('./reports.bench.mjs', [], 95 * 60_000);
console.log('\n== Label sheets as one PDF (bench/labels.bench.mjs)');
const labels = await run('./labels.bench.mjs', [], 30 * 60_000);
console.log('\n== EPCIS capture and query (bench/epcis.bench.mjs)');
const epcis = await run('./epcis.bench.mjs', [], 65 * 60_000);

const failed = Object.entries({ gs1, lifecycle, verify, reports, labels, epcis }).filter(([, code]) => code !== 0);
if (failed.length) {
  process.stderr.write(`\nbenchmark failed: ${failed.map(([name, code]) => `${name} exit ${code}`).join(', ')}\n`);
  process.exit(1);
}
