#!/usr/bin/env node
// Entry point. Loads the bundle (dist/nuanxin.cjs, see scripts/build.mjs) with the
// code V8 compiled for it on an earlier run, so start-up skips parsing and compiling;
// without a usable cache (first run, another Node version) it compiles as usual and
// leaves a cache for the next run. The bundle sets process.exitCode; nothing here exits.
'use strict';
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = process.env.NUANXIN_BUNDLE || join(__dirname, '..', 'dist', 'nuanxin.cjs');
const cacheFile = `${bundle}.v8cache`;

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
const loaded = { exports: {} };
script.runInThisContext()(loaded.exports, Module.createRequire(bundle), loaded, bundle, dirname(bundle));

loaded.exports.main().then(() => {
  if (cachedData && !script.cachedDataRejected) return;
  // After the run, so the cache holds what the command compiled; written whole or not at all.
  const temporary = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    // A read-only install runs uncached; nothing to report, nothing left behind.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Not even that: the run's result stands.
    }
  }
});
