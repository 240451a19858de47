#!/bin/sh
':' //; exec env -u NODE_EXTRA_CA_CERTS FTREE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS-}" node "$0" "$@"
// Read by sh and by Node: for sh, line 2 starts Node on this file; for Node, it is a string and a
// comment. Node 20 reads and parses every certificate of NODE_EXTRA_CA_CERTS as it starts (a 220 KB
// bundle of 144 certificates takes 38 ms, more than the rest of a small analysis): Node is started
// without it, and its value handed over in FTREE_EXTRA_CA_CERTS, put back below for child processes
// and for the Prometheus client, which loads the file only for an https URL. (`#!/usr/bin/env -S`
// would do the same in one line, but BusyBox's env has no -S.)
//
// Loads the bundled CLI (dist/bundle/ftree.cjs, built by scripts/bundle.mjs) with its V8 code cache:
// compiled code is read instead of compiled again at every start. The cache is kept per V8 version
// and architecture (ftree.cjs.<v8>-<arch>.cache): without one for this Node, or with one V8 rejects,
// the bundle is compiled as usual and the cache is written as the command ends (where the folder is
// writable), so the package ships none. CommonJS (bin/package.json), so that start-up does not load
// Node's ES-module loader.
'use strict';
if (process.env.FTREE_EXTRA_CA_CERTS !== undefined) {
  if (process.env.FTREE_EXTRA_CA_CERTS !== '') process.env.NODE_EXTRA_CA_CERTS = process.env.FTREE_EXTRA_CA_CERTS;
  delete process.env.FTREE_EXTRA_CA_CERTS;
}
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, '..', 'dist', 'bundle', 'ftree.cjs');
const cacheFile = `${file}.${process.versions.v8}-${process.arch}.cache`;
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
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, dirname(file));

if (warmup === undefined) {
  if (!cachedData || script.cachedDataRejected) {
    // First run on this Node: keep what V8 compiled for the next ones. A read-only install stays without.
    process.once('exit', () => {
      try {
        const scratch = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(scratch, script.createCachedData());
        renameSync(scratch, cacheFile);
      } catch {
        // Not writable: every start compiles, as without a cache.
      }
    });
  }
  void bundle.exports.main(process.argv);
} else {
  // scripts/bundle.mjs: run typical commands, then keep what V8 compiled.
  void (async () => {
    for (const argv of JSON.parse(warmup)) await bundle.exports.main([process.argv[0], process.argv[1], ...argv]);
    writeFileSync(cacheFile, script.createCachedData());
    process.exitCode = 0;
  })();
}
