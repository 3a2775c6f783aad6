/** Loads a CommonJS bundle of dist/bundle/ with V8's code cache for it (`FILE.cache`) when one is there. */
'use strict';

const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

/** What a bundle file starts and ends with: the function Node's CommonJS loader would wrap the module in. */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

/**
 * Runs the bundle `file` as a CommonJS module and returns its exports; `variant` names the cache made under other V8
 * flags (FILE.VARIANT.cache). The cache is written only when asked for
 * (LETTER_WRITE_CODE_CACHE=1, by scripts/bundle.mjs) through `save()`, once the work it should cover has run: a cache
 * made after a build holds the functions that build compiled, not only the top level. A cache V8 rejects (another
 * Node version or other V8 flags) is ignored: the bundle compiles as it would without one.
 */
function loadBundle(file, variant) {
  // A cache made under other V8 flags is rejected: a worker started with TurboFan off (src/pipeline/engine.ts) loads
  // the one made so (`worker.cjs.no-turbofan.cache`).
  const cacheFile = variant ? `${file}.${variant}.cache` : `${file}.cache`;
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // scripts/bundle.mjs writes the bundles in ASCII only: read as latin1, V8 keeps a one-byte string (utf8 decoding
  // and a two-byte source cost ~10 ms more at every start). It writes them inside the CommonJS wrapper too: the string
  // Node reads (held outside V8's heap) is then compiled as it is, where wrapping it here made V8 copy ~1.6 MB into
  // one flat string first.
  const source = readFileSync(file, 'latin1');
  if (!source.startsWith(WRAPPER_HEAD) || !source.endsWith(WRAPPER_TAIL))
    throw new Error(`${file} is not a bundle made by this version's npm run build: run it again`);
  const script = new vm.Script(source, {
    filename: file,
    // import() of a package left outside the bundle goes through Node's own loader, as from any module.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const save = () => {
    if (process.env.LETTER_WRITE_CODE_CACHE !== '1') return;
    const temporary = `${cacheFile}.${process.pid}.${require('node:worker_threads').threadId}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  };
  // `cached`: whether V8 took the cache (false when there is none or it was rejected).
  return { exports: module.exports, save, cached: Boolean(cachedData) && !script.cachedDataRejected };
}

module.exports = { loadBundle, WRAPPER_HEAD, WRAPPER_TAIL };
