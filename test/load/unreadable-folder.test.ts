/**
 * A folder of the project that the user may not read (a language folder or a templates/ subfolder copied from another
 * account, a shared drive) is an error naming it, exit 2, nothing written; it was an internal error with a stack
 * trace (EACCES from readdir). As root every folder is readable, so the CLI then runs as `nobody` (setpriv), when
 * that user can run it from here.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signaturePng } from '../support/png.js';
import { tempDir } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'letter.js');
const asRoot = process.getuid?.() === 0;

/** The CLI as a user who is not root; undefined when this machine cannot run it so. */
function cliAsUser(args: string[]): { status: number | null; stdout: string; stderr: string } | undefined {
  const command = asRoot
    ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  const r = spawnSync(command[0] as string, command[1] as string[], { encoding: 'utf8' });
  return r.error ? undefined : r;
}

/** Whether this machine runs the CLI as that user (setpriv there, and `nobody` may read the checkout); else the cases skip. */
const runsAsUser = cliAsUser(['--version'])?.status === 0;

/** The example in a folder anyone may read, with `locked` (relative) made unreadable to all but root. */
function projectWithLocked(locked: string): string {
  const root = tempDir('letter-unreadable-');
  chmodSync(root, 0o755);
  const dir = join(root, 'letter');
  cpSync(EXAMPLE, dir, { recursive: true });
  // Writable by the other user, so only the locked folder stands in the way.
  chmodSync(dir, 0o777);
  mkdirSync(join(dir, locked), { recursive: true });
  chmodSync(join(dir, locked), 0o700);
  if (!asRoot) chmodSync(join(dir, locked), 0o000);
  return dir;
}

describe.skipIf(!runsAsUser)('a project folder the user may not read', () => {
  it.each([
    ['a templates/ subfolder', 'templates/drafts'],
    ['a language folder', 'locales/fr'],
  ])('%s: exit 2 naming it, no trace, nothing written', (_, locked) => {
    const dir = projectWithLocked(locked);
    const out = join(dir, 'dist');
    const r = cliAsUser(['build', dir, '-o', out, '-l', 'en', '-f', 'pdf'])!;
    chmodSync(join(dir, locked), 0o755);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${locked}: cannot read the folder ${locked}: EACCES`);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });
});

describe.skipIf(!runsAsUser)('a file the project names that the user may not read', () => {
  it.each([
    [
      'a signature image',
      'assets/signature.png',
      /^letter\.yaml:\d+:\d+: cannot read the signature image: EACCES/m,
    ],
    [
      'a font file',
      'fonts/Own.ttf',
      /^fonts\/fonts\.json:\d+:\d+: fonts\/Own\.ttf \(face 'own', regular\) cannot be read \(EACCES\)/m,
    ],
  ])('%s: exit 2 at the line that names it, no trace, nothing written', (_, file, message) => {
    const dir = projectWithLocked('assets');
    chmodSync(join(dir, 'assets'), 0o755);
    mkdirSync(join(dir, 'fonts'));
    copyFileSync(
      join(import.meta.dirname, '..', '..', 'fonts', 'NotoSerif-Regular.ttf'),
      join(dir, 'fonts', 'Own.ttf'),
    );
    writeFileSync(
      join(dir, 'fonts', 'fonts.json'),
      JSON.stringify({ faces: { own: { family: 'Own', files: { regular: 'Own.ttf' } } } }),
    );
    writeFileSync(join(dir, 'assets', 'signature.png'), signaturePng());
    const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'letter.yaml'),
      yaml.replace('    short: CFNK\n', '    short: CFNK\n    signature: assets/signature.png\n'),
    );
    chmodSync(join(dir, file), asRoot ? 0o600 : 0o000);
    const out = join(dir, 'dist');
    const r = cliAsUser(['build', dir, '-o', out, '-l', 'en', '-f', 'pdf'])!;
    chmodSync(join(dir, file), 0o644);
    expect(r.stderr).toMatch(message);
    // The one problem: the image and the face are sound once readable.
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });
});
