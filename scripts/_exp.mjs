import { build } from 'esbuild';
await build({ entryPoints: { server: 'server/src/lsp/main.ts', worker: 'server/src/cli/parseWorker.ts', cli: 'server/src/cli/main.ts' }, outdir: process.argv[2], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning', legalComments: 'none' });
