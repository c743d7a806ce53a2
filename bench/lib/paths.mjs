import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built API the benchmark drives; `npm run build` (or turbo) makes it. */
export const apiDist = fileURLToPath(new URL('../../apps/api/dist/', import.meta.url));

export const distModule = (relative) => new URL(`../../apps/api/dist/${relative}`, import.meta.url).href;

/** Null when the build is there, else what to do about it. */
export function missingBuild() {
  for (const file of ['server.js', 'config.js', 'db/embedded.js']) {
    if (!existsSync(apiDist + file)) {
      return `apps/api/dist/${file} is missing: build the API first with\n  npx turbo run build --filter=@jejak/api\n(or npm run build)`;
    }
  }
  return null;
}
