/** Keeping names from data inside the folders they belong to (SPEC §9: no `../`, `/`, NUL or reserved names). */

import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { problem, shown as show, type Diagnostic, type Location } from '../diag/index.js';

// Windows refuses these as file names whatever the extension; a letter built on Linux may be unzipped there.
export const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A language code as locale folders and partial suffixes use it: `en`, `ko`, `zh`, `zh-Hant`. */
export const LANG_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** A name ending in a language code (`closing.zh`): group 1 the name, group 2 the language. */
export const LANG_SUFFIX = /^(.*)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$/;
/** A recipient id, as the schema has it: `cn`, `cn/government`, `cn-consulate-toronto`. */
export const RECIPIENT_ID = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)?$/;

/** The absolute path of `name` inside `dir`, or undefined when it would leave `dir`. */
export function containedPath(dir: string, name: string): string | undefined {
  if (name.includes('\0') || isAbsolute(name)) return undefined;
  const full = resolve(dir, name);
  const rel = relative(resolve(dir), full);
  if (!rel || leaves(rel)) return undefined;
  return full.split(sep).join(sep);
}

/**
 * Whether an existing `path` is still inside `dir` once every symbolic link on the way is followed (SPEC §9: templates,
 * text and images cannot reach the file system beyond the project). A link that stays inside the project is fine (one
 * partial shared under two names); one that leads out would put any file the user can read into the letter.
 */
export function staysInside(dir: string, path: string): boolean {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    // A dangling link or an unreadable path: nothing can be read through it, and the read reports it as missing.
    return true;
  }
  const rel = relative(realpathSync.native(dir), real);
  return rel === '' || !leaves(rel);
}

/** The error for a project file or folder (`what` says which: "template") that a symbolic link takes outside the project. */
export function leadsOutside(shown: string, where: Partial<Location>, what?: string): Diagnostic {
  return problem(
    'unsafe-path',
    `${what ? `${what} ` : ''}'${show(shown)}' leads outside the project folder (a symbolic link)`,
    where,
    'copy it into the project; a link may only point inside the project folder',
  );
}

/** The error for a project path that must be a folder (`locales`, `templates`) and is a file. */
export function notAFolder(shown: string, holds: string): Diagnostic {
  return problem(
    'schema',
    `'${show(shown)}' is a file, not a folder`,
    { file: shown },
    `${shown}/ is a folder of ${holds}: move the file away, or remove it`,
  );
}

/** Whether a path that exists is a folder (a link to one counts; a broken link does not exist). */
export function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function leaves(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/** Whether an id or slug is safe as one path segment of an output name. */
export function isSafeSegment(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 100 &&
    !name.includes('\0') &&
    !/[\\/:*?"<>|]/.test(name) &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f]/.test(name) &&
    name !== '.' &&
    name !== '..' &&
    !name.startsWith('.') &&
    !RESERVED_NAME.test(name)
  );
}
