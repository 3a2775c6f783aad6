/** Writing outputs: atomically (temporary name, then rename), inside the output folder only, and the manifest. */

import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  type Dirent,
  type Stats,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  existsSync,
  lstatSync,
  readdirSync,
  readlinkSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { LetterError, problem, shown } from '../diag/index.js';
import { assertNoLinkOnTheWay } from './guard.js';

export * from './manifest.js';
export { checkOutputPaths, outputPathProblems, type OutputPlan } from './guard.js';

/** The file system calls a write makes; a test passes one that fails (a full disk) to see the diagnostics. */
export interface WriteFs {
  readonly mkdirSync: typeof mkdirSync;
  readonly writeFileSync: typeof writeFileSync;
  readonly renameSync: typeof renameSync;
  readonly rmSync: typeof rmSync;
}

// Node's own calls, named one by one: a namespace import of node:fs became, in the bundle, a copy of its hundred-odd
// exports made at the module's start (esbuild's interop).
const nodeFs: WriteFs = { mkdirSync, writeFileSync, renameSync, rmSync };

/** Writes `bytes` to `outDir/rel` so that a reader never sees a half-written file under the final name. */
export function writeAtomic(outDir: string, rel: string, bytes: Uint8Array, fs: WriteFs = nodeFs): string {
  const target = resolve(outDir, rel);
  const back = relative(resolve(outDir), target);
  if (!back || back.startsWith('..') || isAbsolute(back) || rel.includes('\0')) {
    throw new LetterError(
      problem(
        'unsafe-path',
        `output name '${rel.replace(/\0/g, '\\0')}' would leave the output folder`,
        {},
        'use ids made of lowercase letters, digits, "-" and "_"',
      ),
    );
  }
  assertNoLinkOnTheWay(resolve(outDir), target);
  makeFolder(dirname(target), fs);
  // The temporary name starts with a dot and carries the pid, so concurrent builds and half-written files never meet.
  // Its own name is cut short: a temporary must fit the file system's 255 bytes wherever its file does. (hrtime, as the
  // global `performance` loads perf_hooks, ten modules, ~1.5 ms of a one-letter build.)
  const temp = join(
    dirname(target),
    `.${process.pid}.${process.hrtime.bigint().toString(36)}.tmp-${basename(target).slice(0, 80)}`,
  );
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  return target;
}

/**
 * Creates `dir` and the folders above it that are missing, one mkdir each, adding each it makes to `made` as it goes
 * (so a caller that removes them again has them even when a later one fails: removeFolders). Node's recursive mkdir never returns where mkdir
 * answers ENOENT under a folder that exists (a folder in /proc): it creates the parent again, forever.
 */
export function makeFolder(dir: string, fs: WriteFs = nodeFs, made: string[] = []): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const folder of missing) {
    try {
      fs.mkdirSync(folder);
      made.push(folder);
    } catch (e) {
      // Another thread of the build made it meanwhile.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statOrMissing(folder)?.isDirectory()) throw e;
    }
  }
}

/**
 * Fails with a usage error (exit 2) when the output folder cannot be used: it is a file, a folder above it is a file,
 * or it (or the nearest folder that exists above it) is not writable, or a missing one cannot be made. Leaves nothing
 * behind (a missing output folder is made and removed again), so a build stopped later by bad input has written
 * nothing. `shownAs` is the folder as the user gave it (`-o`).
 */
export function checkOutputFolder(outDir: string, shownAs: string): void {
  const fail = (message: string, hint: string): never => {
    throw new LetterError(problem('usage', message, {}, hint));
  };
  const target = resolve(outDir);
  let existing = target;
  for (;;) {
    const stat = statOrMissing(existing);
    if (stat?.isDirectory()) break;
    if (!stat && isLink(existing)) {
      // The output folder itself may not be a link at all (write/guard.ts): making its target would not help.
      if (existing === target)
        fail(
          `the output folder '${shownAs}' is a symbolic link (to ${readlinkSync(existing)}, which does not exist): letter writes only into a real folder`,
          'remove the link, or give -o another folder',
        );
      fail(
        `cannot create the output folder '${shownAs}': ${existing} is a link to ${readlinkSync(existing)}, which does not exist`,
        'create the folder the link points to, remove the link, or give -o another folder',
      );
    }
    if (stat) {
      if (existing === target)
        fail(
          `the output folder '${shownAs}' is a file`,
          'give -o a folder (it is created if missing), or move the file away',
        );
      fail(
        `cannot create the output folder '${shownAs}': ${existing} is a file`,
        'give -o a folder whose parents are folders',
      );
    }
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    const what =
      existing === target
        ? `the output folder '${shownAs}' is not writable`
        : `cannot create the output folder '${shownAs}': ${existing} is not writable`;
    fail(what, 'give -o a folder you can write to, or change its permissions');
  }
  if (existing !== target) probeFolders(target, existing, shownAs, fail);
}

/**
 * Makes the folders from `existing` down to `outDir` and removes them again: permissions are not the only reason a
 * folder cannot be made (a read-only or special file system such as /proc, a full disk, a name too long), and a build
 * that found out only when writing had rendered every document for nothing (exit 1, and hints saying the documents were
 * written). Nothing is left behind either way.
 */
