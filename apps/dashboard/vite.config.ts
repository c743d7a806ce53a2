import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);
// One copy of graphql in the bundle: its ES module build, whoever imports it.
const graphql = require.resolve('graphql/index.mjs');

const api = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [{ find: /^graphql$/, replacement: graphql }],
  },
  server: {
    proxy: {
      '/graphql': api,
      '/api': api,
      '/healthz': api,
    },
  },
  build: {
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files, cached separately.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'graphql', test: /node_modules[\\/](@apollo|graphql|@wry|optimism|rxjs|tslib)[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
          ],
        },
      },
    },
  },
});
