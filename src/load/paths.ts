/** Keeping names from data inside the folders they belong to (SPEC §9: no `../`, `/`, NUL or reserved names). */

import { isAbsolute, relative, resolve, sep } from 'node:path';

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
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return full.split(sep).join(sep);
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
