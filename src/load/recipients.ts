/** The project's recipients and delivery addresses: recipients.yaml, or recipients.csv with the same fields as columns. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { didYouMean, LetterError, problem, shown as show, type Diagnostic } from '../diag/index.js';
import { parseYaml, readText } from './source.js';
import { isSafeSegment, leadsOutside, RECIPIENT_ID, staysInside } from './paths.js';
import type { DeliveryAddress, Localized, Locate, ProjectRecipient } from './types.js';

const RECIPIENT_FIELDS = ['id', 'office', 'name', 'family', 'title', 'salutation', 'via'];
const ADDRESS_FIELDS = ['id', 'name', 'lines'];
const LOCALIZED_FIELDS = new Set(['name', 'family', 'title', 'salutation']);

export interface ProjectRecipients {
  readonly recipients: Map<string, ProjectRecipient>;
  readonly addresses: Map<string, DeliveryAddress>;
}

/** Reads recipients.yaml and/or recipients.csv when present (inside the project); both absent is fine (the directory alone serves). */
export function loadRecipients(dir: string): ProjectRecipients {
  const out: ProjectRecipients = { recipients: new Map(), addresses: new Map() };
  const problems: Diagnostic[] = [];
  for (const [name, read] of [
    ['recipients.yaml', readYaml],
    ['recipients.csv', readCsv],
  ] as const) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    if (staysInside(dir, file)) read(file, name, out, problems);
    else problems.push(leadsOutside(name, { file: name, line: 1, column: 1 }));
  }
  if (problems.length) throw new LetterError(problems);
  return out;
}

function readYaml(file: string, shown: string, out: ProjectRecipients, problems: Diagnostic[]): void {
  const { data, locate } = parseYaml(readText(file, shown), shown);
  if (!isObject(data)) {
    problems.push(problem('schema', `${shown} must be a mapping with 'recipients:' and/or 'addresses:'`, locate([])));
    return;
  }
  for (const key of Object.keys(data)) {
    if (key !== 'recipients' && key !== 'addresses') {
      const guess = didYouMean(key, ['recipients', 'addresses']);
      problems.push(problem('schema', `unknown key '${show(key)}' in ${shown}`, locate([key], { key: true }), guess ? `did you mean '${guess}'?` : "use 'recipients:' and 'addresses:'"));
    }
  }
  list(data['recipients'], 'recipients', locate, problems).forEach((entry, i) => {
    const r = recipientFrom(entry, ['recipients', i], locate, shown, problems);
    if (r) add(out.recipients, r, locate(['recipients', i, 'id']), shown, problems);
  });
  list(data['addresses'], 'addresses', locate, problems).forEach((entry, i) => {
    const a = addressFrom(entry, ['addresses', i], locate, shown, problems);
    if (a) add(out.addresses, a, locate(['addresses', i, 'id']), shown, problems);
  });
}

function readCsv(file: string, shown: string, out: ProjectRecipients, problems: Diagnostic[]): void {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(readText(file, shown), { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true }) as typeof rows;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    problems.push(problem('csv-syntax', `CSV error: ${err.message.split('\n')[0]}`, { file: shown, line: err.lines ?? 1, column: 1 }, 'check the quotes and the number of columns'));
    return;
  }
  rows.forEach(({ record, info }) => {
    const line = info.lines;
    const entry: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(record)) {
      if (value === '') continue;
      const [field, lang] = column.split('.');
      if (lang && field && LOCALIZED_FIELDS.has(field)) entry[field] = { ...((entry[field] as object | undefined) ?? {}), [lang]: value };
      else entry[column] = value;
    }
    const locate: Locate = () => ({ file: shown, line, column: 1 });
    const r = recipientFrom(entry, [], locate, shown, problems);
    if (r) add(out.recipients, r, locate([]), shown, problems);
  });
}

