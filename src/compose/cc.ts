/** The `cc` line: recipient ids resolved to how each is named, a mistyped id refused with a did-you-mean, the rest literal text. */

import { problem, shown, type Diagnostic } from '../diag/index.js';
import { lookupOffice } from '../directory/index.js';
import type { Addressee } from '../directory/index.js';
import { RECIPIENT_ID, type Project } from '../load/index.js';
import type { Lang } from '../model/index.js';
import { addresseeFor, recipientCandidates, resolveRecipient, suggestRecipient } from './recipient.js';

/** A cc entry that names a recipient: its forms of address, and whether the letter's project gave it a name. */
export interface CcRecipient {
  readonly addressee: Addressee;
  /** A project recipient with a name is shown with it; a directory office by its title (its holder data may be stale). */
  readonly named: boolean;
}

/** The cc entries that name recipients, by id, and the entries refused as mistyped ids. */
export interface CcList {
  readonly recipients: ReadonlyMap<string, CcRecipient>;
  readonly problems: readonly Diagnostic[];
}

/**
 * The recipients named in `cc`, by id, in one language. A plain string shaped like an id that is no known id but is
 * close to one is a typo ("kx" for "kr"): refused at its letter.yaml position. Other strings are printed as written.
 */
export function ccRecipients(project: Project, lang: Lang): CcList {
  const out = new Map<string, CcRecipient>();
  const problems: Diagnostic[] = [];
  project.letter.cc.forEach((entry, i) => {
    if (typeof entry !== 'string' || out.has(entry)) return;
    if (project.recipients.has(entry) || lookupOffice(entry)) {
      // Resolved apart from the `to` recipients: a bare cc id must not stand in for a `to` entry with a name and via.
      const own = project.recipients.get(entry);
      const addressee = addresseeFor(
        project,
        resolveRecipient(project, { id: entry, path: [] }),
        lang,
        project.letter.register,
        false,
      );
      const named =
        own !== undefined &&
        addressee.name !== undefined &&
        addressee.nameSource !== 'directory' &&
        addressee.name !== addressee.title;
      out.set(entry, { addressee, named });
      return;
    }
    // One edit for a short id, two for a long one: a literal short word ("team") must not pass for a typo of "tm".
    const guess = RECIPIENT_ID.test(entry)
      ? suggestRecipient(entry, recipientCandidates(project), entry.length < 8 ? 1 : 2)
      : undefined;
    if (guess) {
      problems.push(
        problem(
          'unknown-recipient',
          `unknown recipient '${shown(entry)}' in cc`,
          project.locateLetter(['cc', i]),
          `${guess} To print '${entry}' as written, give it per language: { ${project.letter.languages.map((l) => `${l}: ${entry}`).join(', ')} }`,
        ),
      );
    }
  });
  return { recipients: out, problems };
}

/** How a cc recipient reads in the cc line: the office title, or the language's "title + name" form (`cc_named` label). */
export function ccText(
  recipient: CcRecipient,
  label: (key: string, values: Record<string, string>) => string,
): string {
  const { addressee } = recipient;
  if (!recipient.named || !addressee.name) return addressee.title;
  return addressee.title
    ? label('cc_named', { title: addressee.title, name: addressee.name })
    : addressee.name;
}
