import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
// type-graphql and the API must see one copy of graphql, the CommonJS one.
const graphql = require.resolve('graphql/index.js');
const alias = { graphql };

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        resolve: { alias },
        test: { name: 'gs1', include: ['packages/gs1/src/**/*.test.ts'] },
      },
      {
        test: { name: 'csv', include: ['packages/csv/src/**/*.test.ts'] },
      },
      {
        // The dashboard's components and their logic, in a simulated browser (happy-dom) with Testing Library.
        test: {
          name: 'dashboard',
          include: ['apps/dashboard/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['apps/dashboard/src/test/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: { name: 'api', include: ['apps/api/src/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'api-int',
          include: ['apps/api/test/**/*.int.test.ts'],
          globalSetup: ['apps/api/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          env: { LOG_LEVEL: 'warn' },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['apps/api/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          env: { LOG_LEVEL: 'warn' },
        },
      },
    ],
  },
});