function recipientFrom(entry: unknown, path: (string | number)[], locate: Locate, shown: string, problems: Diagnostic[]): ProjectRecipient | undefined {
  if (!isObject(entry)) {
    problems.push(problem('schema', `a recipient in ${shown} must be a mapping with 'id:'`, locate(path)));
    return undefined;
  }
  if (!checkFields(entry, RECIPIENT_FIELDS, path, locate, shown, problems)) return undefined;
  const id = checkId(entry['id'], [...path, 'id'], locate, problems);
  if (!id) return undefined;
  const out: Record<string, unknown> = { id, where: locate([...path, 'id']) };
  for (const field of ['office', 'via'] as const) if (typeof entry[field] === 'string') out[field] = entry[field];
  for (const field of LOCALIZED_FIELDS) {
    if (entry[field] === undefined) continue;
    if (!isLocalized(entry[field])) problems.push(problem('schema', `'${field}' must be a string or a map by language`, locate([...path, field])));
    else out[field] = entry[field];
  }
  return out as unknown as ProjectRecipient;
}

function addressFrom(entry: unknown, path: (string | number)[], locate: Locate, shown: string, problems: Diagnostic[]): DeliveryAddress | undefined {
  if (!isObject(entry)) {
    problems.push(problem('schema', `an address in ${shown} must be a mapping with 'id:', 'name:' and 'lines:'`, locate(path)));
    return undefined;
  }
  if (!checkFields(entry, ADDRESS_FIELDS, path, locate, shown, problems)) return undefined;
  const id = checkId(entry['id'], [...path, 'id'], locate, problems);
  if (!id) return undefined;
  if (!isLocalized(entry['name'])) {
    problems.push(problem('schema', `address '${id}' needs a 'name:' (a string or a map by language)`, locate([...path, 'name'])));
    return undefined;
  }
  const lines = entry['lines'] ?? [];
  if (!Array.isArray(lines) || !lines.every((l) => typeof l === 'string' || typeof l === 'number')) {
    problems.push(problem('schema', `'lines' of address '${id}' must be a list of strings`, locate([...path, 'lines'])));
    return undefined;
  }
  return { id, name: entry['name'] as Localized, lines: lines.map(String), where: locate([...path, 'id']) };
}

function checkFields(entry: Record<string, unknown>, allowed: string[], path: (string | number)[], locate: Locate, shown: string, problems: Diagnostic[]): boolean {
  let ok = true;
  for (const key of Object.keys(entry)) {
    const field = key.split('.')[0]!;
    if (!allowed.includes(field)) {
      const guess = didYouMean(field, allowed);
      problems.push(problem('schema', `unknown field '${show(key)}' in ${shown}`, locate([...path, key], { key: true }), guess ? `did you mean '${guess}'?` : `allowed: ${allowed.join(', ')}`));
      ok = false;
    }
  }
  return ok;
}

function checkId(id: unknown, path: (string | number)[], locate: Locate, problems: Diagnostic[]): string | undefined {
  if (typeof id !== 'string' || !id) {
    problems.push(problem('schema', 'missing id', locate(path), 'give every entry an id: lowercase letters, digits, "-" and "_"'));
    return undefined;
  }
  const shaped = RECIPIENT_ID.test(id);
  if (!shaped && !/\.\.|^[\\/]|\0|[\\:]/.test(id)) {
    problems.push(problem('schema', `id '${show(id)}' is not allowed`, locate(path), 'ids use lowercase letters, digits, "-" and "_" (and one "/")'));
    return undefined;
  }
  if (!shaped || !id.split('/').every(isSafeSegment)) {
    problems.push(problem('unsafe-path', `id '${show(id)}' is not allowed`, locate(path), 'ids become folder names: use lowercase letters, digits, "-" and "_"; no "..", "/" at the start, or NUL'));
    return undefined;
  }
  return id;
}

function add<T extends { id: string }>(map: Map<string, T>, value: T, where: ReturnType<Locate>, shown: string, problems: Diagnostic[]): void {
  if (map.has(value.id)) problems.push(problem('schema', `id '${value.id}' appears twice in ${shown}`, where, 'ids must be unique'));
  else map.set(value.id, value);
}

function list(value: unknown, key: string, locate: Locate, problems: Diagnostic[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  problems.push(problem('schema', `'${key}' must be a list`, locate([key])));
  return [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLocalized(v: unknown): v is Localized {
  return typeof v === 'string' || (isObject(v) && Object.values(v).every((s) => typeof s === 'string'));
}
