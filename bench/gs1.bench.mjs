// Throughput of @jejak/gs1 parse() on realistic medicine codes, one core.
// Build the package first: npm run build -w @jejak/gs1
// Run: node bench/gs1.bench.mjs [secondsPerForm]
import { pathToFileURL } from 'node:url';
import { parse, toBracketed, toDigitalLink, toRaw, checkDigit } from '../packages/gs1/dist/index.js';

/** Small deterministic PRNG (mulberry32) so every run parses the same codes. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function makeCodes(count, seed = 2025) {
  const rnd = prng(seed);
  const int = (n) => Math.floor(rnd() * n);
  const str = (chars, min, max) => {
    let s = '';
    const len = min + int(max - min + 1);
    for (let i = 0; i < len; i++) s += chars[int(chars.length)];
    return s;
  };
  const digits = (n) => str('0123456789', n, n);
  const date = () => `${String(25 + int(5)).padStart(2, '0')}${String(1 + int(12)).padStart(2, '0')}${String(int(29)).padStart(2, '0')}`;
  const gtins = Array.from({ length: 20 }, () => {
    const d = `0899${digits(9)}`;
    return d + checkDigit(d);
  });
  const nies = Array.from({ length: 20 }, () => `${['DBL', 'DKL', 'GKL', 'NA18'][int(4)]}${digits(10)}A1`.slice(0, 15));
  const codes = [];
  for (let i = 0; i < count; i++) {
    const batch = str(ALNUM, 5, 10);
    const serial = str(ALNUM, 10, 16);
    const kind = int(10);
    if (kind < 6) {
      // GS1 pharma pack: GTIN, expiry, batch, serial (the usual order).
      codes.push([
        { ai: '01', value: gtins[int(gtins.length)] },
        { ai: '17', value: date() },
        { ai: '10', value: batch },
        { ai: '21', value: serial },
      ]);
    } else if (kind < 9) {
      // BPOM pack keyed by the NIE.
      codes.push([
        { ai: '90', value: nies[int(nies.length)] },
        { ai: '10', value: batch },
        { ai: '17', value: date() },
        { ai: '21', value: serial },
      ]);
    } else {
      const s = `0${digits(16)}`;
      codes.push([{ ai: '00', value: s + checkDigit(s) }]);
    }
  }
  return codes;
}

/**
 * Parses inputs round-robin for `seconds` of wall time. Throughput is reported
 * per second of CPU time used by this process (one core), which stays
 * meaningful when other work shares the machine; wall-clock throughput is
 * shown alongside.
 */
function run(label, inputs, seconds) {
  let sink = 0;
  // Warm up so the JIT has settled.
  const warmEnd = performance.now() + 500;
  for (let i = 0; performance.now() < warmEnd; i++) sink += parse(inputs[i % inputs.length]).valid ? 1 : 0;
  let n = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const stop = start + seconds * 1000;
  let now = start;
  while (now < stop) {
    for (let k = 0; k < 1000; k++, n++) sink += parse(inputs[n % inputs.length]).valid ? 1 : 0;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const perCpuSecond = Math.round(n / cpuSeconds);
  const perWallSecond = Math.round(n / ((now - start) / 1000));
  console.log(
    `gs1 parse ${label}: ${perCpuSecond.toLocaleString('en-US')} codes/s ` +
      `(per CPU-second; ${perWallSecond.toLocaleString('en-US')} per wall-clock second)`,
  );
  return { label, perCpuSecond, perWallSecond, sink };
}

export async function main(seconds = Number(process.argv[2]) || 3) {
  const codes = makeCodes(2000);
  const forms = {
    raw: codes.map((c) => `]d2${toRaw(c)}`),
    bracketed: codes.map((c) => toBracketed(c)),
    'digital link': codes.filter((c) => c[0].ai !== '90').map((c) => toDigitalLink(c)),
  };
  for (const [label, inputs] of Object.entries(forms)) {
    const invalid = inputs.filter((t) => !parse(t).valid);
    if (invalid.length) throw new Error(`${label}: ${invalid.length} benchmark codes do not parse, e.g. ${JSON.stringify(invalid[0])}`);
  }
  const results = [];
  for (const [label, inputs] of Object.entries(forms)) results.push(run(label, inputs, seconds));
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
