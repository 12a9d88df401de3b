#!/usr/bin/env node
// Bundles the compiled CLI and its helper thread into two files each, so that `dxmon` starts by
// reading two files instead of resolving hundreds of modules: about 0.14 s less per run.
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
await build({
  entryPoints: {
    dxmon: `${root}packages/cli/dist/main.js`,
    'dxmon-helper': `${root}packages/cli/dist/parallel/helperWorker.js`,
    'dxmon-uncertainty': `${root}packages/cli/dist/parallel/uncertaintyWorker.js`,
  },
  outdir: `${root}packages/cli/dist`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // The server (PGlite's WebAssembly, the API docs' static files) loads from node_modules, and
  // only when a command needs it.
  external: ['@dxmon/server'],
  minify: true,
  logLevel: 'warning',
});
