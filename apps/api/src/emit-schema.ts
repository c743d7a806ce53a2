import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildJejakSchema, printJejakSchema } from './schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../../packages/schema/schema.graphql', import.meta.url));

await writeFile(SCHEMA_FILE, printJejakSchema(await buildJejakSchema()));
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
