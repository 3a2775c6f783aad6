/** letter.yaml against its published JSON Schema (schema/letter.schema.json), with errors placed at file:line:col. */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { choiceHint, didYouMean, given, problem, shown, type Diagnostic } from '../diag/index.js';
import type { Locate } from './types.js';
import { RESERVED_NAME } from './paths.js';
import { VALIDATOR_OPTIONS } from './schema-options.js';

let validator: ValidateFunction | undefined;
let schemaJson: { properties: Record<string, unknown> } | undefined;

export function schemaPath(): string {
  return join(import.meta.dirname, '..', '..', 'schema', 'letter.schema.json');
}

/**
 * The validator `npm run build` generated (dist/load/letter-validator.cjs, beside this module or, from the bundle,
 * beside dist/bundle/); compiled here with ajv only when running from src/, where there is none.
 */
export function standaloneValidatorPath(): string {
  return join(import.meta.dirname, '..', 'load', 'letter-validator.cjs');
}

function compiled(): ValidateFunction {
  if (!validator) {
    const generated = standaloneValidatorPath();
    if (existsSync(generated)) {
      validator = createRequire(import.meta.url)(generated) as ValidateFunction;
    } else {
      const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
      validator = new Ajv(VALIDATOR_OPTIONS).compile(schema());
    }
  }
  return validator;
}

function schema(): { properties: Record<string, unknown> } {
  schemaJson ??= JSON.parse(readFileSync(schemaPath(), 'utf8')) as { properties: Record<string, unknown> };
  return schemaJson;
}

/** Diagnostics for every way the data breaks the schema; empty when it conforms. */
export function validateLetter(data: unknown, locate: Locate): Diagnostic[] {
  const validate = compiled();
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const out: Diagnostic[] = [];
  for (const [instancePath, group] of byPath) {
    // A failed anyOf also reports each branch's failure; below such a path only the deepest, own errors are useful.
    if (hasAncestorWithAnyOf(instancePath, byPath)) continue;
    const path = toPath(instancePath);
    const anyOf = group.find((e) => e.keyword === 'anyOf');
    if (anyOf) {
      const unsafe = unsafeRecipient(path, anyOf.data, locate);
      if (unsafe) {
        out.push(unsafe);
        continue;
      }
      const branch = closestBranch(anyOf, errors);
      if (branch) {
        for (const e of branch) out.push(diagnose(e, toPath(e.instancePath), locate));
        continue;
      }
      out.push(
        problem(
          'schema',
          `${describe(path)}: ${shapeOf(path)}`,
          locate(path),
          'see schema/letter.schema.json or examples/open-letter-2023/letter.yaml',
        ),
      );
      continue;
    }
    for (const e of group) out.push(diagnose(e, path, locate));
  }
  return out;
}

/**
 * The errors of the one anyOf branch the value was clearly meant for: the branches whose type fits the value, when
 * exactly one of them has the fewest errors (`{ id: cn, vai: … }` is the object form with an unknown key). Otherwise
 * undefined, and the caller describes the accepted shapes.
 */
function closestBranch(anyOf: ErrorObject, all: readonly ErrorObject[]): ErrorObject[] | undefined {
  const branches = new Map<string, ErrorObject[]>();
  for (const e of all) {
    if (!(e.instancePath === anyOf.instancePath || e.instancePath.startsWith(`${anyOf.instancePath}/`)))
      continue;
    // A branch that is a $ref reports its errors under the referenced definition's path (localizedMap's empty value
    // under #/definitions/localizedMap/…): an error below the value from outside the anyOf is that branch's.
    const own = e.schemaPath.startsWith(`${anyOf.schemaPath}/`);
    if (!own && e.instancePath === anyOf.instancePath) continue;
    const branch = own ? e.schemaPath.slice(anyOf.schemaPath.length + 1).split('/')[0]! : '$ref';
    branches.set(branch, [...(branches.get(branch) ?? []), e]);
  }
  const fitting = [...branches.values()].filter(
    (list) =>
      !list.some(
        (e) => e.instancePath === anyOf.instancePath && (e.keyword === 'type' || e.keyword === 'enum'),
      ),
  );
  if (!fitting.length) return undefined;
  const fewest = Math.min(...fitting.map((list) => list.length));
  const best = fitting.filter((list) => list.length === fewest);
  return best.length === 1 ? best[0] : undefined;
}

