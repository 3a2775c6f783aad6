/**
 * Warnings about office holders: the directory's name may be missing, old, or for a term that ended before the
 * letter's date; some offices are contested, transitional or rotating; the table itself has a review date. A letter
 * can always give the name itself.
 */

import { isLetterError, problem, type Diagnostic, type Location } from '../diag/index.js';
import {
  HOLDER_MAX_AGE_DAYS,
  ageOfHolder,
  caveatOn,
  holderAfter,
  holderOn,
  isoDay,
  knownFrom,
  lookupOffice,
  officeOn,
  officeTitle,
  REVIEWED,
  stringsFromJson,
  termEndedBefore,
  type Caveat,
  type CaveatForm,
  type Office,
} from '../directory/index.js';
import type { Project, ProjectRecipient, RecipientRef } from '../load/index.js';
import { localizeStrict, type Lang } from '../model/index.js';

const DAY_MS = 86_400_000;

const warning = (
  code: Parameters<typeof problem>[0],
  message: string,
  where: Partial<Location>,
  hint: string,
): Diagnostic => ({
  ...problem(code, message, where, hint),
  severity: 'warning',
});

/**
 * For each recipient that resolves to a directory office: its caveat; and when the letter names no one: a warning
 * when no holder is known on the letter's date (naming the end of the term that ended before it), when the holder's
 * data is older than 180 days at `now`, and when its holder has no name in one of the `languages` being built (those
 * letters use title-only forms). Once per check: the directory's table is older than 180 days.
 */
export function holderWarnings(
  project: Project,
  refs: readonly RecipientRef[],
  now: Date,
  languages: readonly Lang[] = project.letter.languages,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const letterDay = new Date(`${project.letter.date}T00:00:00Z`);
  let usesDirectory = false;
  for (const ref of refs) {
    if (seen.has(ref.id)) continue;
    seen.add(ref.id);
    const own = project.recipients.get(ref.id);
    // As compose resolves it: a project recipient without `office:` is its own, with no directory holder to age.
    const officeId = own ? own.office : ref.id;
    const office = officeId === undefined ? undefined : lookupOffice(officeId);
    if (!office) continue;
    usesDirectory = true;
    const where = ref.path.length ? project.locateLetter([...ref.path]) : {};
    // The caveat of the office as it was on the letter's date (none before Nicaragua's co-presidency began), if it
    // holds that day.
    const caveat = caveatOn(office, letterDay);
    const unanswered = caveat && unansweredForms(caveat, project, ref, own, languages);
    if (caveat && unanswered) {
      out.push(
        warning(
          'office-caveat',
          `'${ref.id}' (${caveat.kind}): ${caveat.text}`,
          where,
          unanswered.length
            ? `give them in letter.yaml: to: [{ id: ${ref.id}, ${unanswered.join(', ')} }]; \`letter recipients ${ref.id}\` shows the note and its source`
            : 'decide knowingly before sending; `letter recipients ' +
                ref.id +
                '` shows the note and its source',
        ),
      );
    }
    // The office as it was on the letter's date, with the holders known from before a change (officeOn).
    const was = officeOn(office, letterDay);
    const conflict = genderConflict(ref, own, was, letterDay, project);
    if (conflict) out.push(conflict);
    if (ref.name !== undefined || own?.name !== undefined) continue;
    const monarch = monarchGender(ref.id, office, letterDay, ref.gender ?? own?.gender, where);
    if (monarch) out.push(monarch);
    out.push(...holderProblems(ref.id, was, office, letterDay, project, now, languages, where));
  }
  const reviewedAge = Math.floor((now.getTime() - Date.parse(`${REVIEWED}T00:00:00Z`)) / DAY_MS);
  if (usesDirectory && reviewedAge > HOLDER_MAX_AGE_DAYS) {
    out.push(
      warning(
        'directory-stale',
        `the directory's table of offices was last reviewed on ${REVIEWED}, ${reviewedAge} days ago`,
        {},
        'check the titles of the offices this letter goes to, or update letter',
      ),
    );
  }
  return out;
}

/**
 * What a caveat that holds on the letter's date still asks of the letter, as `field: { lang: … }` entries: undefined
 * when it does not apply (it is about languages none of which is built, or the letter gives every form that answers
 * it, in each of those languages), an empty list when nothing the letter gives answers it (a contested office).
 */
