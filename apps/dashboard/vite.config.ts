import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
// One copy of graphql in the bundle: its ES module build, whoever imports it.
const graphql = require.resolve('graphql/index.mjs');

const api = 'http://localhost:4000';

/** The page the installable app opens, whose chunk (and what it imports) the service worker keeps. */
const VERIFY_PAGE = /features[\\/]verify[\\/]routes[\\/]VerifyPage\.tsx$/;

/**
 * Writes `verify-sw.js`, the verification page's service worker (pwa/verify-sw.js), with the
 * files it keeps for offline use: the entry chunk, the verification page's chunk, what they
 * import and their styles, the manifest and icons; and a version that changes with them.
 */
function verifyServiceWorker(): Plugin {
  return {
    name: 'jejak-verify-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const keep = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = byName.get(fileName);
        if (!chunk || keep.has(fileName)) return;
        keep.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) keep.add(css);
        for (const imported of chunk.imports) visit(imported);
      };
      for (const chunk of chunks) if (chunk.isEntry || (chunk.facadeModuleId && VERIFY_PAGE.test(chunk.facadeModuleId))) visit(chunk.fileName);
      if (![...keep].some((fileName) => VERIFY_PAGE.test(byName.get(fileName)?.facadeModuleId ?? ''))) {
        this.error('the verification page has no chunk of its own: the service worker would not keep it');
      }
      const files = [
        ...[...keep].sort().map((fileName) => `/${fileName}`),
        '/manifest.webmanifest',
        '/favicon.svg',
        '/icons/verify-192.png',
        '/icons/verify-512.png',
        '/icons/verify-maskable-512.png',
      ];
      const source = readFileSync(new URL('./pwa/verify-sw.js', import.meta.url), 'utf8');
      const version = createHash('sha256').update(source).update(files.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'verify-sw.js',
        source: source.replace('__VERSION__', version).replace("'__PRECACHE__'", `'${JSON.stringify(files)}'`),
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), verifyServiceWorker()],
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
