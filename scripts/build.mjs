// Bundles every entry point with esbuild; typechecking is `tsc --noEmit`, separate from emit.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = {
  cli: 'server/src/cli/main.ts',
  worker: 'server/src/cli/parseWorker.ts',
  server: 'server/src/lsp/main.ts',
  extension: 'client/src/extension.ts',
  'test/index': 'test/e2e/suite/index.ts',
  'test/corpus': 'test/e2e/suite/corpusIndex.ts',
};
const present = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

await build({
  entryPoints: present,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  external: ['vscode'],
  logLevel: 'warning',
  legalComments: 'none',
});
