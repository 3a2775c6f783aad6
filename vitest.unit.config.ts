import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:unit`: the suite a developer runs after each change. Left out: every test file that calls an external
 * checker (poppler, qpdf, LibreOffice) or the CLI as a process, and the slow families (the bad-input corpus, batches,
 * performance, property-based builds, end-to-end builds). `npm test` still runs everything. Files are chosen by what
 * they call, so a new interop test leaves the unit run by itself.
 */
const SLOW_FOLDERS = ['corpus', 'batch', 'perf', 'property', 'e2e', 'a11y'];
const CALLS_OUT =
  /\b(toolAvailable|libreOfficeUno|docxToPdf|pdfText|letterCli|hasTool|spawnSync|execFileSync|spawn|fork)\b/;
/**
 * Files that each take several seconds of CPU (measured: `npx vitest run --config vitest.unit.config.ts
 * --reporter=json`, per-file durations): whole signed builds, typesetting a batch to count layouts, waiting on
 * file-system events, a batch on two threads, and the exhaustive equality proofs over every text the tool has (each
 * shaper against fontkit glyph for glyph, every letter's Markdown memo against the letter composed alone, a 60,000-key
 * check). They kept the unit run over a minute on two cores (harfbuzz.test.ts alone was 40 % of it); `npm test` runs
 * them.
 */
const SLOW_FILES = [
  'test/sign/signing-clock.test.ts',
  'test/sign/signing-time.test.ts',
  'test/sign/signer-name.test.ts',
  'test/build/typeset-once.test.ts',
  'test/watch/atomic-saves.test.ts',
  'test/hardening/output.test.ts',
  'test/fonts/harfbuzz.test.ts',
  'test/fonts/fast-path.test.ts',
  'test/compose/markdown-memo.test.ts',
  'test/pipeline/threads.test.ts',
  'test/hardening/check-scale.test.ts',
];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const slow = testFiles('test').filter(
  (file) =>
    SLOW_FOLDERS.some((folder) => file.startsWith(join('test', folder))) ||
    SLOW_FILES.includes(file.split('\\').join('/')) ||
    CALLS_OUT.test(readFileSync(file, 'utf8')),
);

// Every core: the files left are in-process work, and vitest keeps one core free by default (63 s against 42 s here).
export default mergeConfig(
  base,
  defineConfig({ test: { exclude: [...slow, 'node_modules/**'], maxWorkers: availableParallelism() } }),
);
