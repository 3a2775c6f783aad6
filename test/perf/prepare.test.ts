/**
 * `prepare` (npm ci, and every `npx letter` on a fresh clone, which installs the project into npx's cache) builds only
 * when dist/ is older than what it is built from: the README's first command must not rebuild the project.
 */

import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tools.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A project with the real prepare script whose `build` only leaves a mark. */
function project(): string {
  const dir = tempDir('letter-prepare-');
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(ROOT, 'scripts', 'prepare.mjs'), join(dir, 'scripts', 'prepare.mjs'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'p', scripts: { build: "node -e \"require('fs').writeFileSync('built', '')\"" } }),
  );
  writeFileSync(join(dir, 'src', 'index.ts'), 'export {};\n');
  return dir;
}

const prepare = (dir: string) =>
  spawnSync(process.execPath, [join(dir, 'scripts', 'prepare.mjs')], { cwd: dir, encoding: 'utf8' });
const past = (path: string, seconds: number) =>
  utimesSync(path, new Date(Date.now() - seconds * 1000), new Date(Date.now() - seconds * 1000));

describe('npm prepare', () => {
  it('is the script that skips an up-to-date build', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.prepare).toBe('node scripts/prepare.mjs');
    expect(pkg.scripts.build).toContain('tsc');
  });

  it('builds a fresh clone, skips when nothing changed since, and builds again after a source changes', () => {
    const dir = project();
    expect(prepare(dir).status).toBe(0);
    expect(existsSync(join(dir, 'built'))).toBe(true);
    expect(existsSync(join(dir, 'dist', '.prepared'))).toBe(true);

    rmSync(join(dir, 'built'));
    for (const file of ['package.json', 'src/index.ts', 'src', 'scripts', 'scripts/prepare.mjs'])
      past(join(dir, file), 60);
    const skipped = prepare(dir);
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toContain('not rebuilding');
    expect(existsSync(join(dir, 'built'))).toBe(false);

    writeFileSync(join(dir, 'src', 'index.ts'), 'export const changed = 1;\n');
    expect(prepare(dir).status).toBe(0);
    expect(existsSync(join(dir, 'built'))).toBe(true);
  });

  it("builds again after one of the tool's locale files changes (the build checks them, the run does not)", () => {
    const dir = project();
    mkdirSync(join(dir, 'locales', 'en'), { recursive: true });
    writeFileSync(join(dir, 'locales', 'en', 'labels.json'), '{}\n');
    expect(prepare(dir).status).toBe(0);
    rmSync(join(dir, 'built'));
    for (const file of ['package.json', 'src/index.ts', 'src', 'scripts', 'scripts/prepare.mjs'])
      past(join(dir, file), 60);
    for (const file of ['locales', 'locales/en', 'locales/en/labels.json']) past(join(dir, file), 60);
    expect(prepare(dir).stderr).toContain('not rebuilding');
    writeFileSync(join(dir, 'locales', 'en', 'labels.json'), '{ "a": "$t(a)" }\n');
    expect(prepare(dir).status).toBe(0);
    expect(existsSync(join(dir, 'built'))).toBe(true);
  });
});
