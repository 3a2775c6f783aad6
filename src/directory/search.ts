/** Finding directory entries by id, by country name (ICU, any of en/ko/zh) or by office title in any language. */

import type { Lang } from '../model/index.js';
import { countryName, officeTitle } from './addressee.js';
import { allOffices } from './offices.js';
import { loadDirectoryStrings } from './strings.js';
import type { Office, Strings } from './types.js';

/** One search hit, described in the language asked for. */
export interface RecipientMatch {
  readonly id: string;
  readonly title: string;
  readonly country?: string;
  readonly holder?: string;
}

/** A project recipient (recipients.yaml) to search along with the directory. */
export interface ExtraRecipient {
  readonly id: string;
  readonly names: Readonly<Record<string, string>>;
}

export interface FindOptions {
  /** Language of the returned titles, countries and holders; default `en`. */
  readonly lang?: Lang;
  readonly extra?: readonly ExtraRecipient[];
  /** Strings per language; default: every `locales/<lang>/directory.json` the tool ships. */
  readonly strings?: Readonly<Record<string, Strings>>;
}

// ICU country names are searched in these locales at least, whatever locale files exist.
const ICU_LOCALES = ['en', 'ko-KR', 'zh-Hans-CN'];

/** Case-, width- and accent-insensitive form for comparing ("Côte d’Ivoire" ~ "cote d'ivoire"). */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

interface Entry {
  readonly office: Office;
  readonly ids: readonly string[];
  readonly countries: readonly string[];
  readonly titles: readonly string[];
}

function countryNames(office: Office): string[] {
  if (!office.country) return [];
  const names = new Set<string>();
  for (const locale of ICU_LOCALES) {
    for (const style of ['long', 'short'] as const) {
      const name = new Intl.DisplayNames([locale], { type: 'region', style }).of(office.country);
      if (name && name !== office.country) names.add(normalizeQuery(name));
    }
  }
  return [...names];
}

function titlesOf(office: Office, strings: Readonly<Record<string, Strings>>): string[] {
  const titles = new Set<string>();
  for (const [lang, s] of Object.entries(strings)) {
    try {
      const { title, shortTitle } = officeTitle(office, lang, s);
      titles.add(normalizeQuery(title));
      // A short title alone identifies an office only when it is its whole title ("Pope", "교황", "教宗").
      if (shortTitle === title) titles.add(normalizeQuery(shortTitle));
      // Usual short names the title does not contain: 유엔, 国家主席, DPRK.
      for (const k of (s(`offices.${office.id}.keywords`) ?? '').split(',')) if (k.trim()) titles.add(normalizeQuery(k));
    } catch {
      // A language without forms for this kind is simply not searched in.
    }
  }
  return [...titles];
}

const indexCache = new WeakMap<object, Entry[]>();
function indexFor(strings: Readonly<Record<string, Strings>>): Entry[] {
  let entries = indexCache.get(strings);
  if (!entries) {
    entries = allOffices().map((office) => ({
      office,
      ids: [office.id, ...office.aliases],
      countries: countryNames(office),
      titles: titlesOf(office, strings),
    }));
    indexCache.set(strings, entries);
  }
  return entries;
}

/** Higher is better; 0 is no match. Exact id > exact country > exact title > prefix > substring. */
function score(q: string, ids: readonly string[], countries: readonly string[], titles: readonly string[]): number {
  if (ids.includes(q)) return 1000;
  if (countries.includes(q)) return 900;
  if (titles.includes(q)) return 850;
  if (countries.some((c) => c.startsWith(q))) return 600;
  if (titles.some((t) => t.startsWith(q))) return 500;
  if (countries.some((c) => c.includes(q))) return 400;
  if (titles.some((t) => t.includes(q))) return 300;
  if (ids.some((id) => id.startsWith(q))) return 200;
  return 0;
}

let builtinStrings: Record<string, Strings> | undefined;

/**
 * Directory entries (and project recipients in `extra`) matching `query`, best first: `cn`, `China`, `중국`,
 * `中国`, `france`, `法国`, `pope`, `교황`, `prime minister of japan`. Among equal matches a head of state comes before
 * the head of government, then ids sort alphabetically.
 */
export function findRecipients(query: string, opts: FindOptions = {}): RecipientMatch[] {
  const q = normalizeQuery(query);
  if (!q) return [];
  const lang = opts.lang ?? 'en';
  const strings = opts.strings ?? (builtinStrings ??= loadDirectoryStrings());
  const hits: { match: RecipientMatch; score: number }[] = [];

  for (const extra of opts.extra ?? []) {
    const names = Object.values(extra.names).map(normalizeQuery);
    const s = score(q, [extra.id.toLowerCase()], [], names);
    const name = extra.names[lang] ?? Object.values(extra.names)[0];
    // Project recipients rank above directory entries of equal score: the user defined them for this letter.
    if (s > 0) hits.push({ match: { id: extra.id, title: name ?? extra.id, ...(name ? { holder: name } : {}) }, score: s + 20 });
  }

  const langStrings = strings[lang] ?? strings['en'];
  for (const entry of indexFor(strings)) {
    const s = score(q, entry.ids, entry.countries, entry.titles);
    if (s === 0) continue;
    const { office } = entry;
    const title = langStrings ? officeTitle(office, lang, langStrings).title : office.id;
    const country = langStrings ? countryName(office, lang, langStrings) : undefined;
    const holder = office.holder?.name[lang];
    const isHeadOfState = office.role !== 'head-of-government' ? 10 : 0;
    hits.push({
      match: { id: office.id, title, ...(country ? { country } : {}), ...(holder ? { holder } : {}) },
      score: s + isHeadOfState,
    });
  }
  return hits.sort((a, b) => b.score - a.score || a.match.id.localeCompare(b.match.id)).map((h) => h.match);
}
