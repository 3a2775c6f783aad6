#!/usr/bin/env node
// `npm ci`/`npm install` run `prepare`: the build (tsc, validators, bundle and code cache), unless the one already in
// dist/ was made by this script from inputs no newer than it. npm runs `prepare` again whenever `npx letter` installs
// the project into its own cache (the README's first command, on a fresh clone): without this check that first
// command rebuilt the whole project (10-25 s) before drawing anything. `npm run build` always builds.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const STAMP = join(ROOT, 'dist', '.prepared');
// What the build reads: our sources and build scripts, the schema, the tool's locale files and templates (checked by
// the build instead of at every run: scripts/validators.mjs), and the installed dependencies (npm rewrites
// node_modules/.package-lock.json whenever it changes them).
const INPUTS = [
  'src',
  'scripts',
  'schema',
  'locales',
  'templates',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'node_modules/.package-lock.json',
];

/** The newest modification time under `path` (a file or a folder, walked), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const changed = Math.max(...INPUTS.map((input) => newest(join(ROOT, input))));
if (built > 0 && changed <= built) {
  console.error(
    'prepare: dist/ is up to date with src/ and node_modules/; not rebuilding (npm run build forces it)',
  );
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(STAMP, `built by scripts/prepare.mjs at ${new Date().toISOString()}\n`);