/** A `to` entry whose id or via is shaped like a path gets the path error, not the generic shape message. */
function unsafeRecipient(path: (string | number)[], data: unknown, locate: Locate): Diagnostic | undefined {
  if (path[0] !== 'to' || path.length !== 2) return undefined;
  const fields: [string | undefined, unknown][] =
    typeof data === 'string'
      ? [[undefined, data]]
      : typeof data === 'object' && data !== null
        ? [
            ['id', (data as Record<string, unknown>)['id']],
            ['via', (data as Record<string, unknown>)['via']],
          ]
        : [];
  for (const [field, value] of fields) {
    if (typeof value !== 'string' || !isPathLike(value)) continue;
    const at = field ? [...path, field] : path;
    return problem(
      'unsafe-path',
      `${describe(at)} '${shown(value)}' could lead outside the output folder`,
      locate(at),
      patternHint(at),
    );
  }
  return undefined;
}

function hasAncestorWithAnyOf(instancePath: string, byPath: Map<string, ErrorObject[]>): boolean {
  for (const [other, group] of byPath) {
    if (
      other !== instancePath &&
      instancePath.startsWith(`${other}/`) &&
      group.some((e) => e.keyword === 'anyOf')
    )
      return true;
  }
  return false;
}

function toPath(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'letter.yaml';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function shapeOf(path: readonly (string | number)[]): string {
  const [top] = path;
  if (top === 'body')
    return 'a body item must be one of `p: KEY`, `heading: KEY`, `quote: KEY` (with optional `by: KEY`), `list: [KEYS]`, `vocative`, `pagebreak`';
  if (top === 'to')
    return 'a recipient must be an id (`cn`, `cn/government`, `un`, or one from recipients.yaml) or `{ id, name, via }` with a valid id';
  if (top === 'cc') return 'a cc entry must be a recipient id or a text (plain, or a map by language)';
  return 'must be a plain string or a map by language code (`{ en: …, ko: …, zh: … }`)';
}

function diagnose(e: ErrorObject, path: (string | number)[], locate: Locate): Diagnostic {
  const what = describe(path);
  // The position, and the rejected value itself when it is a scalar (a list or mapping is named by the message).
  const at = (where: (string | number)[], data: unknown) => ({
    ...locate(where),
    ...(isScalar(data)
      ? { value: data instanceof Date ? data.toISOString().slice(0, 10) : String(data) }
      : {}),
  });
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = allowedKeys(path);
      const guess = didYouMean(key, allowed);
      return problem(
        'schema',
        `unknown key '${shown(key)}'${path.length ? ` in ${what}` : ''}`,
        { ...locate([...path, key], { key: true }), value: key },
        guess ? `did you mean '${guess}'?` : `allowed keys: ${allowed.join(', ')}`,
      );
    }
    case 'required':
      return problem(
        'schema',
        `missing required key '${String(params['missingProperty'])}'${path.length ? ` in ${what}` : ''}`,
        locate(path),
        `add '${String(params['missingProperty'])}:'`,
      );
    case 'type':
      return problem(
        'schema',
        `${what} must be ${article(String(params['type']))}, not ${given(e.data)}`,
        at(path, e.data),
        typeHint(path, params['type'], e.data),
      );
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const listed = allowed.map((v) => `'${v}'`).join(', ');
      return problem(
        'schema',
        `${what} ${given(e.data)} is not one of ${listed}`,
        at(path, e.data),
        choiceHint(typeof e.data === 'string' ? e.data : '', allowed),
      );
    }
    case 'pattern':
      if (typeof e.data === 'string' && isPathLike(e.data) && isNameField(path)) {
        return problem(
          'unsafe-path',
          `${what} '${shown(e.data)}' could lead outside the output folder`,
          at(path, e.data),
          patternHint(path),
        );
      }
      return problem(
        'schema',
        `${what} '${shown(e.data)}' is not allowed here`,
        at(path, e.data),
        patternHint(path),
      );
    case 'minItems':
      return problem('schema', `${what} must not be empty`, locate(path), 'list at least one entry');
    case 'uniqueItems': {
      // ajv reports the two positions (i, j) of the first repeated item.
      const items = Array.isArray(e.data) ? (e.data as unknown[]) : [];
      const repeated = items[Number(params['j'])];
      return problem(
        'schema',
        `${what} lists ${given(repeated)} twice`,
        at([...path, Number(params['i'])], repeated),
        `remove one of the two ${given(repeated)}`,
      );
    }
    default:
      return problem(
        'schema',
        `${what} ${given(e.data)} ${e.message ?? 'is invalid'}`,
        at(path, e.data),
        'see schema/letter.schema.json or examples/open-letter-2023/letter.yaml',
      );
  }
}

