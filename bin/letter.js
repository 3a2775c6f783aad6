#!/usr/bin/env node
// The `letter` command. Runs the one-file bundle (dist/bundle/letter.cjs, built by `npm run build`) with its code cache
// when it is there, else the compiled modules (dist/cli/main.js); LETTER_NO_BUNDLE=1 forces the latter.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/bundle/letter.cjs', import.meta.url);
if (existsSync(bundle) && process.env.LETTER_NO_BUNDLE !== '1') {
  const { loadBundle } = createRequire(import.meta.url)('./code-cache.cjs');
  const { exports, save } = loadBundle(fileURLToPath(bundle));
  process.exitCode = await exports.main(process.argv);
  save();
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv);
}
// main() has awaited everything it started (files written and renamed, worker threads ended, a watch closed): end the
// process once stdout and stderr have taken what was written. Left to drain by itself, Node tears down the environment
// and a heap of ~100 MiB first: W1's time from here to the exit ~100 ms -> ~35 ms of wall on a busy machine.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit();

/** Resolves once everything written to `stream` so far has been handed to the system (a pipe may be asynchronous). */
function flushed(stream) {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}
