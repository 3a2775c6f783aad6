/** Who a letter is to: a project recipient or a directory office, resolved to forms of address in one language. */

import { didYouMean, LetterError, nearest, problem, shown, type Location } from '../diag/index.js';
import { addressee, findRecipients, lookupOffice, officeIds, stringsFromJson } from '../directory/index.js';
import type { Addressee, Register } from '../directory/index.js';
import type { DeliveryAddress, Localized, Project, ProjectRecipient, RecipientRef } from '../load/index.js';
import { localizeStrict, type Lang } from '../model/index.js';
import { ownAddressee, projectForms, withProjectForms } from './own-forms.js';

/** A recipient id resolved against the project and the directory. */
export interface ResolvedRecipient {
  readonly ref: RecipientRef;
  readonly own?: ProjectRecipient;
  readonly officeId?: string;
  readonly via?: DeliveryAddress;
}

/** Resolves an id; unknown ids and delivery addresses are errors with a did-you-mean. */
export function resolveRecipient(project: Project, ref: RecipientRef): ResolvedRecipient {
  // Where the id is written: looked up in letter.yaml only for a problem to report.
  const where = (): Partial<Location> =>
    ref.path.length
      ? project.locateLetter([
          ...ref.path,
          ...(typeof project.letter.to[Number(ref.path[1])] === 'string' ? [] : ['id']),
        ])
      : {};
  const own = project.recipients.get(ref.id);
  const officeId = own?.office ?? (own ? undefined : ref.id);
  if (officeId !== undefined && !lookupOffice(officeId)) {
    const guess =
      searchedRecipient(officeId, project) ?? suggestRecipient(officeId, recipientCandidates(project));
    const at = own ? own.where : where();
    throw new LetterError(
      problem(
        'unknown-recipient',
        own?.office !== undefined
          ? `unknown office '${shown(officeId)}' for recipient '${shown(own.id)}'`
          : `unknown recipient '${shown(officeId)}'${ref.path.length || own ? '' : ' (from --to)'}`,
        { ...at, value: officeId },
        guess ??
          'use a country code (cn, kr, us), cn/government, un, or an id from recipients.yaml; `letter recipients QUERY` searches',
      ),
    );
  }
  const viaId = ref.via ?? own?.via;
  const via = viaId !== undefined ? project.addresses.get(viaId) : undefined;
  if (viaId !== undefined && !via) {
    const guess = didYouMean(viaId, project.addresses.keys());
    const at =
      ref.via !== undefined && ref.path.length
        ? project.locateLetter([...ref.path, 'via'])
        : (own?.where ?? where());
    throw new LetterError(
      problem(
        'unknown-address',
        `unknown delivery address '${shown(viaId)}'`,
        { ...at, value: viaId },
        guess ? `did you mean '${guess}'?` : 'add it under `addresses:` in recipients.yaml',
      ),
    );
  }
  return { ref, ...(own ? { own } : {}), ...(officeId ? { officeId } : {}), ...(via ? { via } : {}) };
}

/** Ids a recipient may be: the letter's own first (the likelier meaning of a typo), then the directory's. */
export function recipientCandidates(project: Project): string[] {
  const used = project.letter.to
    .map((r) => r.id)
    .concat(project.letter.cc.filter((c): c is string => typeof c === 'string'));
  return [
    ...new Set([
      ...project.recipients.keys(),
      ...used.filter((id) => project.recipients.has(id) || lookupOffice(id)),
      ...officeIds(),
    ]),
  ];
}

/**
 * A name or common code the directory's search knows ('uk', 'thailand', '태국'): "did you mean 'gb'?" with the office,
 * since the nearest ids by spelling ('ua', 'ug', 'us') would mislead. Undefined when the search finds nothing.
 */
function searchedRecipient(input: string, project: Project): string | undefined {
  const wantsGovernment = input.endsWith('/government');
  const query = wantsGovernment ? input.slice(0, -'/government'.length) : input;
  const [first] = findRecipients(query, { lang: 'en' }).filter(
    (m) =>
      m.id.endsWith('/government') === wantsGovernment &&
      (project.recipients.has(m.id) || lookupOffice(m.id)),
  );
  return first ? `did you mean '${first.id}' (${first.title})?` : undefined;
}

// Two-letter country codes sit one letter apart: a typo of one is near ten ids, and the hint lists them.
const MAX_LISTED = 10;

/**
 * "did you mean 'kr'?" for a mistyped id, naming every id equally near (the letter's own first), or undefined
 * when none is within `limit` edits.
 */
export function suggestRecipient(
  input: string,
  candidates: readonly string[],
  limit?: number,
): string | undefined {
  const near = nearest(input, candidates, limit);
  if (!near.length) return undefined;
  if (near.length === 1) return `did you mean '${near[0]}'?`;
  const listed = near.slice(0, MAX_LISTED).map((id) => `'${id}'`);
  return `did you mean one of ${listed.join(', ')}${near.length > MAX_LISTED ? ', …' : ''}?`;
}

/** Forms of address for the recipient in one language and register. */
export function addresseeFor(
  project: Project,
  recipient: ResolvedRecipient,
  lang: Lang,
  register: Register,
  addressed = true,
): Addressee {
  // A language the tool has no forms for yet (a locales/fr/letter.json alone) borrows the English forms, and English
  // names, rather than failing: `letter check` warns, and locales/<lang>/directory.json makes them its own.
  const own = project.toolStrings.get(lang)?.get('directory')?.data;
  const json = own ?? project.toolStrings.get('en')?.get('directory')?.data;
  if (!json) {
    throw new LetterError(
      problem(
        'missing-file',
        `no forms of address for language '${lang}'`,
        { file: `locales/${lang}/directory.json` },
        `add locales/${lang}/directory.json (copy the tool's locales/en/directory.json and translate it)`,
      ),
    );
  }
  const strings = stringsFromJson(json);
  const pick = (value: Localized | undefined) =>
    localizeStrict(value, lang) ?? (own ? undefined : localizeStrict(value, 'en'));
  const name = pick(recipient.ref.name) ?? pick(recipient.own?.name);
  const familyName = pick(recipient.ref.family) ?? pick(recipient.own?.family);
  const gender = recipient.ref.gender ?? recipient.own?.gender;
  if (recipient.officeId) {
    const forms = addressee({
      id: recipient.ref.id,
      office: lookupOffice(recipient.officeId)!,
      lang,
      register,
      strings,
      // The letter's date picks the directory's holder in office that day.
      date: new Date(`${project.letter.date}T00:00:00Z`),
      ...(name !== undefined ? { name } : {}),
      ...(familyName !== undefined ? { familyName } : {}),
      ...(gender ? { gender } : {}),
    });
    return withProjectForms(forms, projectForms(recipient, lang));
  }
  return ownAddressee({ project, recipient, lang, register, strings, name, addressed });
}
