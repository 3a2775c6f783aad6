#!/usr/bin/env node
// Where a batch's memory goes: `node --expose-gc bench/memory.mjs [--full] [--every N] [--snapshot]` builds W2 (the
// example to 20 recipients, PDF and DOCX) or with --full W3 (195 heads of state, 1,170 documents) through the library's
// build(), one thread, and every N documents prints the resident set beside what is live: the JS heap V8 holds
// (heapTotal) and uses, the heap still in use after a full collection (what the build keeps), and memory outside the
// heap (ArrayBuffers: font files, rendered bytes). Peak RSS far above live heap + external is heap V8 has not yet
// collected (it lets the old generation grow to a multiple of what survived the last full collection) and malloc's.
// The full collections it forces lower the peak itself: the peak of a plain build is /usr/bin/time's (npm run bench).
// --snapshot writes a heap snapshot at the half-way mark (open it in Chrome's DevTools, Memory tab).
// Run `npm run build` first. Not part of `npm test`.

import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { ROOT, TWENTY, exampleTo, headsOfState } from './lib/projects.mjs';

const args = process.argv.slice(2);
const FULL = args.includes('--full');
const EVERY = Number(args[args.indexOf('--every') + 1]) || (FULL ? 100 : 20);
const SNAPSHOT = args.includes('--snapshot');
const gc = globalThis.gc;
if (!gc) console.error('memory: run with node --expose-gc for the live heap after a full collection');

const { build } = await import(join(ROOT, 'dist', 'index.js'));
const project = exampleTo(FULL ? await headsOfState() : TWENTY);
const out = mkdtempSync(join(tmpdir(), 'letter-memory-'));
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0).padStart(5);
// The kernel's own figures: the resident set now and its peak (VmHWM), in KiB.
const status = (field) =>
  Number(/(\d+)/.exec(readFileSync('/proc/self/status', 'utf8').split(`${field}:`)[1])[1]);

console.log('   docs   rss  peak  heapTotal  heapUsed  liveAfterGC  external  arrayBuffers');
const row = (label) => {
  const before = process.memoryUsage();
  gc?.();
  const after = process.memoryUsage();
  console.log(
    `${String(label).padStart(7)} ${mib(before.rss)} ${mib(status('VmHWM') * 1024)}      ${mib(before.heapTotal)}     ${mib(before.heapUsed)}        ${gc ? mib(after.heapUsed) : '  n/a'}     ${mib(after.external)}         ${mib(after.arrayBuffers)}`,
  );
};
let total = 0;
row('start');
const result = await build({
  dir: project,
  out,
  formats: ['pdf', 'docx'],
  env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
  onProgress(event) {
    total = event.total;
    if (event.done % EVERY === 0 || event.done === event.total) row(event.done);
    if (SNAPSHOT && event.done === Math.floor(event.total / 2))
      console.log(`snapshot: ${writeHeapSnapshot()}`);
  },
});
console.log(`${total} documents, exit ${result.exitCode}`);
rmSync(out, { recursive: true, force: true });
rmSync(dirname(project), { recursive: true, force: true });