/** Ids and the slug become folder and file names; these shapes are the ones that escape a folder or break on Windows. */
function isPathLike(value: string): boolean {
  return /(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[A-Za-z]:|\0|[\\:*?"<>|]/.test(value) || RESERVED_NAME.test(value);
}

function isNameField(path: readonly (string | number)[]): boolean {
  const last = path[path.length - 1];
  return last === 'slug' || last === 'id' || last === 'via' || (path[0] === 'to' && path.length === 2);
}

/**
 * YAML reads `slug: 2023`, `short: yes`… as a number, boolean or date where a string was meant: quoting it is the fix.
 * A date keeps its pattern hint, since quoting 20231210 still does not make it YYYY-MM-DD.
 */
function typeHint(path: readonly (string | number)[], expected: unknown, data: unknown): string {
  const wantsString = expected === 'string' || (Array.isArray(expected) && expected.includes('string'));
  const scalar = typeof data === 'number' || typeof data === 'boolean' || data instanceof Date;
  if (!wantsString || !scalar) return 'see schema/letter.schema.json';
  const last = path[path.length - 1];
  if (last === 'date') return patternHint(path);
  const text = data instanceof Date ? data.toISOString().replace(/T00:00:00\.000Z$/, '') : String(data);
  return `quote it: ${typeof last === 'string' ? `${last}: ` : ''}"${shown(text)}"`;
}

function isScalar(data: unknown): data is string | number | boolean | Date {
  return (
    typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean' || data instanceof Date
  );
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping (key: value)';
  return type === 'integer' ? 'an integer' : `a ${type}`;
}

function patternHint(path: readonly (string | number)[]): string {
  const last = path[path.length - 1];
  if (last === 'date') return 'write the date as YYYY-MM-DD, e.g. 2023-12-10';
  if (last === 'slug') return 'use letters, digits, ".", "_" and "-" only (it becomes a file name)';
  if (last === 'email') return 'write an e-mail address like name@example.org';
  if (last === 'id' || last === 'via' || path[0] === 'to')
    return 'ids use lowercase letters, digits, "-" and "_" (and one "/" as in cn/government); no "..", no leading "/"';
  if (path[0] === 'languages') return 'use a language code such as en, ko or zh';
  return 'locale keys use letters, digits, "_", "." and "-"';
}

function allowedKeys(path: readonly (string | number)[]): string[] {
  if (path.length === 0) return Object.keys(schema().properties);
  const [top] = path;
  if (top === 'signatories' && path.length === 2) return ['org', 'short', 'person', 'email', 'signature'];
  if (top === 'signatories') return ['name', 'title'];
  if (top === 'to')
    return ['id', 'name', 'family', 'gender', 'title', 'salutation', 'vocative', 'close', 'honorific', 'via'];
  if (top === 'sign') return ['reason', 'location', 'contact'];
  if (top === 'pdf') return ['standard'];
  if (top === 'body') return ['p', 'heading', 'quote', 'by', 'list', 'ordered'];
  return [];
}
