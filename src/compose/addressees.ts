/**
 * The forms of address of one project's recipients, each worked out once. A build asks for them twice per letter:
 * composing it, and checking the text for words that do not fit its recipient (check/hard-coded-forms.ts); resolving
 * them tries some fifty keys per form, for nine forms. A recipient's forms depend on the project (its directory strings,
 * the letter's date and body) and on everything the recipient is given with: the table belongs to one project, and a
 * form is found by the recipient's whole content (its entry in letter.yaml and in the recipients file), never by which
 * object holds it.
 */

import type { Addressee, Register } from '../directory/index.js';
import type { Project } from '../load/index.js';
import type { Lang } from '../model/index.js';
import { addresseeFor, type ResolvedRecipient } from './recipient.js';

export class Addressees {
  private readonly found = new Map<string, Addressee>();
  /** Forms served from the table and forms worked out, for tests and measurement. */
  readonly counts = { reused: 0, made: 0 };

  constructor(private readonly project: Project) {}

  /** `addresseeFor(project, recipient, lang, register)`; a recipient whose forms are missing throws each time. */
  for(recipient: ResolvedRecipient, lang: Lang, register: Register): Addressee {
    const id = JSON.stringify([lang, register, recipient]);
    const known = this.found.get(id);
    if (known !== undefined) {
      this.counts.reused++;
      return known;
    }
    this.counts.made++;
    const addressee = addresseeFor(this.project, recipient, lang, register);
    this.found.set(id, addressee);
    return addressee;
  }
}
