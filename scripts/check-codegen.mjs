#!/usr/bin/env node
// Checks that the committed dashboard types (apps/dashboard/src/gql/) are what graphql-codegen
// makes from the committed schema and the dashboard's operations: it runs packages/schema/codegen.ts
// in memory, compares each output with the file on disk, and writes nothing.
// Usage: npm run check:codegen
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_DIR = path.join(ROOT, 'packages/schema');
const FIX = 'npm run codegen -w @jejak/schema';

function fail(message, fix = `run \`${FIX}\` and commit apps/dashboard/src/gql/.`) {
  console.error(`check:codegen: ${message}\nFix: ${fix}`);
  process.exit(1);
}

// The config's paths are relative to packages/schema, as when `npm run codegen` runs it there.
process.chdir(SCHEMA_DIR);
const { generate, loadContext } = await import('@graphql-codegen/cli');

let outputs;
try {
  const context = await loadContext(path.join(SCHEMA_DIR, 'codegen.ts'));
  context.updateConfig({ silent: true });
  outputs = await generate(context, false);
} catch (error) {
  fail(
    `graphql-codegen failed: ${error instanceof Error ? error.message : String(error)}`,
    `make the dashboard's operations valid against packages/schema/schema.graphql, then run \`${FIX}\` and commit apps/dashboard/src/gql/.`,
  );
}

const stale = [];
const generated = new Set();
const outputDirs = new Set();
for (const { filename, content } of outputs) {
  const file = path.resolve(SCHEMA_DIR, filename);
  generated.add(file);
  outputDirs.add(path.dirname(file));
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (committed === null) stale.push(`${path.relative(ROOT, file)} (missing)`);
  else if (committed !== content) stale.push(`${path.relative(ROOT, file)} (differs)`);
}
// A file codegen no longer writes would be left behind by `npm run codegen`, still imported.
for (const dir of outputDirs) {
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!generated.has(file)) stale.push(`${path.relative(ROOT, file)} (not generated any more)`);
  }
}

if (stale.length > 0) {
  fail(
    'the generated dashboard types do not match packages/schema/schema.graphql and the dashboard\'s operations:\n' +
      stale.map((line) => `  ${line}`).join('\n'),
  );
}
console.log(`check:codegen: ${outputs.length} generated files match the committed ones.`);
