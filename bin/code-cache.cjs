/** Loads a CommonJS bundle of dist/bundle/ with V8's code cache for it (`FILE.cache`) when one is there. */
'use strict';

const {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  renameSync,
  writeFileSync,
} = require('node:fs');
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
  const { script, cached } = compile(file, existsSync(cacheFile) ? cacheFile : undefined);
  const module = { exports: {} };
  // The bundle's require is this module's: bin/ and dist/bundle/ are in one package, so it resolves the same packages
  // (and builtins) as one made for the bundle's file would, without loading Node's `module` (see scripts/bundle.mjs).
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  const save = () => {
    if (process.env.LETTER_WRITE_CODE_CACHE !== '1') return;
    const temporary = `${cacheFile}.${process.pid}.${require('node:worker_threads').threadId}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  };
  return { exports: module.exports, save, cached };
}

/**
 * The bundle compiled, with its code cache when there is one; `cached`: whether V8 took the cache (false when there is
 * none or it was rejected). A function of its own so that the buffer the cache was read into is unreachable once it
 * returns, before the bundle runs: held by loadBundle's frame while the bundle's top level ran, it outlived the young
 * generation's collections there into the old one, where its 2.2 MB counted as external memory against the old
 * generation's limit until a mark-compact (W1 makes none).
 */
function compile(file, cacheFile) {
  const { source, cachedData } = readBundle(file, cacheFile);
  if (!source.startsWith(WRAPPER_HEAD) || !source.endsWith(WRAPPER_TAIL))
    throw new Error(`${file} is not a bundle made by this version's npm run build: run it again`);
  const script = new vm.Script(source, {
    filename: file,
    // import() of a package left outside the bundle goes through Node's own loader, as from any module.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    ...(cachedData ? { cachedData } : {}),
  });
  return { script, cached: Boolean(cachedData) && !script.cachedDataRejected };
}

/**
 * The bundle's text and its code cache, read through one buffer. scripts/bundle.mjs writes the bundles in ASCII only:
 * read as latin1, V8 keeps a one-byte string (utf8 decoding and a two-byte source cost ~10 ms more at every start). It
 * writes them inside the CommonJS wrapper too: the string Node reads (held outside V8's heap) is then compiled as it
 * is, where wrapping it here made V8 copy ~1.6 MB into one flat string first. The cache is read into the buffer the
 * text was read into, once the text is a string: each page of memory a process touches first costs it a page fault,
 * and these machines take ~12 us for one (W1 made ~540 fewer, ~6 ms).
 */
function readBundle(file, cacheFile) {
  const sourceFd = openSync(file, 'r');
  const cacheFd = cacheFile === undefined ? undefined : openSync(cacheFile, 'r');
  try {
    const sourceSize = fstatSync(sourceFd).size;
    const cacheSize = cacheFd === undefined ? 0 : fstatSync(cacheFd).size;
    const scratch = Buffer.allocUnsafeSlow(Math.max(sourceSize, cacheSize));
    readFully(sourceFd, scratch, sourceSize);
    const source = scratch.toString('latin1', 0, sourceSize);
    if (cacheFd === undefined) return { source, cachedData: undefined };
    readFully(cacheFd, scratch, cacheSize);
    return { source, cachedData: scratch.subarray(0, cacheSize) };
  } finally {
    closeSync(sourceFd);
    if (cacheFd !== undefined) closeSync(cacheFd);
  }
}

/** Reads `size` bytes of `fd` into the start of `into`. */
function readFully(fd, into, size) {
  for (let done = 0; done < size; ) {
    const read = readSync(fd, into, done, size - done, done);
    if (read === 0) throw new Error('a bundle file was cut short while it was read: run npm run build again');
    done += read;
  }
}

module.exports = { loadBundle, WRAPPER_HEAD, WRAPPER_TAIL };
