import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { isPublic } from './shared/auth.js';
import { buildJejakSchema, printJejakSchema } from './schema.js';

const SCHEMA_FILE = new URL('../../../packages/schema/schema.graphql', import.meta.url);

describe('the GraphQL schema', () => {
  it('matches the committed packages/schema/schema.graphql (run `npm run emit-schema -w @jejak/api` after a change)', async () => {
    const printed = printJejakSchema(await buildJejakSchema());
    expect(printed).toEqual(await readFile(SCHEMA_FILE, 'utf8'));
  });

  it('declares who may call every query and mutation', async () => {
    await buildJejakSchema();
    const storage = getMetadataStorage();
    const operations = [...storage.queries, ...storage.mutations];
    expect(operations.length).toBeGreaterThan(5);
    const undeclared = operations
      .filter((operation) => {
        const authorized = storage.authorizedFields.some(
          (field) => field.target === operation.target && field.fieldName === operation.methodName,
        );
        return !authorized && !isPublic(operation.target.name, operation.methodName);
      })
      .map((operation) => `${operation.target.name}.${operation.methodName}`);
    expect(undeclared).toEqual([]);
  });

  it('keeps public only what the contract makes public', async () => {
    await buildJejakSchema();
    const storage = getMetadataStorage();
    const publicOnes = [...storage.queries, ...storage.mutations]
      .filter((operation) => isPublic(operation.target.name, operation.methodName))
      .map((operation) => operation.schemaName)
      .sort();
    expect(publicOnes).toEqual(['login', 'parseBarcode', 'reportSuspect', 'verify']);
  });
});
