/** Parsing the user's YAML and JSON with positions kept for error messages, bounded against alias bombs and deep nesting. */

import { relative } from 'node:path';
import {
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isNode,
  isScalar,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import {
  parseTree,
  findNodeAtLocation,
  printParseErrorCode,
  type ParseError,
  type Node as JsonNode,
} from 'jsonc-parser';
import { LetterError, problem, shown as show, type Location } from '../diag/index.js';
import { assertShallow, locationAt, MAX_NESTING } from './text.js';
import type { Locate } from './types.js';

export { MAX_INPUT_BYTES, MAX_NESTING, readText } from './text.js';

/** YAML aliases allowed per file; a "billion laughs" document needs thousands (yaml counts each expansion). */
export const MAX_YAML_ALIASES = 50;

/** The path as shown in messages: relative to the project folder. */
export function displayPath(file: string, dir: string): string {
  const rel = relative(dir, file);
  return rel && !rel.startsWith('..') ? rel.replace(/\\/g, '/') : file;
}

export interface ParsedYaml {
  readonly data: unknown;
  readonly locate: Locate;
}

/** Parses YAML 1.2; a syntax error, an empty file, an alias bomb or deep nesting is a LetterError at file:line:col. */
export function parseYaml(text: string, shown: string): ParsedYaml {
  assertShallow(text, shown, 'yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    // yaml reports an unclosed quote where the document ends (MISSING_CHAR at the scalar's end): shown at its start.
    // An unclosed `[` or `{` is reported on the line after its value: shown at the bracket that opens it.
    const opening =
      first.code === 'MISSING_CHAR'
        ? unclosedQuote(text, first.pos[0])
        : first.code === 'BAD_INDENT'
          ? unclosedFlow(text, first.pos[0])
          : undefined;
    const where =
      opening !== undefined
        ? locationAt(text, opening, shown)
        : { file: shown, line: pos?.line ?? 1, column: pos?.col ?? 1 };
    // yaml turns a stack overflow while composing a collection into this code (compose-node.js).
    if (first.code === 'RESOURCE_EXHAUSTION') throw tooDeep(where);
    if (first.code === 'DUPLICATE_KEY') throw duplicateKey(doc, first.pos[0], lineCounter, where);
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new LetterError(
      problem('yaml-syntax', `YAML syntax error: ${message}`, where, yamlHint(first.code)),
    );
  }
  if (doc.contents === null)
    throw new LetterError(
      problem(
        'schema',
        `${shown} is empty`,
        { file: shown, line: 1, column: 1 },
        /(^|\/)recipients\.yaml$/.test(shown)
          ? 'give it `recipients:` or `addresses:` (see examples/open-letter-2023/recipients.yaml), or remove the file: it is optional'
          : 'see examples/open-letter-2023/letter.yaml for a complete letter',
      ),
    );
  const locate = yamlLocator(doc, lineCounter, shown);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (e instanceof RangeError)
      throw tooDeep(firstAlias(doc, lineCounter, shown) ?? { file: shown, line: 1, column: 1 });
    const unresolved = e instanceof ReferenceError ? unresolvedAlias(doc, lineCounter, shown) : undefined;
    if (unresolved)
      throw new LetterError(
        problem(
          'yaml-syntax',
          `YAML alias '*${unresolved.name}' has no anchor '&${unresolved.name}' before it`,
          unresolved.at,
          `mark the value with &${unresolved.name} before the first *${unresolved.name} (YAML reads anchors in order), or write the value out`,
        ),
      );
    if (e instanceof ReferenceError || /alias/i.test(String(e))) {
      throw new LetterError(
        problem(
          'input-too-large',
          `YAML aliases expand too much (more than ${MAX_YAML_ALIASES} expansions)`,
          firstAlias(doc, lineCounter, shown) ?? { file: shown, line: 1, column: 1 },
          'write the values out instead of using &anchors and *aliases',
        ),
      );
    }
    throw e;
  }
  return { data, locate };
}

