/** `letter recipients`: search the built-in directory and the project's own recipients. */

import { findRecipients, type ExtraRecipient, type RecipientMatch } from './directory/index.js';
import { loadRecipients } from './load/recipients.js';

export type { RecipientMatch } from './directory/index.js';

export function recipients(opts: { query: string; lang?: string; dir?: string }): RecipientMatch[] {
  const extra: ExtraRecipient[] = [];
  // Neither recipients.yaml nor recipients.csv there: loadRecipients gives none.
  if (opts.dir) {
    for (const r of loadRecipients(opts.dir).recipients.values()) {
      const names = typeof r.name === 'string' ? { en: r.name } : { ...(r.name ?? {}) };
      extra.push({ id: r.id, names });
    }
  }
  return findRecipients(opts.query, { ...(opts.lang ? { lang: opts.lang } : {}), extra });
}
