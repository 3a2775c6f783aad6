#!/usr/bin/env node
// `npm run build`, after tsc: the CLI and the render worker each bundled (esbuild) into one CommonJS file under
// dist/bundle/, which bin/letter.js and the worker pool load when present, then a V8 code cache for each, made by
// building the example letter once. One file instead of ~400 modules saves the module resolution and loading a cold
// `letter build` spends most of its start on; the code cache saves compiling what that run executes.
// The tsc output (dist/**) stays the library API (package.json "exports") and the fallback when dist/bundle is absent.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist', 'bundle');
const require = createRequire(import.meta.url);

/**
 * Keeps dependencies working from inside the bundle. pdfkit reads its sRGB profile (PDF/A) beside its own file and
 * loads standard fonts through a require made from its own URL; fontkit loads brotli (WOFF2 only) eagerly.
 */
const fixups = {
  name: 'letter-fixups',
  setup(b) {
    b.onLoad({ filter: /pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, ({ path }) => ({
      contents: replaceOnce(
        replaceOnce(
          readFileSync(path, 'utf8'),
          'createRequire(import.meta.url)',
          "createRequire(require.resolve('pdfkit'))",
          path,
        ),
        // AES is for encrypted PDFs, which letter never writes: @noble/ciphers builds its tables (~1.5 % of W1)
        // only if a document is encrypted.
        "import { cbc, ecb } from '@noble/ciphers/aes';",
        "const cbc = (...args) => require('@noble/ciphers/aes').cbc(...args);\n" +
          "const ecb = (...args) => require('@noble/ciphers/aes').ecb(...args);",
        path,
      ),
      loader: 'js',
    }));
    b.onLoad({ filter: /dist[\\/]pipeline[\\/]render-pool\.js$/ }, ({ path }) => ({
      // piscina stays outside the bundle (it starts threads from its own files): required, not imported.
      contents: readFileSync(path, 'utf8').replace("await import('piscina')", "require('piscina')"),
      loader: 'js',
    }));
    b.onLoad({ filter: /fontkit[\\/]dist[\\/]module\.mjs$/ }, ({ path }) => ({
      // WOFF2 fonts are never read (fonts/ holds TTFs): brotli's 1.4 MB module is required only if one is.
      contents: lazyTries(
        readFileSync(path, 'utf8').replace(
          'import $52ZIf$brotlidecompressjs from "brotli/decompress.js";',
          'const $52ZIf$brotlidecompressjs = (...args) => require("brotli/decompress.js")(...args);',
        ),
        path,
        3,
      ),
      loader: 'js',
    }));
    b.onLoad({ filter: /unicode-properties[\\/]dist[\\/]module\.mjs$/ }, ({ path }) => ({
      contents: lazyTries(readFileSync(path, 'utf8'), path, 1),
      loader: 'js',
    }));
  },
};

/** `text` with `from` replaced by `to`; the build fails if `from` is not there once (the library changed). */
function replaceOnce(text, from, to, file) {
  if (text.split(from).length !== 2) throw new Error(`bundle: ${file}: '${from}' not found once`);
  return text.replace(from, () => to);
}

/**
 * Unicode data tries built when first asked, not when the module loads. fontkit builds three at load for its Arabic,
 * Indic and Universal shapers, which a ko/en/zh letter never uses, and unicode-properties one for character
 * categories and scripts: each inflates and decodes a few hundred KB at every start (~10 % of the module top levels).
 * `const T = new UnicodeTrie(DATA);`, with T used only as `T.get(codePoint)`, becomes an object whose `get` builds the
 * same trie on first call. Refused (build fails) if the library's text is not as expected, rather than bundled unlazily.
 */
function lazyTries(text, file, expected) {
  const made = /^const (\$\w+\$var\$trie) = new (\(0, \$\w+\$unicodetrie\))\((.*)\);$/gm;
  let count = 0;
  const lazy = text.replace(made, (_line, name, trie, data) => {
    const uses = text.split(name).length - 1;
    const gets = text.split(`${name}.get(`).length - 1;
    if (uses !== gets + 1) throw new Error(`bundle: ${file}: ${name} is used other than by .get()`);
    count += 1;
    return `let ${name}$built; const ${name} = { get: (codePoint) => (${name}$built ??= new ${trie}(${data})).get(codePoint) };`;
  });
  if (count !== expected)
    throw new Error(`bundle: ${file}: ${count} Unicode tries found, ${expected} expected`);
  return lazy;
}

/**
 * The bundle with every non-ASCII character written as \uXXXX (one escape per UTF-16 unit), so that code-cache.cjs can
 * read it as latin1 and V8 holds and scans a one-byte string (~2 MB of source read ~3x faster; W1 A/B in git log).
 * esbuild escapes strings and identifiers but leaves regular expression literals as written (/[’‘`]/, /(올립니다)/);
 * there the escape means the same character, with or without the u flag (a surrogate pair of escapes is one code point
 * under u). An escape after a backslash would change what the backslash escapes: refused rather than guessed.
 */
function asciiOnly(code, name) {
  const escaped = code.replace(/[^\0-\x7f]/g, (ch, at) => {
    if (code[at - 1] === '\\') throw new Error(`bundle: ${name}: escaped non-ASCII character at ${at}`);
    return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  if (!/^[\0-\x7f]*$/.test(escaped)) throw new Error(`bundle: ${name} is not ASCII`);
  return escaped;
}

rmSync(OUT, { recursive: true, force: true });
// esbuild is a devDependency: without it (an install that omits them) the CLI runs from the tsc output, as before.
const esbuild = await import('esbuild').catch(() => undefined);
if (!esbuild) {
  console.error('bundle: esbuild is not installed; the CLI will run from dist/ unbundled');
  process.exit(0);
}
mkdirSync(join(OUT, 'data'), { recursive: true });
await esbuild.build({
  entryPoints: {
    letter: join(ROOT, 'dist', 'cli', 'main.js'),
    worker: join(ROOT, 'dist', 'pipeline', 'render-worker.js'),
  },
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // ESM builds first: some packages' CommonJS builds (jsonc-parser's UMD) require files esbuild cannot follow.
  mainFields: ['module', 'main'],
  // piscina starts its threads from its own files; brotli is required lazily (see fixups).
  external: ['piscina', 'brotli', 'brotli/*'],
  // dist/bundle/ is two levels below the package like every dist/<dir>/<module>.js, so paths made from
  // `import.meta.dirname` (fonts/, locales/, schema/) resolve the same from the bundle.
  define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__letter_module_url' },
  banner: { js: "const __letter_module_url = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [fixups],
  legalComments: 'none',
  // Half the bytes to read and hash at every start (4.3 → 2.1 MB): W1's CPU A/B 0.93 (BENCHMARKS.md). Names are kept:
  // messages and stack traces of a bug report still say which function.
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  // pdfkit resolves files of its own package at run time: the bundle's require does that.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
// import() of a Node built-in stays an import() in CommonJS output, and a script run from V8's code cache has no
// dynamic import callback on Node 20: require the built-in instead (its named exports are the same).
for (const name of ['letter.cjs', 'worker.cjs']) {
  const file = join(OUT, name);
  const code = readFileSync(file, 'utf8').replace(
    /\bimport\("(node:[\w/]+)"\)/g,
    'Promise.resolve(require("$1"))',
  );
  const left = code.match(/\bimport\("[^".][^"]*"\)/g);
  if (left) throw new Error(`bundle: ${name} still imports ${left.join(', ')} at run time`);
  writeFileSync(file, asciiOnly(code, name));
}

// The pool's worker file (render-pool.ts looks for render-worker.js beside the module that starts the pool): the bundled
// worker with its code cache.
writeFileSync(
  join(OUT, 'render-worker.js'),
  `// Built by scripts/bundle.mjs: the render worker of the bundled CLI, loaded with its code cache.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const { loadBundle } = createRequire(import.meta.url)('../../bin/code-cache.cjs');
const { exports, save } = loadBundle(fileURLToPath(new URL('./worker.cjs', import.meta.url)));

export default async function renderInWorker(task) {
  const result = await exports.default(task);
  save();
  return result;
}
`,
);
const pdfkitData = join(dirname(require.resolve('pdfkit')), 'data');
copyFileSync(join(pdfkitData, 'sRGB_IEC61966_2_1.icc'), join(OUT, 'data', 'sRGB_IEC61966_2_1.icc'));

// The code caches: one build of the example in every format, on the worker pool too, with caching asked for.
const scratch = mkdtempSync(join(tmpdir(), 'letter-bundle-'));
try {
  const run = (args) => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'letter.js'), ...args, '--out', scratch, '--quiet'],
      {
        env: { ...process.env, LETTER_WRITE_CODE_CACHE: '1' },
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`bundle: warming the code cache failed:\n${r.stderr}`);
  };
  // The workers' cache from a pool run (both formats); then the main thread's from PDFs rendered in this thread, the
  // common single-letter build: a cache holds what its run compiled, and the last run writes letter.cjs.cache.
  run([
    'build',
    join(ROOT, 'examples', 'open-letter-2023'),
    '--lang',
    'zh,ko,en',
    '--format',
    'pdf,docx',
    '-j',
    '2',
  ]);
  run([
    'build',
    join(ROOT, 'examples', 'open-letter-2023'),
    '--lang',
    'zh,ko,en',
    '--format',
    'pdf',
    '-j',
    '1',
  ]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
writeFileSync(join(OUT, 'README.md'), 'Built by scripts/bundle.mjs (npm run build); do not edit.\n');
