/**
 * A folder letter must create that cannot be made where the user asked (under a file, under a link to nothing, in a
 * file system that refuses it): one error naming it, exit 2, nothing left behind; never an internal error with a
 * stack trace, and never a process that does not return (Node's recursive mkdir retries forever where mkdir answers
 * ENOENT under a folder that exists, as in /proc).
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder, removeStaleTemporaries } from '../../src/write/index.js';
import { letterCli, tempDir } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'letter.js');

/** No trace, no internal error: the user's path, told as such. */
function expectRefusal(r: { status: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe('letter init where its folder cannot be made', () => {
  it('under a file: exit 2 naming the cause, nothing created', () => {
    const dir = tempDir('letter-init-file-');
    writeFileSync(join(dir, 'notes'), 'x');
    expectRefusal(
      letterCli(['init', join(dir, 'notes', 'letter')]),
      /a file is where a folder should be \(ENOTDIR\)/,
    );
    expect(readdirSync(dir)).toEqual(['notes']);
  });

  it('under a link to a folder that does not exist: exit 2, nothing created, the link kept', () => {
    const dir = tempDir('letter-init-link-');
    symlinkSync(join(dir, 'gone'), join(dir, 'link'));
    expectRefusal(letterCli(['init', join(dir, 'link', 'letter')]), /cannot write the new project in/);
    expect(readdirSync(dir)).toEqual(['link']);
  });

  it.skipIf(!existsSync('/proc/self'))(
    'where mkdir answers ENOENT under a folder that exists (/proc): exit 2, and the command returns',
    () => {
      const r = spawnSync(process.execPath, [BIN, 'init', '/proc/letter-init-test'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.error).toBeUndefined();
      expectRefusal(r, /cannot write the new project in '\/proc\/letter-init-test'/);
    },
  );
});

describe('letter build -o under a link to a folder that does not exist', () => {
  it('is a usage error naming the link before anything renders (exit 2), not a failed write of every document', () => {
    const dir = tempDir('letter-out-link-');
    symlinkSync(join(dir, 'gone'), join(dir, 'link'));
    const r = letterCli([
      'build',
      EXAMPLE,
      '-o',
      join(dir, 'link', 'out'),
      '--lang',
      'en',
      '--format',
      'pdf',
    ]);
    expectRefusal(r, /cannot create the output folder .*link is a link to .*gone, which does not exist/);
    expect(readdirSync(dir)).toEqual(['link']);
  });
});

describe('letter build -o where its folder cannot be made', () => {
  it.skipIf(!existsSync('/proc/self'))(
    'in a file system that refuses it (/proc): exit 2 before anything renders, and the command returns',
    () => {
      const r = spawnSync(
        process.execPath,
        [BIN, 'build', EXAMPLE, '-o', '/proc/letter-build-test/out', '--lang', 'en', '--format', 'pdf'],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(r.error).toBeUndefined();
      expectRefusal(
        r,
        /cannot create the output folder '\/proc\/letter-build-test\/out' in \/proc \(ENOENT\)/,
      );
      // Refused before rendering: no document was attempted, so no hint says any was written.
      expect(r.stderr).not.toContain('written');
    },
  );

  it('a missing output folder that can be made is made by the build, and the probe leaves nothing when it fails', () => {
    const dir = tempDir('letter-out-made-');
    writeFileSync(join(dir, 'file'), 'x');
    expectRefusal(
      letterCli(['build', EXAMPLE, '-o', join(dir, 'file', 'out'), '--lang', 'en', '--format', 'pdf']),
      /the output folder|cannot create the output folder/,
    );
    expect(readdirSync(dir)).toEqual(['file']);
    const r = letterCli([
      'build',
      EXAMPLE,
      '-o',
      join(dir, 'a', 'b'),
      '--lang',
      'en',
      '--format',
      'pdf',
      '--quiet',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'a', 'b')).sort()).toEqual(['cn', 'manifest.json']);
  });
});

describe('letter build -o that is itself a link to nothing', () => {
  it('says the output folder may not be a link (the advice the guard gives once the target exists), exit 2', () => {
    const dir = tempDir('letter-out-self-link-');
    symlinkSync(join(dir, 'gone'), join(dir, 'out'));
    const r = letterCli(['build', EXAMPLE, '-o', join(dir, 'out'), '--lang', 'en', '--format', 'pdf']);
    expectRefusal(r, /the output folder .*out' is a symbolic link \(to .*gone, which does not exist\)/);
    expect(r.stderr).toContain('remove the link, or give -o another folder');
    expect(r.stderr).not.toContain('create the folder the link points to');
  });
});

describe('makeFolder', () => {
  it('creates the missing folders one by one and accepts those that exist', () => {
    const dir = tempDir('letter-make-folder-');
    mkdirSync(join(dir, 'a'));
    makeFolder(join(dir, 'a', 'b', 'c'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
    makeFolder(join(dir, 'a', 'b', 'c'));
  });
});

describe('the stale temporaries a build removes from its output folder', () => {
  it('are looked for only where a build writes (OUT, OUT/<id>, OUT/<a>/<b>), not in the whole tree below', () => {
    // -o given a folder of other things (-o ~): the build read all of it, and stopped with an internal error (EACCES)
    // at the first folder in it that the user could not read.
    const out = tempDir('letter-stale-temporaries-');
    const stale = (...path: string[]) => {
      mkdirSync(join(out, ...path.slice(0, -1)), { recursive: true });
      writeFileSync(join(out, ...path), 'cut short');
      return join(out, ...path);
    };
    // pid 2147483646 runs no process: each is a temporary of a build that was killed.
    const mine = [
      stale('.2147483646.zz.tmp-manifest.json'),
      stale('fr', '.2147483646.zz.tmp-letter.en.pdf'),
      stale('cn', 'government', '.2147483646.zz.tmp-letter.en.pdf'),
    ];
    const deeper = stale('photos', '2024', 'june', '.2147483646.zz.tmp-not-ours');
    removeStaleTemporaries(out);
    for (const file of mine) expect(existsSync(file), file).toBe(false);
    expect(existsSync(deeper)).toBe(true);
  });
});
