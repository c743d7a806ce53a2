import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Client types for the dashboard: from the committed schema and the operations kept beside
 * each feature (`src/features/<feature>/<feature>.graphql.ts`). Run `npm run codegen -w
 * @jejak/schema`; the output is committed, so building the dashboard never needs this.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['../../apps/dashboard/src/**/*.graphql.ts'],
  ignoreNoDocuments: false,
  generates: {
    '../../apps/dashboard/src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        skipTypename: false,
        scalars: { DateTimeISO: 'string' },
        strictScalars: true,
      },
    },
  },
};

export default config;
