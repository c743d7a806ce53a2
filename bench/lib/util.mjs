// Small helpers shared by the lifecycle benchmark: numbers, statistics, time limits and printing.

export const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
export const fmtMs = (ms) => (ms >= 100 ? `${Math.round(ms)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`);
export const fmtS = (ms) => `${(ms / 1000).toFixed(ms >= 100_000 ? 0 : 1)} s`;
export const fmtRatio = (r) => (Number.isFinite(r) ? r.toFixed(r >= 10 ? 1 : 2) : 'n/a');

export function median(values) {
  return percentile(values, 50);
}

/** Nearest-rank percentile of `values` (not changed). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const min = (values) => Math.min(...values);

/** Runs `fn` and returns its result and the wall time it took, in ms. */
export async function timed(fn) {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

/** Prints a line at once (stdout may be a pipe: keep lines whole). */
export function say(line = '') {
  if (process.stdout.writable) process.stdout.write(line + '\n');
}

export function heading(text) {
  say('');
  say(`== ${text}`);
}

const started = Date.now();
let deadline = Infinity;

/** The whole run must end by then; network and database waits are bounded by what is left. */
export function setDeadline(ms) {
  deadline = started + ms;
}

export function remainingMs() {
  return deadline - Date.now();
}

export const elapsed = () => fmtS(Date.now() - started);

/** A signal that aborts after `capMs` or when the run's time is up, whichever is first. */
export function timeoutSignal(capMs = 30 * 60_000) {
  const ms = Math.max(1_000, Math.min(capMs, remainingMs()));
  return AbortSignal.timeout(ms);
}

/** Integer environment setting, e.g. BENCH_PACKS=10_000_000 or 1e7. */
export function envInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return Math.round(value);
}

export const isOn = (name) => ['1', 'true', 'yes'].includes(String(process.env[name] ?? '').toLowerCase());

/** "OK" or "MISS", for a goal. */
export const verdict = (met) => (met ? 'OK' : 'MISS');
