/** Reading the user's text files safely: size limit, UTF-8 only (BOM dropped), nesting depth bounded before any parser recurses. */

import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { LetterError, problem, type Diagnostic, type Location } from '../diag/index.js';

/** Inputs larger than this are refused: a letter's files are kilobytes; anything bigger is a mistake or an attack. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;
/** Brackets nested deeper than this are refused: a letter needs four levels; parsers recurse once per level. */
export const MAX_NESTING = 32;

/**
 * The entries of a project folder; one the user may not read (EACCES) or that went away is an error naming it, like an
 * unreadable file, not an internal error with a stack trace.
 */
export function readFolder(dir: string, shown: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new LetterError(
      problem(
        'missing-file',
        `cannot read the folder ${shown}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
        { file: shown },
        'check the folder permissions (it must be readable and searchable, chmod a+rx)',
      ),
    );
  }
}

/** Reads a UTF-8 text file: refuses a missing or oversize file and invalid UTF-8, drops a BOM, keeps line ends. */
export function readText(file: string, shown: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile())
      throw new LetterError(
        problem(
          'missing-file',
          `${shown} is not a file`,
          { file: shown, line: 1, column: 1 },
          'give the path of a file, not a folder',
        ),
      );
    size = stat.size;
  } catch (e) {
    if (e instanceof LetterError) throw e;
    throw new LetterError(
      problem(
        'missing-file',
        `${shown} not found`,
        { file: shown, line: 1, column: 1 },
        'create it, or check the path',
      ),
    );
  }
  if (size > MAX_INPUT_BYTES) {
    throw new LetterError(
      problem(
        'input-too-large',
        `${shown} is ${size} bytes; the limit is ${MAX_INPUT_BYTES}`,
        { file: shown, line: 1, column: 1 },
        'a letter file should be kilobytes; check that this is the right file',
      ),
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new LetterError(
      problem(
        'missing-file',
        `cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
        { file: shown, line: 1, column: 1 },
        'check the file permissions',
      ),
    );
  }
  return decodeUtf8(bytes, shown);
}

/**
 * One of the tool's own files as shipped (a locale file, a template), decoded by Node's own UTF-8 read: the build read
 * each one as readText does, which refuses invalid UTF-8 and an oversize file. readText's own error if it cannot be read.
 */
export function readShippedText(file: string, shown: string): string {
  return readShippedBytes(file, shown).toString('utf8');
}

/**
 * The bytes of one of the tool's own files as shipped, without a UTF-8 byte order mark: what readShippedText decodes.
 * readText's own error if it cannot be read.
 */
export function readShippedBytes(file: string, shown: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return Buffer.from(readText(file, shown), 'utf8');
  }
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** Strict UTF-8: a UTF-16 file or an invalid byte is an error at its line and column, never a silent U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, shown: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new LetterError(
      problem('bad-encoding', `${shown} is UTF-16`, { file: shown, line: 1, column: 1 }, 'save it as UTF-8'),
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const good = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).replace(/^\ufeff/, '');
    throw new LetterError(
      problem(
        'bad-encoding',
        `${shown} is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad})`,
        locationAt(good, good.length, shown),
        // A spreadsheet's plain "CSV" is the system's code page (Windows-1252, CP949 for Korean): a common cause.
        shown.endsWith('.csv')
          ? 'save the file as UTF-8: in Excel "CSV UTF-8 (Comma delimited)", in LibreOffice character set "Unicode (UTF-8)"'
          : 'save the file as UTF-8',
      ),
    );
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or the length. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0 || i + n > b.length - 1) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    const next = b[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if (
      (c === 0xe0 && next < 0xa0) ||
      (c === 0xed && next > 0x9f) ||
      (c === 0xf0 && next < 0x90) ||
      (c === 0xf4 && next > 0x8f)
    )
      return i;
    i += n + 1;
  }
  return b.length;
}

// C0 controls but tab, line feed and carriage return; DEL; C1 controls. No font draws them: a NUL would print as a
// replacement box or vanish, and either way the letter says something other than its text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * A control character in a text value, as an error at the value's position; undefined when there is none. `what` and
 * `where` may be given as functions: they are called only for a value that has one (a letter has few or none).
 */
