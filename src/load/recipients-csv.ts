/**
 * recipients.csv and addresses.csv, as a spreadsheet exports them (BOM, CRLF, quoted commas, empty cells): the
 * header names the fields (`name.ko`, `line1` …); an unknown, repeated or reserved column is one error at the header.
 */

import { parse as parseCsv } from 'csv-parse/sync';
import { didYouMean, problem, shown as show, type Diagnostic, type Location } from '../diag/index.js';
import { readText } from './source.js';
import { LANG_CODE } from './paths.js';
import { add, addressFrom, LOCALIZED_FIELDS, recipientFrom } from './recipient-entries.js';
import type { DeliveryAddress, ProjectRecipient } from './types.js';

/** Where read recipients and addresses go. */
export interface RecipientMaps {
  readonly recipients: Map<string, ProjectRecipient>;
  readonly addresses: Map<string, DeliveryAddress>;
}
import type { Locate } from './types.js';

/** A row as a mapping like a YAML entry's (`name.ko` → `name: { ko }`), with the line it ends on. */
interface Row {
  readonly entry: Record<string, unknown>;
  readonly line: number;
}

export function readRecipientsCsv(
  file: string,
  shown: string,
  out: RecipientMaps,
  problems: Diagnostic[],
): void {
  const plain = ['id', 'office', 'gender', 'via'];
  const rows = readRows(
    file,
    shown,
    problems,
    (column) => plain.includes(column) || localizedColumn(column, LOCALIZED_FIELDS),
    [...plain, ...[...LOCALIZED_FIELDS].map((f) => `${f}.en`)],
  );
  for (const { entry, line } of rows) {
    const locate: Locate = () => ({ file: shown, line, column: 1 });
    const r = recipientFrom(entry, [], locate, shown, problems);
    if (r) add(out.recipients, r, locate([]), shown, problems);
  }
}

export function readAddressesCsv(
  file: string,
  shown: string,
  out: RecipientMaps,
  problems: Diagnostic[],
): void {
  const rows = readRows(
    file,
    shown,
    problems,
    (column) =>
      column === 'id' || /^line[1-9]\d*$/.test(column) || localizedColumn(column, new Set(['name'])),
    ['id', 'name.en', 'line1'],
  );
  for (const { entry, line } of rows) {
    const locate: Locate = () => ({ file: shown, line, column: 1 });
    const lines = Object.keys(entry)
      .filter((k) => /^line\d+$/.test(k))
      .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
      .map((k) => entry[k]);
    const { id, name } = entry;
    const a = addressFrom(
      { ...(id !== undefined ? { id } : {}), ...(name !== undefined ? { name } : {}), lines },
      [],
      locate,
      shown,
      problems,
    );
    if (a) add(out.addresses, a, locate([]), shown, problems);
  }
}

/** `name` or `name.<lang>` for a localisable field. */
function localizedColumn(column: string, fields: ReadonlySet<string>): boolean {
  const dot = column.indexOf('.');
  if (dot < 0) return fields.has(column);
  return fields.has(column.slice(0, dot)) && LANG_CODE.test(column.slice(dot + 1));
}

/**
 * The separator the header line uses: a comma, else a semicolon or a tab (what a spreadsheet exports where the comma is
 * the decimal mark). No column name holds any of them, so the header tells.
 */
function headerDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  return header.includes('\t') ? '\t' : ',';
}

/**
 * The rows under a valid header. The header is checked once, as a whole: each unknown, repeated or empty column is
 * an error at its place in the header line (never again for every row), and then no row is read.
 */
function readRows(
  file: string,
  shown: string,
  problems: Diagnostic[],
  allowed: (column: string) => boolean,
  examples: readonly string[],
): Row[] {
  const text = readText(file, shown);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      delimiter: headerDelimiter(text),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    problems.push(
      problem(
        'csv-syntax',
        `CSV error in ${shown}: ${err.message.split('\n')[0]}`,
        { file: shown, line: err.lines ?? 1, column: 1 },
        'check the quotes and that every row has as many cells as the header',
      ),
    );
    return [];
  }
  if (!records.length) return [];
  const [header, ...body] = records;
  const columns = header!.record;
  const headerLine = header!.info.lines;
  const at = (i: number): Location => ({
    file: shown,
    line: headerLine,
    column: headerColumn(text, columns, i),
  });
  const before = problems.length;
  const seen = new Map<string, number>();
  columns.forEach((column, i) => {
    if (column === '')
      problems.push(
        problem(
          'schema',
          `column ${i + 1} of ${shown} has no name`,
          at(i),
          'name it (e.g. name.en) or delete the column',
        ),
      );
    else if (seen.has(column))
      problems.push(
        problem(
          'schema',
          `column '${show(column)}' appears twice in ${shown} (columns ${seen.get(column)! + 1} and ${i + 1})`,
          at(i),
          'keep one of them: a row has one value per field',
        ),
      );
    else if (!allowed(column)) {
      const guess = didYouMean(column, examples);
      problems.push(
        problem(
          'schema',
          `unknown column '${show(column)}' in ${shown}`,
          at(i),
          guess
            ? `did you mean '${guess}'?`
            : `columns: ${examples.join(', ')} (and the same fields for other languages)`,
        ),
      );
    }
    if (!seen.has(column)) seen.set(column, i);
  });
  if (problems.length > before) return [];
  return body.map(({ record, info }) => {
    // A null-prototype map: a column name is data, never a property of Object.prototype.
    const entry: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    record.forEach((value, i) => {
      if (value === '') return;
      const column = columns[i]!;
      const dot = column.indexOf('.');
      if (dot < 0) entry[column] = value;
      else {
        const field = column.slice(0, dot);
        const map = (entry[field] ??= Object.create(null)) as Record<string, string>;
        map[column.slice(dot + 1)] = value;
      }
    });
    return { entry: { ...entry }, line: info.lines };
  });
}

/** 1-based column of the i-th header cell in the file's first line (after a BOM), for a message that points at it. */
function headerColumn(text: string, columns: readonly string[], i: number): number {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let from = 0;
  for (let j = 0; j <= i; j++) {
    const found = first.indexOf(columns[j]!, from);
    if (found < 0) return 1;
    if (j === i) return found + 1;
    from = found + columns[j]!.length;
  }
  return 1;
}
