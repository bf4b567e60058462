#!/usr/bin/env node
// Entry point. Loads the bundle (dist/nuanxin.cjs, see scripts/build.mjs) with the
// code V8 compiled for it on an earlier run, so start-up skips parsing and compiling;
// without a usable cache (first run, another Node version, a rebuilt bundle) it
// compiles as usual and leaves a cache for the next run. The bundle sets
// process.exitCode; nothing here exits but a missing build.
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = process.env.NUANXIN_BUNDLE || join(__dirname, '..', 'dist', 'nuanxin.cjs');
const cacheFile = `${bundle}.v8cache`;
const sha256 = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();

let source;
try {
  source = readFileSync(bundle);
} catch (error) {
  process.stderr.write(`nuanxin: ${bundle} is missing (${error.code}); build it with \`npm run build\`\n`);
  process.exit(1);
}

// The cache file is [this bundle on this Node: 32 bytes][its payload's SHA-256: 32 bytes][payload].
// V8 checks only its own version and the source's length, and trusts the rest: a cache of
// another build of the same length would run that build's code, and a damaged one can crash
// V8 outright. So a cache is used only when both hashes hold.
const key = sha256(process.version, process.arch, source);
let cachedData;
try {
  const file = readFileSync(cacheFile);
  const payload = file.subarray(64);
  if (payload.length > 0 && file.subarray(0, 32).equals(key) && sha256(payload).equals(file.subarray(32, 64))) cachedData = payload;
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(source.toString('utf8')), { filename: bundle, cachedData });
const loaded = { exports: {} };
script.runInThisContext()(loaded.exports, Module.createRequire(bundle), loaded, bundle, dirname(bundle));

loaded.exports.main().then(() => {
  if (cachedData && !script.cachedDataRejected) return;
  // After the run, so the cache holds what the command compiled; written whole or not at all.
  const temporary = `${cacheFile}.${process.pid}`;
  try {
    const payload = script.createCachedData();
    writeFileSync(temporary, Buffer.concat([key, sha256(payload), payload]));
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