/**
 * Where the quoted scalar ending at `end` starts, if it lacks its closing quote: the parser only notices at the end
 * of the document, and reports the scalar's end.
 */
function unclosedQuote(text: string, end: number): number | undefined {
  let found: number | undefined;
  eachToken(text, (token) => {
    if (found !== undefined) return 'skip';
    const t = token as { type?: string; source?: string; offset?: number };
    if (
      (t.type !== 'double-quoted-scalar' && t.type !== 'single-quoted-scalar') ||
      typeof t.source !== 'string'
    )
      return undefined;
    // Closed: the quote again after the content, where `\"` (double) and `''` (single) stand for a quote inside.
    const body = t.source.trimEnd();
    const closed = (t.type === 'double-quoted-scalar' ? /^"(?:[^"\\]|\\[\s\S])*"$/ : /^'(?:[^']|'')*'$/).test(
      body,
    );
    if (!closed && t.offset !== undefined && t.offset + t.source.length === end) found = t.offset;
    return 'skip';
  });
  return found;
}

/** The offset of the last `[` or `{` before `before` that no `]` or `}` closes, from yaml's own token stream. */
function unclosedFlow(text: string, before: number): number | undefined {
  let found: number | undefined;
  eachToken(text, (token) => {
    const t = token as { type?: string; start?: { offset?: number }; end?: { type?: string }[] };
    if (t.type === 'flow-collection' && t.start?.offset !== undefined && t.start.offset < before) {
      const closed = t.end?.some((e) => e.type === 'flow-seq-end' || e.type === 'flow-map-end');
      if (!closed && (found === undefined || t.start.offset > found)) found = t.start.offset;
    }
    return undefined;
  });
  return found;
}

/** Every object in yaml's token tree (its CST) of `text`, depth first; `visit` says 'skip' to leave one's insides. */
function eachToken(text: string, visit: (token: object) => 'skip' | undefined): void {
  const walk = (token: unknown): void => {
    if (typeof token !== 'object' || token === null || visit(token) === 'skip') return;
    for (const value of Object.values(token)) walk(value);
  };
  for (const token of new Parser().parse(text)) walk(token);
}

/**
 * yaml's own message ("Map keys must be unique") names neither key nor first entry: both are found in the document,
 * whose mapping keeps both pairs, by the offset the error gives for the repeated key.
 */
function duplicateKey(doc: Document, offset: number, lines: LineCounter, where: Location): LetterError {
  let key: string | undefined;
  let firstLine: number | undefined;
  visit(doc, {
    Map(_key, map) {
      const repeated = map.items.find((p) => isNode(p.key) && p.key.range?.[0] === offset);
      if (!repeated || !isScalar(repeated.key)) return undefined;
      key = String(repeated.key.value);
      const original = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (original !== repeated && isNode(original?.key) && original.key.range)
        firstLine = lines.linePos(original.key.range[0]).line;
      return visit.BREAK;
    },
  });
  if (key === undefined)
    return new LetterError(
      problem(
        'yaml-syntax',
        'YAML syntax error: a key appears twice in one mapping',
        where,
        yamlHint('DUPLICATE_KEY'),
      ),
    );
  const first = firstLine !== undefined ? ` (first at line ${firstLine})` : '';
  return new LetterError(
    problem(
      'yaml-syntax',
      `YAML syntax error: key '${show(key)}' appears twice in one mapping${first}`,
      { ...where, value: key },
      `remove one of the two '${show(key)}' entries; YAML keeps only one`,
    ),
  );
}

function tooDeep(where: Location): LetterError {
  return new LetterError(
    problem(
      'input-too-large',
      'the YAML is nested too deeply',
      where,
      'a letter needs a few levels; flatten the structure',
    ),
  );
}

function yamlHint(code: string): string {
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  if (code === 'DUPLICATE_KEY') return 'remove one of the two entries';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR')
    return 'check the indentation and the `:` after each key';
  return 'fix the syntax at that position';
}

