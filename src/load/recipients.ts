/** The project's recipients and delivery addresses: recipients.yaml, and/or recipients.csv and addresses.csv (a spreadsheet's export). */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean, given, LetterError, problem, shown as show, type Diagnostic } from '../diag/index.js';
import { parseYaml, readText } from './source.js';
import { readAddressesCsv, readRecipientsCsv } from './recipients-csv.js';
import { add, addressFrom, list, isObject, recipientFrom } from './recipient-entries.js';
import { leadsOutside, staysInside } from './paths.js';
import type { DeliveryAddress, ProjectRecipient } from './types.js';

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
    ['recipients.csv', readRecipientsCsv],
    ['addresses.csv', readAddressesCsv],
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
    problems.push(
      problem(
        'schema',
        `${shown} must be a mapping with 'recipients:' and/or 'addresses:', not ${given(data)}`,
        locate([]),
      ),
    );
    return;
  }
  for (const key of Object.keys(data)) {
    if (key !== 'recipients' && key !== 'addresses') {
      const guess = didYouMean(key, ['recipients', 'addresses']);
      problems.push(
        problem(
          'schema',
          `unknown key '${show(key)}' in ${shown}`,
          locate([key], { key: true }),
          guess ? `did you mean '${guess}'?` : "use 'recipients:' and 'addresses:'",
        ),
      );
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
