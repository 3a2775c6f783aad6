/** `letter recipients`: search the built-in directory and the project's own recipients. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRecipients } from './directory/index.js';
import { loadRecipients } from './load/recipients.js';

export interface RecipientMatch {
  readonly id: string;
  readonly title: string;
  readonly country?: string;
  readonly holder?: string;
}

export function recipients(opts: { query: string; lang?: string; dir?: string }): RecipientMatch[] {
  const extra: { id: string; names: Record<string, string> }[] = [];
  if (opts.dir && (existsSync(join(opts.dir, 'recipients.yaml')) || existsSync(join(opts.dir, 'recipients.csv')))) {
    for (const r of loadRecipients(opts.dir).recipients.values()) {
      const names = typeof r.name === 'string' ? { en: r.name } : { ...(r.name ?? {}) };
      extra.push({ id: r.id, names });
    }
  }
  return findRecipients(opts.query, { ...(opts.lang ? { lang: opts.lang } : {}), extra });
}