function firstAlias(doc: Document, lines: LineCounter, shown: string): Location | undefined {
  let found: YamlNode | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = node;
      return visit.BREAK;
    },
  });
  if (!found?.range) return undefined;
  const { line, col } = lines.linePos(found.range[0]);
  return { file: shown, line, column: col };
}

/** The first alias whose anchor is not set before it in the document, and where it stands. */
function unresolvedAlias(
  doc: Document,
  lines: LineCounter,
  shown: string,
): { name: string; at: Location } | undefined {
  const anchors = new Set<string>();
  let found: { name: string; at: Location } | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (anchors.has(node.source)) return undefined;
      const { line, col } = lines.linePos(node.range?.[0] ?? 0);
      found = { name: node.source, at: { file: shown, line, column: col } };
      return visit.BREAK;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.add(anchor);
    return undefined;
  });
  return found;
}

function yamlLocator(doc: Document, lines: LineCounter, shown: string): Locate {
  const at = (node: unknown): Location | undefined => {
    if (!isNode(node) || !node.range) return undefined;
    const { line, col } = lines.linePos(node.range[0]);
    return { file: shown, line, column: col };
  };
  return (path, options) => {
    if (options?.key && path.length > 0) {
      const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      const name = path[path.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(name));
        const where = pair ? at(pair.key) : undefined;
        if (where) return where;
      }
    }
    // Walk up to the nearest node that exists: a missing key is reported at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const where = isAlias(node) ? undefined : at(node);
      if (where) return where;
    }
    return { file: shown, line: 1, column: 1 };
  };
}

export interface ParsedJson {
  readonly data: unknown;
  /** Where a (dotted) key (`intro`, `ask.one`) is defined. */
  readonly locate: (key: string) => Location;
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/**
 * The offset of a comma that stands, with only white space after it, before the `}` or `]` the parser stopped at
 * (`"a": 1,\n}`): jsonc-parser reports "property name expected" at the brace, which does not say what to remove.
 */
function trailingComma(text: string, stop: number): number | undefined {
  if (text[stop] !== '}' && text[stop] !== ']') return undefined;
  let i = stop - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === ',' ? i : undefined;
}

/** Parses strict JSON (no comments, no trailing commas, no duplicate keys); a problem is a LetterError at file:line:col. */
export function parseJson(text: string, shown: string): ParsedJson {
  // Most files are valid: read by the native parser (which does not recurse), their depth measured on the value, and
  // the syntax tree (jsonc-parser walks the text character by character, in cold code) made only for a file that is
  // not, or when a key's position is asked for. Any other file is scanned for its depth before a parser recurses.
  const valid = validJson(text);
  if (valid) {
    let locate: ParsedJson['locate'] | undefined;
    return {
      data: valid.data,
      locate: (key) => {
        locate ??= keyLocator(parseTree(text, [], STRICT)!, text, shown);
        return locate(key);
      },
    };
  }
  assertShallow(text, shown, 'json');
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, STRICT);
  const at = (offset: number): Location => locationAt(text, offset, shown);
  const first = errors[0];
  if (first || !tree) {
    const comma = first ? trailingComma(text, first.offset) : undefined;
    if (comma !== undefined)
      throw new LetterError(
        problem(
          'json-syntax',
          'JSON syntax error: a comma after the last entry',
          at(comma),
          'remove this comma: JSON allows none before } or ]',
        ),
      );
    const where = at(first?.offset ?? 0);
    const what = first
      ? printParseErrorCode(first.error)
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase()
      : 'empty file';
    throw new LetterError(
      problem(
        'json-syntax',
        `JSON syntax error: ${what}`,
        where,
        'fix the JSON at that position (a missing comma or quote is the usual cause)',
      ),
    );
  }
  const duplicate = firstDuplicateKey(tree);
  if (duplicate) {
    throw new LetterError(
      problem(
        'json-syntax',
        `duplicate key '${show(duplicate.key)}'`,
        { ...at(duplicate.offset), value: duplicate.key },
        'remove one of the two entries; JSON would silently keep only the last',
      ),
    );
  }
  return { data: JSON.parse(text) as unknown, locate: keyLocator(tree, text, shown) };
}

