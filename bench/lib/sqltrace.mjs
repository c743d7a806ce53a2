// Times every SQL statement any pg client in this process sends (the API's pool and its ORM
// included) while a recording is open, COPY streams too: to tell where a slow call spends its time.
import pg from 'pg';
import { fmtMs, say } from './util.mjs';

const original = pg.Client.prototype.query;
let recording = null;

pg.Client.prototype.query = function query(config, values, callback) {
  if (!recording) return original.apply(this, arguments);
  const log = recording;
  // A COPY stream: from the call until it finishes, including the time its rows take to arrive.
  if (config && typeof config.submit === 'function') {
    const start = performance.now();
    const note = (error) => log.push({ text: config.text ?? 'copy', ms: performance.now() - start, rows: config.rowCount ?? null, error });
    config.once?.('finish', () => note(false));
    config.once?.('error', () => note(true));
    return original.apply(this, arguments);
  }
  const text = typeof config === 'string' ? config : (config?.text ?? String(config));
  const start = performance.now();
  const note = (error, result) =>
    log.push({ text, ms: performance.now() - start, rows: result?.rowCount ?? null, error: Boolean(error) });
  if (typeof values === 'function') {
    return original.call(this, config, (error, result) => (note(error, result), values(error, result)));
  }
  if (typeof callback === 'function') {
    return original.call(this, config, values, (error, result) => (note(error, result), callback(error, result)));
  }
  if (config && typeof config === 'object' && typeof config.callback === 'function') {
    const inner = config.callback;
    config.callback = (error, result) => (note(error, result), inner(error, result));
    return original.call(this, config, values);
  }
  const promise = original.call(this, config, values);
  promise?.then?.((result) => note(null, result), (error) => note(error, null));
  return promise;
};

/** Records the statements sent while `fn` runs. */
export async function recordSql(fn) {
  const log = [];
  recording = log;
  try {
    const result = await fn();
    return { result, statements: log };
  } finally {
    if (recording === log) recording = null;
  }
}

const shorten = (text) => text.replace(/\s+/g, ' ').trim().slice(0, 110);

/** Sums statements by text, slowest first. */
export function summarise(statements) {
  const byText = new Map();
  for (const s of statements) {
    const key = shorten(s.text);
    const entry = byText.get(key) ?? { text: key, calls: 0, ms: 0, maxMs: 0, rows: 0 };
    entry.calls += 1;
    entry.ms += s.ms;
    entry.maxMs = Math.max(entry.maxMs, s.ms);
    entry.rows += s.rows ?? 0;
    byText.set(key, entry);
  }
  return [...byText.values()].sort((a, b) => b.ms - a.ms);
}

const SUMMARY_TABLES = /\b(batch_stats|realisation_daily|stock|stock_region|flow|in_transit|consumption|consumption_monthly)\b/;

/** Prints where a call's time went: the slowest statements and the time outside SQL. */
export function printBreakdown(label, statements, wallMs, top = 6) {
  const rows = summarise(statements);
  const inSql = statements.reduce((sum, s) => sum + s.ms, 0);
  say(`   where ${label} spends its time (${statements.length} SQL statements, ${fmtMs(inSql)} in SQL` +
    `, ${fmtMs(Math.max(0, wallMs - inSql))} outside it, of ${fmtMs(wallMs)}):`);
  for (const row of rows.slice(0, top)) {
    say(`     ${fmtMs(row.ms).padStart(9)}  ${String(row.calls).padStart(3)}x  ${row.text}`);
  }
  // The report tables kept current by each movement: what they add to its time.
  const summaries = rows.filter((row) => SUMMARY_TABLES.test(row.text));
  if (summaries.length) {
    const ms = summaries.reduce((sum, row) => sum + row.ms, 0);
    say(`     report counters: ${fmtMs(ms)} in ${summaries.reduce((sum, row) => sum + row.calls, 0)} statements, ${((100 * ms) / Math.max(1, wallMs - ms)).toFixed(1)}% on top of the rest of the call`);
  }
  return rows;
}
