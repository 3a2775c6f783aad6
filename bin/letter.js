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