function probeFolders(
  outDir: string,
  existing: string,
  shownAs: string,
  fail: (message: string, hint: string) => never,
): void {
  const made: string[] = [];
  try {
    makeFolder(outDir, nodeFs, made);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    fail(
      `cannot create the output folder '${shownAs}' in ${existing} (${code})`,
      'give -o a folder on a file system you can write to',
    );
  } finally {
    removeFolders(made);
  }
}

/**
 * Removes the folders makeFolder made (`made`, in the order it made them), deepest first. One that is not empty
 * (something else was put in it) or already gone is left as it is.
 */
export function removeFolders(made: readonly string[]): void {
  for (const folder of [...made].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Left in place.
    }
  }
}

/**
 * Removes OUT/manifest.json before a build writes its first document, so that a build stopped midway leaves no manifest
 * describing the files it replaced. True when there was one.
 */
export function removeManifest(outDir: string): boolean {
  const path = join(outDir, 'manifest.json');
  if (!existsSync(path)) return false;
  // A file is unlinked: rmSync goes through Node's rimraf (a module loaded at its first use, ~1 M instructions). Anything
  // else (a folder of that name) is left to rmSync as before, which refuses it the same way.
  try {
    unlinkSync(path);
  } catch {
    rmSync(path, { force: true });
  }
  return true;
}

/**
 * Removes temporary files an interrupted build left behind (SIGKILL gives no chance to clean up). A temporary of a
 * build still running (its pid is alive) is left alone, so two builds into one folder do not break each other.
 */
export function removeStaleTemporaries(outDir: string): void {
  if (!existsSync(outDir)) return;
  // Temporaries lie beside the files a build writes: in OUT (the manifest), OUT/<id> and OUT/<office>/<role>. The
  // walk goes no deeper, and passes over a folder it cannot read: given a folder of other things (-o ~), it read the
  // whole tree, and a folder in it that the user may not read stopped the build with an internal error (EACCES).
  const walk = (folder: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_ID_DEPTH) walk(path, depth + 1);
        continue;
      }
      const m = /^\.(\d+)\.[0-9a-z]+\.tmp-/.exec(entry.name);
      if (!entry.isFile() || !m) continue;
      // A temporary lives for one write; an old one is stale even if its pid now belongs to another process.
      if (!isRunning(Number(m[1])) || Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS)
        rmSync(path, { force: true });
    }
  };
  walk(outDir, 0);
}

/** Folders an output file lies below OUT: a recipient id is one folder, or two (`cn/government`). */
const MAX_ID_DEPTH = 2;

/** The path's stat, or undefined when it does not exist; ENOTDIR (a file on the way) counts as missing here. */
function statOrMissing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    // A loop of links, a folder on the way that cannot be entered, a name too long: the user's path, not a bug.
    throw new LetterError(
      problem(
        'usage',
        `cannot use the output folder '${shown(path)}': ${code ?? (e as Error).message}`,
        {},
        'give -o a folder you can write to',
      ),
    );
  }
}

const STALE_AFTER_MS = 10 * 60 * 1000;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false; // this build has not started writing yet
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes OUT/manifest.json; a failure (a full disk, a folder in its place, no permission) is a diagnostic (exit 1: the
 * documents are written, the manifest that would list them is not), never an internal error.
 */
export function writeManifest(outDir: string, json: string, fs: WriteFs = nodeFs): string {
  try {
    return writeAtomic(outDir, 'manifest.json', new TextEncoder().encode(json), fs);
  } catch (e) {
    if (e instanceof LetterError) throw e;
    throw new LetterError(
      problem(
        'write-failed',
        `cannot write ${join(outDir, 'manifest.json')}: ${writeFailure(e)}`,
        {},
        'the documents are written but no manifest lists them: fix the cause and build again',
      ),
    );
  }
}

/**
 * Writes a file the user named (`letter manifest merge -o FILE`) as writeAtomic does, creating its folder. A folder in
 * its place is a usage error, and a failed write a diagnostic, never an internal error.
 */
export function writeNamedFile(file: string, text: string): string {
  const target = resolve(file);
  if (statOrMissing(target)?.isDirectory())
    throw new LetterError(
      problem(
        'usage',
        `'${shown(file)}' is a folder`,
        { value: file },
        `give -o the path of a file, e.g. ${shown(join(file, 'manifest.json'))}`,
      ),
    );
  try {
    return writeAtomic(dirname(target), basename(target), new TextEncoder().encode(text));
  } catch (e) {
    if (e instanceof LetterError) throw e;
    throw new LetterError(
      problem(
        'write-failed',
        `cannot write '${shown(file)}': ${writeFailure(e)}`,
        { value: file },
        'give -o a file in a folder you can write to',
      ),
    );
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** An error of a write, as a user can act on it: `no space left on the device (ENOSPC)`. */
export function writeFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is used up',
    EISDIR: 'a folder is in the way',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENAMETOOLONG: 'the name is too long for the file system',
    EIO: 'an input/output error of the device',
    ENOTDIR: 'a file is where a folder should be',
    ENOENT: 'a folder on the way cannot be made there',
    EEXIST: 'a file or a link to nothing has that name',
  };
  return code && known[code] ? `${known[code]} (${code})` : (e as Error).message;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