/** Where a (dotted) key is defined in the file `tree` was parsed from. */
function keyLocator(tree: JsonNode, text: string, shown: string): ParsedJson['locate'] {
  const at = (offset: number): Location => locationAt(text, offset, shown);
  // Built on first use: `check` locates every unused key, and a search per key would be quadratic (60,000 keys).
  let offsets: Map<string, number> | undefined;
  return (key) => {
    offsets ??= propertyOffsets(tree);
    const offset = offsets.get(key);
    if (offset !== undefined) return at(offset);
    const node: JsonNode | undefined =
      findNodeAtLocation(tree, [key]) ?? findNodeAtLocation(tree, key.split('.'));
    return at(node?.parent?.type === 'property' ? node.parent.offset : (node?.offset ?? 0));
  };
}

/**
 * A JSON string token, escapes included (the pattern's source): runs of plain characters between escapes, which the
 * regular expression engine takes in one loop each rather than one alternation per character.
 */
export const JSON_STRING = String.raw`"[^"\\]*(?:\\.[^"\\]*)*"`;

// A string token, and the colon after it that makes it a key. Outside strings valid JSON has no quote, so matches
// found one after another are the file's strings in order.
const STRING_TOKEN = new RegExp(String.raw`${JSON_STRING}\s*(:)?`, 'g');

/**
 * The value of `text` when it is strict JSON without a repeated key in any object (what the full parse below accepts),
 * else undefined, as when its objects and arrays nest deeper than MAX_NESTING (its brackets do, outside its strings:
 * what assertShallow refuses). JSON.parse keeps the last of repeated keys without a word: the file's keys
 * (strings followed by a colon) are counted against the keys of the objects parsed.
 */
function validJson(text: string): { data: unknown } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const keys = keyCount(data, 1);
  if (keys < 0) return undefined;
  let written = 0;
  STRING_TOKEN.lastIndex = 0;
  for (let m = STRING_TOKEN.exec(text); m; m = STRING_TOKEN.exec(text)) if (m[1]) written++;
  return written === keys ? { data } : undefined;
}

/**
 * Keys of every object in a parsed JSON value whose objects and arrays sit `level` deep (the outermost at 1), or -1 when
 * they nest deeper than MAX_NESTING: not walked further, so the walk never recurses more than that.
 */
function keyCount(value: unknown, level: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (level > MAX_NESTING) return -1;
  let count = 0;
  const values = Array.isArray(value) ? value : Object.values(value);
  if (!Array.isArray(value)) count += values.length;
  for (const item of values) {
    const inner = keyCount(item, level + 1);
    if (inner < 0) return -1;
    count += inner;
  }
  return count;
}

/** The offset of each property of nested objects by its dotted key (`ask.one`), the first one for a repeated key. */
function propertyOffsets(tree: JsonNode): Map<string, number> {
  const out = new Map<string, number>();
  const pending: { node: JsonNode; prefix: string }[] = [{ node: tree, prefix: '' }];
  while (pending.length) {
    const { node, prefix } = pending.pop()!;
    if (node.type !== 'object') continue;
    for (const property of node.children ?? []) {
      const [name, value] = property.children ?? [];
      if (!name || typeof name.value !== 'string') continue;
      const key = `${prefix}${name.value}`;
      if (!out.has(key)) out.set(key, property.offset);
      if (value) pending.push({ node: value, prefix: `${key}.` });
    }
  }
  return out;
}

function firstDuplicateKey(node: JsonNode): { key: string; offset: number } | undefined {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = String(property.children?.[0]?.value);
      if (seen.has(key)) return { key, offset: property.offset };
      seen.add(key);
    }
  }
  for (const child of node.children ?? []) {
    const found = firstDuplicateKey(child);
    if (found) return found;
  }
  return undefined;
}
