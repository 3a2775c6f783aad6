#!/usr/bin/env node
// The `letter` command. Runs the one-file bundle (dist/bundle/letter.cjs, built by `npm run build`) with its code cache
// when it is there, else the compiled modules (dist/cli/main.js); LETTER_NO_BUNDLE=1 forces the latter.
// CommonJS (bin/package.json): an ES module entry starts Node's ES module loader first, ~10 ms before the bundle loads.
'use strict';

const { existsSync } = require('node:fs');
const { join } = require('node:path');

async function run() {
  const bundle = join(__dirname, '..', 'dist', 'bundle', 'letter.cjs');
  let cli;
  if (existsSync(bundle) && process.env.LETTER_NO_BUNDLE !== '1') {
    const { exports, save } = require('./code-cache.cjs').loadBundle(bundle);
    cli = exports;
    process.exitCode = await cli.main(process.argv);
    save();
  } else {
    cli = await import('../dist/cli/main.js');
    process.exitCode = await cli.main(process.argv);
  }
  // main() has awaited everything it started (files written and renamed, worker threads ended, a watch closed): end
  // the process once stdout and stderr have taken what was written. Left to drain by itself, Node tears down the
  // environment and a heap of ~100 MiB first: W1's time from here to the exit ~100 ms -> ~35 ms of wall on a busy machine.
  // Only the streams the CLI wrote to: Node makes a stream when it is first asked for (a pipe's costs ~0.7 ms).
  await Promise.all(cli.usedStreams().map(flushed));
  process.exit();
}

/** Resolves once everything written to `stream` so far has been handed to the system (a pipe may be asynchronous). */
function flushed(stream) {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}

run();
