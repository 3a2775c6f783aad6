/**
 * Where a build may write, checked before anything renders (exit 2, nothing written): never through a symbolic link
 * (OUT, OUT/<id>) to somewhere else, never into the project's input folders, no name the file system cannot hold.
 */

import { lstatSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LetterError, problem, type Diagnostic } from '../diag/index.js';

/** Longest file name (one path segment) Linux, macOS and Windows file systems hold, in bytes. */
export const MAX_NAME_BYTES = 255;
/** Longest path Linux accepts (PATH_MAX, with its NUL); a temporary name is a little longer than its file's. */
export const MAX_PATH_BYTES = 4095;
/** What a temporary name adds to its file's path (see write/index.ts: `.<pid>.<stamp>.tmp-`). */
const TEMP_OVERHEAD = 40;

export interface OutputPlan {
  /** The output folder, absolute. */
  readonly out: string;
  /** The folder as the user gave it (`-o`), or as the default reads (`dist`). */
  readonly shownAs: string;
  /** Every file a build may write, relative to OUT: documents, `.p7s` files, `manifest.json`. */
  readonly files: readonly string[];
  /** Folders the build reads (the project, locales/, templates/, assets/, fonts/): OUT may not be or lie in one. */
  readonly inputs: readonly { readonly path: string; readonly shown: string }[];
  /** The project folder: OUT may lie in it (`dist`), but may not be it. */
  readonly project: string;
}

/** Every reason the planned outputs cannot be written safely; empty when they can. */
export function outputPathProblems(plan: OutputPlan): Diagnostic[] {
  const usage = (message: string, hint: string) => problem('usage', message, {}, hint);
  const out = resolve(plan.out);
  const problems: Diagnostic[] = [];
  const outStat = lstatOrMissing(out);
  if (outStat?.isSymbolicLink()) {
    return [
      usage(
        `the output folder '${plan.shownAs}' is a symbolic link (to ${realOrDangling(out)}): letter writes only into a real folder, so a project cannot send its files elsewhere`,
        `remove the link, or give -o the folder it points to`,
      ),
    ];
  }
  const realOut = realUpTo(out);
  const inside = (folder: string) => {
    const rel = relative(realUpTo(folder), realOut);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  };
  if (realUpTo(plan.project) === realOut) {
    problems.push(
      usage(
        `the output folder '${plan.shownAs}' is the project folder`,
        'give -o a folder of its own, e.g. the default DIR/dist',
      ),
    );
  }
  for (const input of plan.inputs) {
    if (lstatOrMissing(input.path) && inside(input.path)) {
      problems.push(
        usage(
          `the output folder '${plan.shownAs}' is inside ${input.shown}, which letter reads: every later build would read the outputs as inputs`,
          'give -o a folder outside the input folders, e.g. the default DIR/dist',
        ),
      );
    }
  }
  const seen = new Set<string>();
  for (const file of plan.files) {
    const full = join(out, file);
    for (const segment of file.split('/')) {
      if (Buffer.byteLength(segment) > MAX_NAME_BYTES) {
        problems.push(
          usage(
            `the output name '${segment}' is ${Buffer.byteLength(segment)} bytes; file systems hold at most ${MAX_NAME_BYTES}`,
            'use a shorter slug, recipient id or language code',
          ),
        );
      }
    }
    if (Buffer.byteLength(full) + TEMP_OVERHEAD > MAX_PATH_BYTES) {
      problems.push(
        usage(
          `the output path of '${file}' in '${plan.shownAs}' is longer than the ${MAX_PATH_BYTES} bytes a path may have`,
          'give -o a shorter folder',
        ),
      );
    }
    // Each folder between OUT and the file must be a real folder (or missing); the file itself must not be a folder.
    let at = out;
    const parts = file.split('/');
    parts.forEach((part, i) => {
      at = join(at, part);
      if (seen.has(at)) return;
      seen.add(at);
      const stat = lstatOrMissing(at);
      if (!stat) return;
      const last = i === parts.length - 1;
      if (stat.isSymbolicLink() && !last) {
        problems.push(
          usage(
            `'${join(plan.shownAs, relative(out, at))}' is a symbolic link (to ${realOrDangling(at)}): letter writes only into real folders inside the output folder`,
            'remove the link; letter creates the folder',
          ),
        );
      } else if (!last && !stat.isDirectory()) {
        problems.push(
          usage(
            `'${join(plan.shownAs, relative(out, at))}' is a file where letter writes a folder`,
            'move the file away',
          ),
        );
      } else if (last && stat.isDirectory()) {
        problems.push(
          usage(
            `'${join(plan.shownAs, relative(out, at))}' is a folder where letter writes the file ${basename(at)}`,
            'move the folder away',
          ),
        );
      }
    });
  }
  return problems;
}

/** Throws the problems of `outputPathProblems` as one LetterError (exit 2). */
export function checkOutputPaths(plan: OutputPlan): void {
  const problems = outputPathProblems(plan);
  if (problems.length) throw new LetterError(problems);
}

/**
 * Throws when a folder between `outDir` and `target` is a symbolic link: the check before rendering found none, and a
 * link made since (another process) must not take a file out of OUT either.
 */
export function assertNoLinkOnTheWay(outDir: string, target: string): void {
  const rel = relative(outDir, dirname(target));
  let at = outDir;
  for (const part of rel ? rel.split(sep) : []) {
    at = join(at, part);
    if (lstatOrMissing(at)?.isSymbolicLink()) {
      throw new LetterError(
        problem(
          'unsafe-path',
          `'${at}' is a symbolic link: letter writes only into real folders inside the output folder`,
          {},
          'remove the link and build again',
        ),
      );
    }
  }
}

function lstatOrMissing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest (OUT may not exist yet). */
function realUpTo(path: string): string {
  const rest: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(at), ...rest.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return resolve(path);
      rest.push(basename(at));
      at = parent;
    }
  }
}

function realOrDangling(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return 'a path that does not exist';
  }
}
