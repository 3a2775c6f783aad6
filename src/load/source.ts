/** Reading the user's files: size limits, BOM, and YAML/JSON parsing that keeps positions for error messages. */

import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { parseTree, findNodeAtLocation, printParseErrorCode, type ParseError, type Node as JsonNode } from 'jsonc-parser';
import { LetterError, problem, type Location } from '../diag/index.js';
import type { Locate } from './types.js';

/** Inputs larger than this are refused: a letter is kilobytes; anything bigger is a mistake or an attack. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;
/** YAML aliases allowed per file; a "billion laughs" document needs thousands. */
export const MAX_YAML_ALIASES = 50;

/** The path as shown in messages: relative to the project folder. */
export function displayPath(file: string, dir: string): string {
  const rel = relative(dir, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Reads a UTF-8 text file: refuses oversize files, drops a BOM, keeps line ends (YAML and JSON accept CRLF). */
export function readText(file: string, shown: string): string {
  if (!existsSync(file)) throw new LetterError(problem('missing-file', `${shown} not found`, { file: shown }, 'create it, or check the path'));
  const size = statSync(file).size;
  if (size > MAX_INPUT_BYTES) {
    throw new LetterError(
      problem('input-too-large', `${shown} is ${size} bytes; the limit is ${MAX_INPUT_BYTES}`, { file: shown }, 'a letter file should be kilobytes; check that this is the right file'),
    );
  }
  const text = readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface ParsedYaml {
  readonly data: unknown;
  readonly locate: Locate;
}

/** Parses YAML 1.2; a syntax error, an empty file or an alias bomb is a LetterError at file:line:col. */
export function parseYaml(text: string, shown: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new LetterError(
      problem('yaml-syntax', `YAML syntax error: ${message}`, { file: shown, line: pos?.line ?? 1, column: pos?.col ?? 1 }, yamlHint(first.code)),
    );
  }
  if (doc.contents === null) throw new LetterError(problem('schema', `${shown} is empty`, { file: shown, line: 1, column: 1 }, 'see examples/open-letter-2023/letter.yaml for a complete letter'));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (e instanceof ReferenceError || /alias/i.test(String(e))) {
      throw new LetterError(problem('input-too-large', `too many YAML aliases (more than ${MAX_YAML_ALIASES})`, { file: shown, line: 1, column: 1 }, 'write the values out instead of expanding aliases'));
    }
    throw e;
  }
  return { data, locate: yamlLocator(doc, lineCounter, shown) };
}

function yamlHint(code: string): string | undefined {
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  if (code === 'DUPLICATE_KEY') return 'remove one of the two entries';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return 'check the indentation and the `:` after each key';
  return 'fix the syntax at that position';
}

function yamlLocator(doc: Document, lines: LineCounter, shown: string): Locate {
  return (path) => {
    // Walk up to the nearest node that exists: a missing key is reported at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { file: shown, line, column: col };
      }
    }
    return { file: shown, line: 1, column: 1 };
  };
}

export interface ParsedJson {
  readonly data: unknown;
  /** Where a dotted key (`intro`, `ask.one`) is defined. */
  readonly locate: (key: string) => Location;
}

/** Parses strict JSON (no comments, no trailing commas); a syntax error is a LetterError at file:line:col. */
export function parseJson(text: string, shown: string): ParsedJson {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const at = (offset: number): Location => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { file: shown, line, column: offset - before.lastIndexOf('\n') };
  };
  const first = errors[0];
  if (first || !tree) {
    const where = at(first?.offset ?? 0);
    const what = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'empty file';
    throw new LetterError(problem('json-syntax', `JSON syntax error: ${what}`, where, 'fix the JSON at that position (a missing comma or quote is the usual cause)'));
  }
  const data = JSON.parse(text) as unknown;
  return {
    data,
    locate: (key) => {
      const node: JsonNode | undefined = findNodeAtLocation(tree, [key]) ?? findNodeAtLocation(tree, key.split('.'));
      return at(node?.parent?.type === 'property' ? node.parent.offset : (node?.offset ?? 0));
    },
  };
}
