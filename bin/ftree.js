#!/usr/bin/env node
// Loads the bundled CLI (dist/bundle/ftree.cjs, built by scripts/bundle.mjs) with its V8 code cache:
// compiled code is read instead of compiled again at every start. Without a cache, or with one
// this Node rejects, the bundle is compiled as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const file = fileURLToPath(new URL('../dist/bundle/ftree.cjs', import.meta.url));
const cacheFile = `${file}.cache`;
const warmup = process.env.FTREE_CODE_CACHE_WARMUP;
let cachedData;
if (warmup === undefined) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache: compile.
  }
}
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
  filename: file,
  ...(cachedData ? { cachedData } : {}),
});
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dirname(file));

if (warmup === undefined) {
  await bundle.exports.main(process.argv);
} else {
  // scripts/bundle.mjs: run typical commands, then keep what V8 compiled.
  for (const argv of JSON.parse(warmup)) await bundle.exports.main([process.argv[0], process.argv[1], ...argv]);
  writeFileSync(cacheFile, script.createCachedData());
  process.exitCode = 0;
}