export function controlCharacterProblem(
  value: string,
  what: string | (() => string),
  where: Partial<Location> | (() => Partial<Location>),
): Diagnostic | undefined {
  const found = CONTROL_CHARACTER.exec(value);
  if (!found) return undefined;
  const cp = found[0].charCodeAt(0);
  const label = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${cp === 0 ? ' (NUL)' : ''}`;
  return problem(
    'bad-encoding',
    `control character ${label} in ${typeof what === 'function' ? what() : what}: it is not text and would print as a box or nothing`,
    typeof where === 'function' ? where() : where,
    `remove it (in JSON an escape like \\u${cp.toString(16).padStart(4, '0')}, in YAML like \\x${cp.toString(16).padStart(2, '0')}); a line break is \\n`,
  );
}

/** 1-based line and column of a UTF-16 offset in `text`. */
export function locationAt(text: string, offset: number, file?: string): Location {
  const starts = lineStarts(text);
  // The last line starting at or before the offset (binary search): `check` locates 60,000 keys in one file.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { file: file ?? '', line: low + 1, column: offset - starts[low]! + 1 };
}

// The line starts of the text located last: one file's keys are located one after another.
let indexed: { text: string; starts: number[] } | undefined;

/** Offsets where each line of `text` starts (the last text asked about is remembered). */
export function lineStarts(text: string): number[] {
  if (indexed?.text === text) return indexed.starts;
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  indexed = { text, starts };
  return starts;
}

/**
 * The offset where flow brackets (`[`, `{`) first nest deeper than MAX_NESTING, or -1. Quoted strings and YAML
 * comments are skipped; the scan is linear and never recurses, so it runs before the parsers do.
 */
export function tooDeepAt(text: string, syntax: 'json' | 'yaml'): number {
  // Jumps from one character that matters to the next (a regular expression scans a one-byte or two-byte string
  // without making a string per character, as text[i] does for CJK text: ~10x faster on a letter's locale file).
  const special = /["'#[\]{}]/g;
  let depth = 0;
  for (let m = special.exec(text); m; m = special.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '"') special.lastIndex = skipDoubleQuoted(text, i) + 1;
    else if (c === "'") {
      if (syntax === 'yaml' && (i === 0 || /[\s[{,:]/.test(text[i - 1]!)))
        special.lastIndex = skipSingleQuoted(text, i) + 1;
    } else if (c === '#') {
      if (syntax === 'yaml' && (i === 0 || /\s/.test(text[i - 1]!)))
        special.lastIndex = skipLine(text, i) + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return i;
    } else if (depth > 0) depth--;
  }
  return -1;
}

function skipDoubleQuoted(text: string, start: number): number {
  const stop = /[\\"]/g;
  stop.lastIndex = start + 1;
  for (let m = stop.exec(text); m; m = stop.exec(text)) {
    if (m[0] === '"') return m.index;
    stop.lastIndex = m.index + 2;
  }
  return text.length;
}

function skipSingleQuoted(text: string, start: number): number {
  for (let i = text.indexOf("'", start + 1); i >= 0; i = text.indexOf("'", i + 1)) {
    if (text.charCodeAt(i + 1) === 39) i++;
    else return i;
  }
  return text.length;
}

function skipLine(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

/**
 * The offset where YAML block structure (indentation, and compact `- - -` or `? ` on one line) first nests deeper than
 * MAX_NESTING, or -1. The yaml parser recurses once per level: 3,000 compact sequences overflow its stack. A linear
 * scan over lines, keeping the columns of the open levels, as an indentation-based tokenizer does.
 */
export function blockTooDeepAt(text: string): number {
  const open: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    let column = 0;
    while (line[column] === ' ') column++;
    if (column < line.length && line[column] !== '#' && line[column] !== '\r') {
      while (open.length && open[open.length - 1]! >= column) open.pop();
      open.push(column);
      // Compact nesting: each `- `, `? ` or `: ` indicator at the start of what is left opens one more level.
      for (let i = column; ; ) {
        const indicator = /^[-?:] +(?=[^ #\r])/.exec(line.slice(i, i + 64));
        if (!indicator) break;
        i += indicator[0].length;
        open.push(i);
        if (open.length > MAX_NESTING) return offset + i;
      }
      if (open.length > MAX_NESTING) return offset + column;
    }
    offset += line.length + 1;
  }
  return -1;
}

/** Refuses text nested deeper than MAX_NESTING, at the bracket (or YAML block) that goes too deep. */
export function assertShallow(text: string, shown: string, syntax: 'json' | 'yaml'): void {
  const block = syntax === 'yaml' ? blockTooDeepAt(text) : -1;
  if (block >= 0) {
    throw new LetterError(
      problem(
        'input-too-large',
        `YAML blocks nested more than ${MAX_NESTING} levels deep`,
        locationAt(text, block, shown),
        'a letter needs a few levels; flatten the structure',
      ),
    );
  }
  const at = tooDeepAt(text, syntax);
  if (at >= 0) {
    throw new LetterError(
      problem(
        'input-too-large',
        `brackets nested more than ${MAX_NESTING} levels deep`,
        locationAt(text, at, shown),
        'a letter needs a few levels; flatten the structure',
      ),
    );
  }
}