function unansweredForms(
  caveat: Caveat,
  project: Project,
  ref: RecipientRef,
  own: ProjectRecipient | undefined,
  languages: readonly Lang[],
): string[] | undefined {
  const concerned = caveat.langs ? languages.filter((lang) => caveat.langs!.includes(lang)) : languages;
  if (!concerned.length) return undefined;
  if (!caveat.answeredBy) return [];
  // As compose takes them (own-forms.ts): the letter's entry first, then the recipients file, per language.
  const given = (field: CaveatForm, lang: Lang) =>
    (localizeStrict(ref[field], lang) ?? localizeStrict(own?.[field], lang) ?? '').trim() !== '';
  // The vocative is only used where the letter re-addresses the recipient mid-letter.
  const reAddresses = project.letter.body.some((item) => item.kind === 'vocative');
  const asked = caveat.answeredBy.filter((field) => field !== 'vocative' || reAddresses);
  const missing = asked.filter((field) => concerned.some((lang) => !given(field, lang)));
  if (!missing.length) return undefined;
  return missing.map((field) => `${field}: { ${concerned.map((lang) => `${lang}: …`).join(', ')} }`);
}

/**
 * A gender given for a recipient (letter.yaml, else the recipients file) that is not the gender of the person the
 * letter is to: the directory's holder on the letter's date, when the letter names no one else (no name, or the
 * holder's name in one of its languages). That holder's gender is the one the directory records for the person, else
 * the one the office fixes (a King). The forms follow the given gender (the project's word wins over the directory's,
 * SPEC §5, and every language alike), so 'Her Majesty Queen Charles III' would go out: said here, at the gender.
 */
function genderConflict(
  ref: RecipientRef,
  own: ProjectRecipient | undefined,
  office: Office,
  letterDay: Date,
  project: Project,
): Diagnostic | undefined {
  const given = ref.gender ?? own?.gender;
  const holder = holderOn(office, letterDay);
  if (!given || !holder || office.seats > 1) return undefined;
  const recorded = holder.gender ?? office.gender;
  if (!recorded || recorded === given) return undefined;
  const names = ref.name ?? own?.name;
  const namesHolder =
    names === undefined ||
    Object.entries(holder.name).some(([lang, n]) =>
      typeof names === 'string' ? names === n : names[lang as Lang] === n,
    );
  if (!namesHolder) return undefined;
  const who = Object.values(holder.name)[0] ?? '';
  const where =
    ref.gender !== undefined && ref.path.length
      ? project.locateLetter([...ref.path, 'gender'])
      : ref.gender === undefined && own
        ? own.where
        : ref.path.length
          ? project.locateLetter([...ref.path])
          : {};
  const sourced = holder.gender
    ? `the directory has ${who} as ${recorded}`
    : `${who} holds a ${office.kind}'s office`;
  return warning(
    'gender-conflict',
    `'${ref.id}' is given gender: ${given}, but the letter dated ${project.letter.date} is to ${who}, the directory's holder that day (${sourced}): its forms would address a ${given === 'female' ? 'woman' : 'man'}`,
    where,
    `remove gender: ${given} (the directory's holder is ${recorded}), or if the letter is to someone else, give their name with it: to: [{ id: ${ref.id}, gender: ${given}, name: { … } }]`,
  );
}

/**
 * A King's office on a day before the first monarch the directory knows (that holder's start, or its source's report):
 * the letter's forms are a King's ('His Majesty', 'King of Denmark', 국왕, 国王), as the office is now, but a Queen
 * may have reigned that day (the United Kingdom before Charles III's 2022-09-08). The letter can say so:
 * `gender: female` gives the Queen's forms. Nothing to say when the letter gives the gender or names the monarch (it
 * knows who reigned; the caller leaves it out), when a holder the directory knows is in office, or when it knows none at all (the table's kind is then all it has; holder-missing asks for the name).
 */
function monarchGender(
  id: string,
  office: Office,
  letterDay: Date,
  given: 'female' | 'male' | undefined,
  where: Partial<Location>,
): Diagnostic | undefined {
  if (given || (office.kind !== 'king' && office.kind !== 'queen') || holderOn(office, letterDay))
    return undefined;
  // Without any holder the table's kind is all the directory knows, and holder-missing already asks for the name.
  const first = office.holders.map(knownFrom).sort()[0];
  if (first === undefined || isoDay(letterDay) >= first) return undefined;
  const as = office.kind === 'king' ? 'a King' : 'a Queen';
  const [other, otherGender, sameGender] =
    office.kind === 'king' ? ['a Queen', 'female', 'male'] : ['a King', 'male', 'female'];
  return warning(
    'monarch-gender',
    `the directory knows the monarch of '${id}' only from ${first} on: the letter dated ${isoDay(letterDay)} addresses ${as}, as the office is now, who may not be the monarch of that day`,
    where,
    `give the monarch of that day in letter.yaml: to: [{ id: ${id}, gender: ${otherGender}, name: { … } }] if it was ${other}, or gender: ${sameGender} (or the name) if it was ${as}`,
  );
}

