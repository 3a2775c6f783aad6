/** One recipient or delivery address from a mapping: a recipients.yaml entry, or a CSV row read as one. */

import { didYouMean, problem, shown as show, type Diagnostic } from '../diag/index.js';
import { isSafeSegment, RECIPIENT_ID } from './paths.js';
import type { DeliveryAddress, Localized, Locate, ProjectRecipient } from './types.js';

export const LOCALIZED_FIELDS = new Set([
  'name',
  'family',
  'title',
  'salutation',
  'vocative',
  'close',
  'honorific',
]);
const RECIPIENT_FIELDS = ['id', 'office', 'gender', ...LOCALIZED_FIELDS, 'via'];
const ADDRESS_FIELDS = ['id', 'name', 'lines'];
const GENDERS = ['female', 'male'];

/** A recipient from a mapping (a recipients.yaml entry or a CSV row as one); problems are collected, not thrown. */
export function recipientFrom(
  entry: unknown,
  path: (string | number)[],
  locate: Locate,
  shown: string,
  problems: Diagnostic[],
): ProjectRecipient | undefined {
  if (!isObject(entry)) {
    problems.push(problem('schema', `a recipient in ${shown} must be a mapping with 'id:'`, locate(path)));
    return undefined;
  }
  if (!checkFields(entry, RECIPIENT_FIELDS, path, locate, shown, problems)) return undefined;
  const id = checkId(entry['id'], [...path, 'id'], locate, problems);
  if (!id) return undefined;
  const out: Record<string, unknown> = { id, where: locate([...path, 'id']) };
  for (const field of ['office', 'via'] as const)
    if (typeof entry[field] === 'string') out[field] = entry[field];
  if (entry['gender'] !== undefined) {
    if (typeof entry['gender'] === 'string' && GENDERS.includes(entry['gender']))
      out['gender'] = entry['gender'];
    else
      problems.push(
        problem(
          'schema',
          `gender '${show(String(entry['gender']))}' of '${id}' is not one of ${GENDERS.join(', ')}`,
          locate([...path, 'gender']),
          'write female or male, or leave it out for forms without gender',
        ),
      );
  }
  for (const field of LOCALIZED_FIELDS) {
    if (entry[field] === undefined) continue;
    if (!isLocalized(entry[field]))
      problems.push(
        problem('schema', `'${field}' must be a string or a map by language`, locate([...path, field])),
      );
    else out[field] = entry[field];
  }
  return out as unknown as ProjectRecipient;
}

/** A delivery address from a mapping (a recipients.yaml entry or an addresses.csv row as one). */
export function addressFrom(
  entry: unknown,
  path: (string | number)[],
  locate: Locate,
  shown: string,
  problems: Diagnostic[],
): DeliveryAddress | undefined {
  if (!isObject(entry)) {
    problems.push(
      problem(
        'schema',
        `an address in ${shown} must be a mapping with 'id:', 'name:' and 'lines:'`,
        locate(path),
      ),
    );
    return undefined;
  }
  if (!checkFields(entry, ADDRESS_FIELDS, path, locate, shown, problems)) return undefined;
  const id = checkId(entry['id'], [...path, 'id'], locate, problems);
  if (!id) return undefined;
  if (!isLocalized(entry['name'])) {
    problems.push(
      problem(
        'schema',
        `address '${id}' needs a 'name:' (a string or a map by language)`,
        locate([...path, 'name']),
      ),
    );
    return undefined;
  }
  const lines = entry['lines'] ?? [];
  if (!Array.isArray(lines) || !lines.every((l) => typeof l === 'string' || typeof l === 'number')) {
    problems.push(
      problem('schema', `'lines' of address '${id}' must be a list of strings`, locate([...path, 'lines'])),
    );
    return undefined;
  }
  return { id, name: entry['name'] as Localized, lines: lines.map(String), where: locate([...path, 'id']) };
}

function checkFields(
  entry: Record<string, unknown>,
  allowed: string[],
  path: (string | number)[],
  locate: Locate,
  shown: string,
  problems: Diagnostic[],
): boolean {
  let ok = true;
  for (const key of Object.keys(entry)) {
    const field = key.split('.')[0]!;
    if (!allowed.includes(field)) {
      const guess = didYouMean(field, allowed);
      problems.push(
        problem(
          'schema',
          `unknown field '${show(key)}' in ${shown}`,
          locate([...path, key], { key: true }),
          guess ? `did you mean '${guess}'?` : `allowed: ${allowed.join(', ')}`,
        ),
      );
      ok = false;
    }
  }
  return ok;
}

function checkId(
  id: unknown,
  path: (string | number)[],
  locate: Locate,
  problems: Diagnostic[],
): string | undefined {
  if (typeof id !== 'string' || !id) {
    problems.push(
      problem(
        'schema',
        'missing id',
        locate(path),
        'give every entry an id: lowercase letters, digits, "-" and "_"',
      ),
    );
    return undefined;
  }
  const shaped = RECIPIENT_ID.test(id);
  if (!shaped && !/\.\.|^[\\/]|\0|[\\:]/.test(id)) {
    problems.push(
      problem(
        'schema',
        `id '${show(id)}' is not allowed`,
        locate(path),
        'ids use lowercase letters, digits, "-" and "_" (and one "/")',
      ),
    );
    return undefined;
  }
  if (!shaped || !id.split('/').every(isSafeSegment)) {
    problems.push(
      problem(
        'unsafe-path',
        `id '${show(id)}' is not allowed`,
        locate(path),
        'ids become folder names: use lowercase letters, digits, "-" and "_"; no "..", "/" at the start, or NUL',
      ),
    );
    return undefined;
  }
  return id;
}

export function add<T extends { id: string }>(
  map: Map<string, T>,
  value: T,
  where: ReturnType<Locate>,
  shown: string,
  problems: Diagnostic[],
): void {
  if (map.has(value.id))
    problems.push(
      problem('schema', `id '${value.id}' appears twice in ${shown}`, where, 'ids must be unique'),
    );
  else map.set(value.id, value);
}

export function list(value: unknown, key: string, locate: Locate, problems: Diagnostic[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  problems.push(problem('schema', `'${key}' must be a list`, locate([key])));
  return [];
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLocalized(v: unknown): v is Localized {
  return typeof v === 'string' || (isObject(v) && Object.values(v).every((s) => typeof s === 'string'));
}
