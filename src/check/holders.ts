/** Warnings about office holders: the directory's name may be missing or old; a letter can always give the name itself. */

import { problem, type Diagnostic } from '../diag/index.js';
import { holderStatus, lookupOffice } from '../directory/index.js';
import type { Project, RecipientRef } from '../load/index.js';
import type { Lang } from '../model/index.js';

/** Holder data older than this is a warning (SPEC §5). */
const HOLDER_MAX_AGE_DAYS = 180;

/**
 * For each recipient the letter names no one for: a warning when the directory has no holder, when its holder data is
 * old, and when its holder has no name in one of the `languages` being built (those letters use title-only forms).
 */
export function holderWarnings(project: Project, refs: readonly RecipientRef[], asOf: Date, languages: readonly Lang[] = project.letter.languages): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.id)) continue;
    seen.add(ref.id);
    const own = project.recipients.get(ref.id);
    if (ref.name !== undefined || own?.name !== undefined) continue;
    // As compose resolves it: a project recipient without `office:` is its own, with no directory holder to age.
    const officeId = own ? own.office : ref.id;
    const office = officeId === undefined ? undefined : lookupOffice(officeId);
    if (!office) continue;
    const status = holderStatus(office, asOf, HOLDER_MAX_AGE_DAYS);
    const where = ref.path.length ? project.locateLetter([...ref.path]) : {};
    const holder = office.holder;
    const unnamed = holder ? languages.filter((lang) => !holder.name[lang]) : [];
    if (holder && unnamed.length) {
      const names = Object.fromEntries(languages.map((lang) => [lang, holder.name[lang] ?? '…']));
      out.push({
        ...problem(
          'holder-missing',
          `the directory's holder for '${ref.id}' (${Object.values(holder.name)[0] ?? ''}) has no ${unnamed.map((l) => `'${l}'`).join(', ')} name; ${unnamed.length > 1 ? 'those letters use' : 'that letter uses'} title-only forms`,
          where,
          `give the name in letter.yaml: to: [{ id: ${ref.id}, name: { ${Object.entries(names).map(([l, n]) => `${l}: ${n}`).join(', ')} } }]`,
        ),
        severity: 'warning',
      });
    }
    if (status === 'ok') continue;
    out.push({
      ...problem(
        status === 'missing' ? 'holder-missing' : 'holder-stale',
        status === 'missing' ? `the directory has no current holder for '${ref.id}'; the letter uses title-only forms` : `the directory's holder for '${ref.id}' is older than ${HOLDER_MAX_AGE_DAYS} days`,
        where,
        `give the name in letter.yaml: to: [{ id: ${ref.id}, name: { en: …, ko: …, zh: … } }]`,
      ),
      severity: 'warning',
    });
  }
  return out;
}
