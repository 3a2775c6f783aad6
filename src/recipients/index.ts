/** `letter recipients`: search, or without a query list, the project's own recipients and the built-in directory. */

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { languageHint, LetterError, problem, shown } from '../diag/index.js';
import {
  adviseNoMatch,
  findRecipients,
  listRecipients,
  stringsFromJson,
  type ExtraRecipient,
  type NoMatchAdvice,
  type RecipientMatch,
  type Strings,
} from '../directory/index.js';
import { LANG_CODE, loadRecipients, loadToolStrings, type Localized } from '../load/index.js';
import { TOOL_DIR } from '../tool/index.js';

export type { NoMatchAdvice, RecipientMatch } from '../directory/index.js';

/** Input of `recipients()`. */
export interface RecipientsOptions {
  /** What to look for; empty or absent lists everything. */
  readonly query?: string;
  /** Language the hits are described in; default `en`. It must have a locale folder in the tool or the project. */
  readonly lang?: string;
  /** A letter project whose recipients are searched first and whose locale files override the tool's. */
  readonly dir?: string;
  /** Today: picks each office's holder in office and ages its data; default: the wall clock. */
  readonly now?: Date;
  /** Only entries whose holder data is stale (older than 180 days, or past the end of its term). */
  readonly stale?: boolean;
}

// What makes a folder a letter project; anywhere else (`letter recipients` run in $HOME) only the directory is searched.
const PROJECT_FILES = ['letter.yaml', 'recipients.yaml', 'recipients.csv'];

/** The hits for `query`, best first; without a query the project's recipients, then every directory office. */
export function recipients(opts: RecipientsOptions): RecipientMatch[] {
  const found = findOptions(opts);
  const hits = opts.query?.trim() ? findRecipients(opts.query, found) : listRecipients(found);
  return opts.stale ? hits.filter((h) => h.stale === true) : hits;
}

/** For a query that found nothing: the nearest entries, and whether it names a place the directory leaves out. */
export function recipientsAdvice(opts: RecipientsOptions & { readonly query: string }): NoMatchAdvice {
  return adviseNoMatch(opts.query, findOptions(opts));
}

function findOptions(opts: RecipientsOptions) {
  const project =
    opts.dir !== undefined && PROJECT_FILES.some((f) => existsSync(join(opts.dir!, f)))
      ? opts.dir
      : undefined;
  const lang = opts.lang ?? 'en';
  checkLanguage(lang, project);
  // Outside a project the tool's own strings serve, and their search index is built once per process.
  return {
    lang,
    now: opts.now ?? new Date(),
    ...(project ? { extra: projectRecipients(project), strings: directoryStrings(project) } : {}),
  };
}

/** A language nobody has strings for would silently show English: say so instead (exit 2). */
function checkLanguage(lang: string, project: string | undefined): void {
  const folders = [join(TOOL_DIR, 'locales'), ...(project ? [join(project, 'locales')] : [])];
  if (LANG_CODE.test(lang) && folders.some((f) => existsSync(join(f, lang)))) return;
  const known = [
    ...new Set(
      folders.flatMap((f) => (existsSync(f) ? readdirSync(f).filter((l) => LANG_CODE.test(l)) : [])),
    ),
  ].sort();
  const guess = languageHint(lang, known);
  throw new LetterError(
    problem(
      'usage',
      `unknown language '${shown(lang)}' given to --lang`,
      { value: lang },
      guess ?? `use one with a locales/<lang>/ folder in the tool or the project: ${known.join(', ')}`,
    ),
  );
}

const localized = (value: Localized | undefined): Record<string, string> | undefined =>
  value === undefined ? undefined : typeof value === 'string' ? { en: value } : { ...value };

function projectRecipients(dir: string): ExtraRecipient[] {
  return [...loadRecipients(dir).recipients.values()].map((r) => {
    const titles = localized(r.title);
    return {
      id: r.id,
      names: localized(r.name) ?? {},
      ...(titles ? { titles } : {}),
      ...(r.office ? { office: r.office } : {}),
    };
  });
}

/** The directory's strings per language: the tool's, with a project's locales/<lang>/directory.json merged over them. */
function directoryStrings(project: string): Record<string, Strings> {
  const out: Record<string, Strings> = {};
  for (const [lang, files] of loadToolStrings(TOOL_DIR, project)) {
    const directory = files.get('directory');
    if (directory) out[lang] = stringsFromJson(directory.data);
  }
  return out;
}
