#!/usr/bin/env node
// Writes gzip and Brotli copies of the web app's assets next to them, once at build time, so that
// `dxmon serve` sends them compressed (@fastify/static's preCompressed) without compressing each
// request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../packages/web/dist/', import.meta.url).pathname;
let count = 0;
for (const dir of [dist, join(dist, 'assets')]) {
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
    const path = join(dir, name);
    const bytes = readFileSync(path);
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    count++;
  }
}
console.log(`compressed ${count} web app files (gzip, brotli)`);
