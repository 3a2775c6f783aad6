/**
 * Walking a project folder (templates/) with symbolic links followed, at bounded cost. Links that stay inside the
 * project are followed, so a folder may be read under two names; but a DAG of links (each folder linking twice to the
 * next) has 2^levels paths, so each real folder is listed once and its names reused, and the names found are capped.
 */

import { realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { LetterError, problem } from '../diag/index.js';
import { staysInside } from './paths.js';
import { readFolder } from './text.js';

/** Files one walk of a project folder may find (a name reached through a link counts once per name). */
export const MAX_FOLDER_FILES = 1000;

export interface FolderWalk {
  /** Absolute paths, through links, of the files `wanted` accepts, sorted. */
  readonly files: readonly string[];
  /** Links that lead outside the project (not followed, not read), and whether each names a folder. */
  readonly escaping: readonly { readonly path: string; readonly folder: boolean }[];
}

/** One real folder's findings, relative to it. */
interface Listing {
  readonly files: string[];
  readonly escaping: { path: string; folder: boolean }[];
}

/**
 * The files under `root` whose names `wanted` accepts. With `inside`, a link leading outside that folder is recorded,
 * not followed. A link into a folder being walked (a cycle) is not followed. Which names are found does not depend on
 * the order the file system lists a folder in. More than MAX_FOLDER_FILES names: an error naming `shown`.
 */
export function walkFolder(
  root: string,
  wanted: (name: string) => boolean,
  opts: { inside?: string; shown: string },
): FolderWalk {
  const listed = new Map<string, Listing>();
  const walking = new Set<string>();
  const tooMany = () =>
    new LetterError(
      problem(
        'input-too-large',
        `${opts.shown} holds more than ${MAX_FOLDER_FILES.toLocaleString('en')} files (a file reached through symbolic links counts once per path)`,
        { file: opts.shown },
        'remove unused files, or links that make one folder reachable many ways',
      ),
    );

  function list(dir: string): Listing {
    const real = realpathSync(dir);
    const known = listed.get(real);
    if (known) return known;
    if (walking.has(real)) return { files: [], escaping: [] };
    walking.add(real);
    const out: Listing = { files: [], escaping: [] };
    const entries = readFolder(dir, join(opts.shown, relative(root, dir))).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const folder = isFolder(entry, full);
      if (entry.isSymbolicLink() && opts.inside && !staysInside(opts.inside, full)) {
        if (folder || wanted(entry.name)) out.escaping.push({ path: entry.name, folder });
        continue;
      }
      if (folder) {
        const below = list(full);
        for (const f of below.files) out.files.push(join(entry.name, f));
        for (const e of below.escaping) out.escaping.push({ ...e, path: join(entry.name, e.path) });
      } else if (wanted(entry.name)) out.files.push(entry.name);
      if (out.files.length + out.escaping.length > MAX_FOLDER_FILES) throw tooMany();
    }
    walking.delete(real);
    listed.set(real, out);
    return out;
  }

  const found = list(root);
  return {
    files: found.files.map((f) => join(root, f)).sort(),
    escaping: found.escaping.map((e) => ({ ...e, path: join(root, e.path) })),
  };
}

function isFolder(entry: Dirent, full: string): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(full).isDirectory();
  } catch {
    return false; // A dangling link: nothing to walk.
  }
}