const nameHint = (id: string, names: string) =>
  `give the name in letter.yaml: to: [{ id: ${id}, name: { ${names} } }]`;

/**
 * What the letter lacks when the directory names the holder for it: `office` is the office as it was on the letter's
 * date (officeOn), `current` the office as it is now, named when the letter's date is before a change of office.
 */
function holderProblems(
  id: string,
  office: Office,
  current: Office,
  letterDay: Date,
  project: Project,
  now: Date,
  languages: readonly Lang[],
  where: Partial<Location>,
): Diagnostic[] {
  const date = project.letter.date;
  const holder = holderOn(office, letterDay);
  const anyName = (langs: readonly Lang[]) => langs.map((l) => `${l}: …`).join(', ');
  if (!holder) {
    const ended = termEndedBefore(office, letterDay);
    if (ended) {
      const who = Object.values(ended.name)[0] ?? '';
      return [
        warning(
          'holder-term-ended',
          `the term of the directory's holder for '${id}' (${who}) ended on ${ended.until}; the letter is dated ${date}, so it uses title-only forms`,
          where,
          nameHint(id, anyName(languages)),
        ),
      ];
    }
    const later = holderAfter(office, letterDay);
    const laterName = later ? (Object.values(later.name)[0] ?? '') : '';
    // Before a change of office the directory's later holders are the new office's: the letter goes to the former one.
    const message = !later
      ? office.before
        ? `the directory knows no holder for '${id}' on ${date} (the office became ${officeCalled(project, current)} on ${office.before}); the letter uses title-only forms`
        : `the directory has no current holder for '${id}'; the letter uses title-only forms`
      : later.from
        ? `the directory knows no holder for '${id}' on ${date} (${laterName} took office on ${later.from}); the letter uses title-only forms`
        : `the directory knows no holder for '${id}' on ${date} (its source reported ${laterName} in office on ${later.asOf}, without the day the term began); the letter uses title-only forms`;
    return [warning('holder-missing', message, where, nameHint(id, anyName(languages)))];
  }
  const out: Diagnostic[] = [];
  const unnamed = languages.filter((lang) => !holder.name[lang]);
  if (unnamed.length) {
    const names = languages.map((lang) => `${lang}: ${holder.name[lang] ?? '…'}`).join(', ');
    out.push(
      warning(
        'holder-missing',
        `the directory's holder for '${id}' (${Object.values(holder.name)[0] ?? ''}) has no ${unnamed.map((l) => `'${l}'`).join(', ')} name; ${unnamed.length > 1 ? 'those letters use' : 'that letter uses'} title-only forms`,
        where,
        nameHint(id, names),
      ),
    );
  }
  const age = ageOfHolder(holder, now);
  if (age > HOLDER_MAX_AGE_DAYS) {
    out.push(
      warning(
        'holder-stale',
        `the directory's holder for '${id}' is older than ${HOLDER_MAX_AGE_DAYS} days: reported on ${holder.asOf} (${age} days ago) by ${holder.source}`,
        where,
        nameHint(id, anyName(languages)),
      ),
    );
  }
  return out;
}

/** The office's English title, quoted ('President of the Council of Ministers of the Togolese Republic'), else its id. */
function officeCalled(project: Project, office: Office): string {
  const json = project.toolStrings.get('en')?.get('directory')?.data;
  if (!json) return `'${office.id}'`;
  try {
    return `'${officeTitle(office, 'en', stringsFromJson(json)).title}'`;
  } catch (e) {
    // A project's own en forms without the office's title: compose reports that; here the id will do.
    if (!isLetterError(e)) throw e;
    return `'${office.id}'`;
  }
}

/**
 * The directory's holder data a letter in `lang` is addressed with, for the manifest: set only when the name comes
 * from the directory (the letter and the project name no one, and the holder on the letter's date has a `lang` name).
 */
export function holderProvenance(
  project: Project,
  ref: RecipientRef,
  lang: Lang,
): { asOf: string; source: string } | undefined {
  const own = project.recipients.get(ref.id);
  if (ref.name !== undefined || own?.name !== undefined) return undefined;
  const officeId = own ? own.office : ref.id;
  const office = officeId === undefined ? undefined : lookupOffice(officeId);
  const holder = office ? holderOn(office, new Date(`${project.letter.date}T00:00:00Z`)) : undefined;
  if (!holder || [holder, ...(holder.with ?? [])].some((p) => !p.name[lang])) return undefined;
  return { asOf: holder.asOf, source: holder.source };
}
