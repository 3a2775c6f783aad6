/**
 * A signature image or a font file named by a path that leads nowhere usable (through a file, a loop of links, to a
 * folder or a named pipe) is an error at its line in letter.yaml or fonts/fonts.json, exit 2, nothing written; never an
 * internal error with a stack trace (ENOTDIR, ELOOP, EISDIR from stat and read), nor a check that never returns (a
 * pipe opened as a font waits for a writer).
 */

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'letter.js');

function project(): string {
  const dir = join(tempDir('letter-unusable-path-'), 'letter');
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

function withSignature(dir: string, path: string): void {
  const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'letter.yaml'),
    yaml.replace('    short: CFNK\n', `    short: CFNK\n    signature: ${path}\n`),
  );
}

function withFace(dir: string, file: string): void {
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  writeFileSync(
    join(dir, 'fonts', 'fonts.json'),
    JSON.stringify({ faces: { own: { family: 'Own', files: { regular: file } } } }),
  );
}

/** `letter build` of the project, guarded so that a build that never returns fails the test instead of hanging it. */
function buildOf(dir: string) {
  const out = join(dir, 'dist');
  const r = spawnSync(process.execPath, [BIN, 'build', dir, '-o', out, '-l', 'en', '-f', 'pdf'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.error).toBeUndefined();
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.status, r.stderr).toBe(2);
  expect(existsSync(out)).toBe(false);
  return r.stderr;
}

describe('a signature image path that leads nowhere usable', () => {
  it('through a file (letter.yaml/x.png) is not found, at its line', () => {
    const dir = project();
    withSignature(dir, 'letter.yaml/x.png');
    expect(buildOf(dir)).toMatch(/^letter\.yaml:\d+:\d+: signature image 'letter\.yaml\/x\.png' not found/m);
  });

  it('through a loop of links is told by its code, at its line', () => {
    const dir = project();
    symlinkSync('loop', join(dir, 'loop'));
    withSignature(dir, 'loop/x.png');
    expect(buildOf(dir)).toMatch(
      /^letter\.yaml:\d+:\d+: cannot read the signature image 'loop\/x\.png': ELOOP/m,
    );
  });
});

describe('a font file in fonts/fonts.json that is no file', () => {
  it('a folder is told as one, at its key', () => {
    const dir = project();
    withFace(dir, 'sub');
    mkdirSync(join(dir, 'fonts', 'sub'));
    expect(buildOf(dir)).toMatch(
      /^fonts\/fonts\.json:\d+:\d+: fonts\/sub \(face 'own', regular\) is a folder/m,
    );
  });

  it('a named pipe is told as not a file, and the build returns', () => {
    const dir = project();
    withFace(dir, 'pipe.ttf');
    const made = spawnSync('mkfifo', [join(dir, 'fonts', 'pipe.ttf')]);
    if (made.error || made.status !== 0) return;
    expect(buildOf(dir)).toMatch(/fonts\/pipe\.ttf \(face 'own', regular\) is not a file/);
  });
});
