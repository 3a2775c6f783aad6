/** One recipient or delivery address from a mapping: a recipients.yaml entry, or a CSV row read as one. */

import { didYouMean, given, problem, shown as show, type Diagnostic } from '../diag/index.js';
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
    problems.push(
      problem(
        'schema',
        `a recipient in ${shown} must be a mapping with 'id:', not ${given(entry)}`,
        { ...locate(path), ...scalar(entry) },
        'write each recipient as `- id: …` with its fields indented under it',
      ),
    );
    return undefined;
  }
  if (!checkFields(entry, RECIPIENT_FIELDS, path, locate, shown, problems)) return undefined;
  const id = checkId(entry['id'], [...path, 'id'], locate, problems);
  if (!id) return undefined;
  const out: Record<string, unknown> = { id, where: locate([...path, 'id']) };
  for (const field of ['office', 'via'] as const) {
    const value = entry[field];
    if (value === undefined) continue;
    if (typeof value === 'string') out[field] = value;
    else
      problems.push(
        problem(
          'schema',
          `'${field}' of '${id}' must be an id, not ${given(value)}`,
          { ...locate([...path, field]), ...scalar(value) },
          field === 'office'
            ? 'give one directory id, e.g. office: cn (or cn/government)'
            : "give the id of one entry under 'addresses:'",
        ),
      );
  }
  if (entry['gender'] !== undefined) {
    if (typeof entry['gender'] === 'string' && GENDERS.includes(entry['gender']))
      out['gender'] = entry['gender'];
    else
      problems.push(
        problem(
          'schema',
          `gender of '${id}' must be ${GENDERS.join(' or ')}, not ${given(entry['gender'])}`,
          { ...locate([...path, 'gender']), ...scalar(entry['gender']) },
          'write female or male, or leave it out for forms without gender',
        ),
      );
  }
  for (const field of LOCALIZED_FIELDS) {
    if (entry[field] === undefined) continue;
    const wrong = notLocalized(entry[field], [...path, field]);
    if (!wrong) out[field] = entry[field];
    else
      problems.push(
        problem(
          'schema',
          `'${wrong.key ? `${field}.${wrong.key}` : field}' of '${id}' must be ${wrong.key ? 'a string' : 'a string or a map by language'}, not ${given(wrong.value)}`,
          { ...locate(wrong.path), ...scalar(wrong.value) },
          'write one string, or a map by language code: { en: …, ko: …, zh: … }',
        ),
      );
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
        `an address in ${shown} must be a mapping with 'id:', 'name:' and 'lines:', not ${given(entry)}`,
        { ...locate(path), ...scalar(entry) },
        'write each address as `- id: …` with name: and lines: indented under it',
      ),
    );
    return undefined;
  }
  if (!checkFields(entry, ADDRESS_FIELDS, path, locate, shown, problems)) return undefined;
  const id = checkId(entry['id'], [...path, 'id'], locate, problems);
  if (!id) return undefined;
  const wrongName = entry['name'] === undefined ? undefined : notLocalized(entry['name'], [...path, 'name']);
  if (entry['name'] === undefined || wrongName) {
    problems.push(
      problem(
        'schema',
        wrongName
          ? `'${wrongName.key ? `name.${wrongName.key}` : 'name'}' of address '${id}' must be ${wrongName.key ? 'a string' : 'a string or a map by language'}, not ${given(wrongName.value)}`
          : `address '${id}' needs a 'name:' (a string or a map by language)`,
        wrongName ? { ...locate(wrongName.path), ...scalar(wrongName.value) } : locate([...path, 'name']),
        'write one string, or a map by language code: { en: …, ko: …, zh: … }',
      ),
    );
    return undefined;
  }
  const lines = entry['lines'] ?? [];
  const isLine = (l: unknown) => typeof l === 'string' || typeof l === 'number';
  const badLine = Array.isArray(lines) ? lines.findIndex((l) => !isLine(l)) : -1;
  if (!Array.isArray(lines) || badLine >= 0) {
    const [at, value] = Array.isArray(lines)
      ? [[...path, 'lines', badLine], lines[badLine]]
      : [[...path, 'lines'], lines];
    problems.push(
      problem(
        'schema',
        Array.isArray(lines)
          ? `line ${badLine + 1} of address '${id}' must be a string, not ${given(value)}`
          : `'lines' of address '${id}' must be a list of strings, not ${given(value)}`,
        { ...locate(at), ...scalar(value) },
        'write lines: [first line, second line, …], quoting a line that has a comma',
      ),
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
        id === undefined || id === '' ? 'missing id' : `id must be a string, not ${given(id)}`,
        { ...locate(path), ...scalar(id) },
        typeof id === 'number'
          ? `YAML reads it as a number: write it in quotes, id: "${id}"`
          : 'give every entry an id: lowercase letters, digits, "-" and "_"',
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
      problem(
        'schema',
        `id '${show(value.id)}' appears twice in ${shown}`,
        { ...where, value: value.id },
        'ids must be unique',
      ),
    );
  else map.set(value.id, value);
}

export function list(value: unknown, key: string, locate: Locate, problems: Diagnostic[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  problems.push(
    problem(
      'schema',
      `'${key}' must be a list, not ${given(value)}`,
      { ...locate([key]), ...scalar(value) },
      `write each entry on its own line under ${key}:, starting with "- "`,
    ),
  );
  return [];
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What is wrong with a localisable value: undefined when it is one; else the value (or one language's) at fault. */
function notLocalized(
  v: unknown,
  path: (string | number)[],
): { key?: string; value: unknown; path: (string | number)[] } | undefined {
  if (typeof v === 'string') return undefined;
  if (!isObject(v)) return { value: v, path };
  const bad = Object.entries(v).find(([, s]) => typeof s !== 'string');
  return bad ? { key: bad[0], value: bad[1], path: [...path, bad[0]] } : undefined;
}

/** The rejected value for a diagnostic's `value` field, when it is one a program can compare (a scalar). */
function scalar(v: unknown): { value?: string } {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? { value: String(v) } : {};
}
