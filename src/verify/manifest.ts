/**
 * A manifest handed to `letter verify --manifest`: someone else's file, so read with bounds. Its shape is checked at
 * file:line:col (a malformed manifest is bad input, exit 2), its entries may name only regular files inside the
 * manifest's own folder, and no file larger than a letter's document is read.
 */

import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { given, LetterError, problem, shown, type Diagnostic } from '../diag/index.js';
import { containedPath, locationAt, parseJson, readText, staysInside } from '../load/index.js';
import { isCount, SHA256_HEX } from '../write/index.js';

/** No document letter writes comes near this; a bigger file is not one of them, and reading it costs a CI runner. */
export const MAX_VERIFIED_BYTES = 256 * 1024 * 1024;

export interface VerifiedEntry {
  /** Absolute path, inside the manifest's folder. */
  readonly path: string;
  /** The path as reports show it: the entry's, joined to the manifest's folder as given. */
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number | undefined;
  readonly signed: boolean;
}

/** The manifest's entries, each checked to stay inside the manifest's folder; a problem is a LetterError (exit 2). */
export function readManifestEntries(manifest: string): VerifiedEntry[] {
  const text = readText(manifest, manifest);
  parseJson(text, manifest);
  const tree = parseTree(text)!;
  const at = (path: (string | number)[]) => {
    const node: JsonNode | undefined = findNodeAtLocation(tree, path);
    return locationAt(text, node?.offset ?? 0, manifest);
  };
  const data = JSON.parse(text) as unknown;
  const bad = (
    path: (string | number)[],
    message: string,
    hint = 'give the manifest.json a build wrote',
  ): never => {
    throw new LetterError(problem('schema', message, at(path), hint));
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    bad([], `${manifest} is not a manifest: its top level is not an object`);
  const files = (data as { files?: unknown }).files;
  if (!Array.isArray(files)) bad(['files'], `${manifest} is not a manifest: 'files' is not a list`);
  const root = resolve(dirname(manifest));
  const problems: Diagnostic[] = [];
  const entries: VerifiedEntry[] = [];
  (files as unknown[]).forEach((entry, i) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const wrong = (key: string, what: string) =>
      problems.push(
        problem(
          'schema',
          `files[${i}].${key} ${what}, not ${given(e[key])}`,
          at(['files', i, ...(key in e ? [key] : [])]),
          'give the manifest.json a build wrote',
        ),
      );
    const { file, sha256, signed, bytes } = e;
    if (typeof file !== 'string') return wrong('file', 'must be a path (a string)');
    if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256))
      return wrong('sha256', 'must be 64 hexadecimal digits');
    if (typeof signed !== 'boolean') return wrong('signed', 'must be true or false');
    if (bytes !== undefined && !isCount(bytes)) return wrong('bytes', 'must be a whole number');
    const path = file.includes('\\') || isAbsolute(file) ? undefined : containedPath(root, file);
    if (!path || !staysInside(root, path)) {
      problems.push(
        problem(
          'unsafe-path',
          `files[${i}].file '${shown(file)}' is outside the manifest's folder`,
          at(['files', i, 'file']),
          'a manifest lists the files beside it (<recipient>/<slug>.<lang>.<format>); verify other files by naming them',
        ),
      );
      return;
    }
    entries.push({
      path,
      file: join(dirname(manifest), file),
      sha256,
      bytes: bytes as number | undefined,
      signed,
    });
  });
  if (problems.length) throw new LetterError(problems);
  return entries;
}

/** Why a file cannot be verified without reading something that is not a letter's document, or undefined. */
export function unreadable(path: string): string | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : `cannot read it (${code ?? 'error'})`;
  }
  if (!stat.isFile()) return 'not a regular file (a folder, a device or a pipe is never a letter)';
  if (stat.size > MAX_VERIFIED_BYTES)
    return `${stat.size} bytes, more than the ${MAX_VERIFIED_BYTES} any letter's document has`;
  return undefined;
}
