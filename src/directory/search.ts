/**
 * Finding directory entries and project recipients by id, country name (ICU, any of en/ko/zh), office title or
 * keyword in any language, or holder's name; and listing them all.
 */

import { nearest } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import { LETTER_OR_NUMBER, MARK } from '../unicode/index.js';
import { countryName, icuLocale, officeTitle } from './addressee.js';
import { ageOfHolder, holderNames, holderOn, isoDay, termEndedBefore } from './holders.js';
import { allOffices, caveatOn, lookupOffice } from './offices.js';
import { loadDirectoryStrings } from './strings.js';
import type { Office, Strings } from './types.js';

/** One search hit, described in the language asked for. */
export interface RecipientMatch {
  readonly id: string;
  readonly title: string;
  readonly country?: string;
  /** The directory's holder in office today (both names for a joint office), or the project's own name. */
  readonly holder?: string;
  /** For a directory holder: the day its source reported it, the source, and the data's age in days today. */
  readonly asOf?: string;
  readonly source?: string;
  readonly age?: number;
  /** The holder's term as the source gives it. */
  readonly from?: string;
  readonly until?: string;
  /** Older than the 180 days `letter check` allows, or past the end of its term today. */
  readonly stale?: boolean;
  /** Why a sender should decide knowingly: a contested, transitional, rotating or joint office. */
  readonly caveat?: string;
}

/** Holder data older than this is stale (SPEC §5); `letter check` warns after as many days. */
export const HOLDER_MAX_AGE_DAYS = 180;

/** A project recipient (recipients.yaml) to search and list along with the directory. */
export interface ExtraRecipient {
  readonly id: string;
  /** The person's name per language. */
  readonly names: Readonly<Record<string, string>>;
  /** Their own title per language, for a recipient outside the directory. */
  readonly titles?: Readonly<Record<string, string>>;
  /** The directory office they hold: its names find them too, and its title describes them when they have none. */
  readonly office?: string;
}

export interface FindOptions {
  /** Language of the returned titles, countries and holders; default `en`. */
  readonly lang?: Lang;
  readonly extra?: readonly ExtraRecipient[];
  /** Strings per language; default: every `locales/<lang>/directory.json` the tool ships. */
  readonly strings?: Readonly<Record<string, Strings>>;
  /** Today: picks the holder in office and ages its data; default: the latest known term, age left out. */
  readonly now?: Date;
}

// ICU country names are searched in these locales at least, whatever locale files exist.
const ICU_LOCALES = ['en', 'ko-KR', 'zh-Hans-CN'];

/** Case-, width- and accent-insensitive form for comparing ("Côte d’Ivoire" ~ "cote d'ivoire"). */
export function normalizeQuery(text: string): string {
  const withoutMarks = MARK.removeFrom(text.normalize('NFKD'));
  return withoutMarks.normalize('NFC').replace(/[’‘`]/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What an entry can be found by, normalized. Short titles only count next to a country ("法国总统", "France president"). */
interface Names {
  readonly ids: readonly string[];
  readonly countries: readonly string[];
  readonly titles: readonly string[];
  readonly shortTitles: readonly string[];
  readonly holders: readonly string[];
}

interface Entry extends Names {
  readonly office: Office;
}

/**
 * The ICU locales country names are searched in: en, ko, zh, and the language asked for (`--lang ru` finds франция).
 * Only that one: "Guinea Ecuatorial" (es) would otherwise begin with "guinea" like Guinea-Bissau does in English.
 */
function searchLocales(strings: Readonly<Record<string, Strings>>, lang: Lang): string[] {
  const asked = strings[lang]?.('meta.icuLocale');
  return [...new Set([...ICU_LOCALES, ...(asked ? [asked] : [])])];
}

function countryNames(office: Office, locales: readonly string[]): string[] {
  if (!office.country) return [];
  const names = new Set<string>();
  for (const locale of locales) {
    for (const style of ['long', 'short'] as const) {
      const name = new Intl.DisplayNames([locale], { type: 'region', style }).of(office.country);
      if (name && name !== office.country) names.add(normalizeQuery(name));
    }
  }
  return [...names];
}

function titlesOf(
  office: Office,
  strings: Readonly<Record<string, Strings>>,
): Pick<Names, 'titles' | 'shortTitles'> {
  const titles = new Set<string>();
  const shortTitles = new Set<string>();
  for (const [lang, s] of Object.entries(strings)) {
    try {
      const { title, shortTitle } = officeTitle(office, lang, s);
      titles.add(normalizeQuery(title));
      // A short title alone identifies an office only when it is its whole title ("Pope", "교황", "教宗").
      if (shortTitle === title) titles.add(normalizeQuery(shortTitle));
      else shortTitles.add(normalizeQuery(shortTitle));
      // Names the title does not contain: 유엔, 国家主席, DPRK, Holy See (the UN's name for the Vatican's seat).
      for (const k of (s(`offices.${office.id}.keywords`) ?? '').split(','))
        if (k.trim()) titles.add(normalizeQuery(k));
    } catch {
      // A language without forms for this kind is simply not searched in.
    }
  }
  return { titles: [...titles], shortTitles: [...shortTitles] };
}

const indexCache = new WeakMap<object, Map<Lang, Entry[]>>();
function indexFor(strings: Readonly<Record<string, Strings>>, lang: Lang): Entry[] {
  let byLang = indexCache.get(strings);
  if (!byLang) indexCache.set(strings, (byLang = new Map()));
  let entries = byLang.get(lang);
  if (!entries) {
    const locales = searchLocales(strings, lang);
    entries = allOffices().map((office) => ({
      office,
      ids: [office.id, ...office.aliases],
      countries: countryNames(office, locales),
      ...titlesOf(office, strings),
      holders: office.holders
        .flatMap((h) => [h, ...(h.with ?? [])])
        .flatMap((p) => Object.values(p.name))
        .map(normalizeQuery),
    }));
    byLang.set(lang, entries);
  }
  return entries;
}

/**
 * How well a query matches, best first. Substring matches inside a word come last and are dropped when anything
 * better matched: 중국 is inside 미합중국 (the United States) only by accident.
 */
const TIER = {
  id: 1000,
  country: 900,
  name: 850,
  countryPrefix: 700,
  prefix: 650,
  word: 550,
  compound: 500,
  wordPrefix: 450,
  idPrefix: 400,
  substring: 300,
} as const;

// A word is a run of letters and digits, parted by spaces, hyphens or the middle dot of 简·多伊. Han and Hangul
// written without spaces make one word, so 중국 is not a word of 미합중국.
const startsWord = (s: string, at: number) => at === 0 || !LETTER_OR_NUMBER.has(s.charCodeAt(at - 1));
const endsWord = (s: string, at: number) => at >= s.length || !LETTER_OR_NUMBER.has(s.charCodeAt(at));

function positions(s: string, q: string): number[] {
  const out: number[] = [];
  for (let at = s.indexOf(q); at >= 0; at = s.indexOf(q, at + 1)) out.push(at);
  return out;
}
const hasWord = (s: string, q: string) =>
  positions(s, q).some((at) => startsWord(s, at) && endsWord(s, at + q.length));
const hasWordPrefix = (s: string, q: string) => positions(s, q).some((at) => startsWord(s, at));

/** A country with a title or short title: "France president", "president of france", "法国总统", "미국 대통령". */
function compound(q: string, n: Names): boolean {
  const titled = [...n.titles, ...n.shortTitles];
  const words = q.split(' ');
  if (words.length > 1) {
    const all = [...n.countries, ...titled, ...n.holders];
    if (words.every((w) => all.some((s) => hasWord(s, w)))) return true;
  }
  return n.countries.some((c) => {
    const at = q.indexOf(c);
    if (at < 0 || c === q) return false;
    const rest = (q.slice(0, at) + ' ' + q.slice(at + c.length)).trim();
    return rest.length > 0 && titled.some((t) => t.includes(rest));
  });
}

function tier(q: string, n: Names): number {
  if (n.ids.includes(q)) return TIER.id;
  if (n.countries.includes(q)) return TIER.country;
  const names = [...n.countries, ...n.titles, ...n.holders];
  if (names.includes(q)) return TIER.name;
  if (n.countries.some((c) => c.startsWith(q))) return TIER.countryPrefix;
  if (names.some((s) => s.startsWith(q))) return TIER.prefix;
  if (names.some((s) => hasWord(s, q))) return TIER.word;
  if (compound(q, n)) return TIER.compound;
  if (names.some((s) => hasWordPrefix(s, q))) return TIER.wordPrefix;
  if (n.ids.some((id) => id.startsWith(q))) return TIER.idPrefix;
  if (names.some((s) => s.includes(q))) return TIER.substring;
  return 0;
}

/** Names of a project recipient: its own, and its office's (but not the directory's holder, whom it replaces). */
function extraNames(extra: ExtraRecipient, entries: readonly Entry[]): Names[] {
  const own: Names = {
    ids: [extra.id.toLowerCase()],
    countries: [],
    titles: Object.values(extra.titles ?? {}).map(normalizeQuery),
    shortTitles: [],
    holders: Object.values(extra.names).map(normalizeQuery),
  };
  const office = extra.office ? lookupOffice(extra.office) : undefined;
  const entry = office && entries.find((e) => e.office === office);
  return entry ? [own, { ...entry, ids: [], holders: [] }] : [own];
}

// The value in `lang`, else English, else any: a project may name a person in one language only.
const pick = (values: Readonly<Record<string, string>> | undefined, lang: string): string | undefined =>
  values ? (values[lang] ?? values['en'] ?? Object.values(values)[0]) : undefined;

interface Describer {
  readonly office: (office: Office, id?: string) => RecipientMatch;
  readonly extra: (extra: ExtraRecipient) => RecipientMatch;
}

/** Describes hits in `lang`; a language without directory strings borrows English, as the letter itself does. */
function describer(lang: Lang, strings: Readonly<Record<string, Strings>>, now: Date | undefined): Describer {
  const shownLang = strings[lang] !== undefined ? lang : 'en';
  const langStrings = strings[shownLang];
  const office = (o: Office, id = o.id): RecipientMatch => {
    const title = langStrings ? officeTitle(o, shownLang, langStrings).title : o.id;
    const country = langStrings ? countryName(o, shownLang, langStrings) : undefined;
    // Today's caveat: one that held only in the past (Bangladesh's interim government) is not shown.
    const caveat = now ? caveatOn(o, now) : o.caveat;
    return {
      id,
      title,
      ...(country ? { country } : {}),
      ...holderFacts(o, shownLang, langStrings, now),
      ...(caveat ? { caveat: caveat.text } : {}),
    };
  };
  const extra = (x: ExtraRecipient): RecipientMatch => {
    const o = x.office ? lookupOffice(x.office) : undefined;
    const held = o ? office(o, x.id) : undefined;
    const name = pick(x.names, shownLang);
    const title = pick(x.titles, shownLang) ?? held?.title ?? name ?? x.id;
    return {
      id: x.id,
      title,
      ...(held?.country ? { country: held.country } : {}),
      ...(name ? { holder: name } : {}),
    };
  };
  return { office, extra };
}

/** The holder in office `now` (else the latest known), named in `lang` or else in English, with its date, source and age. */
function holderFacts(
  o: Office,
  lang: Lang,
  strings: Strings | undefined,
  now: Date | undefined,
): Partial<RecipientMatch> {
  // A term that ended before today is shown, as stale, rather than hidden: its successor is what the data lacks.
  const h = now ? (holderOn(o, now) ?? termEndedBefore(o, now)) : o.holders[o.holders.length - 1];
  if (!h) return {};
  const ended = now !== undefined && h.until !== undefined && h.until < isoDay(now);
  const locale = strings ? icuLocale(lang, strings) : lang;
  const holder = holderNames(h, lang, locale) ?? holderNames(h, 'en', 'en');
  const age = now ? ageOfHolder(h, now) : undefined;
  return {
    ...(holder ? { holder } : {}),
    asOf: h.asOf,
    source: h.source,
    ...(age !== undefined ? { age, stale: ended || age > HOLDER_MAX_AGE_DAYS } : {}),
    ...(h.from ? { from: h.from } : {}),
    ...(h.until ? { until: h.until } : {}),
  };
}

let builtinStrings: Record<string, Strings> | undefined;
const stringsOf = (opts: FindOptions) => opts.strings ?? (builtinStrings ??= loadDirectoryStrings());

/**
 * Directory entries (and project recipients in `extra`) matching `query`, best first: `cn`, `China`, `중국`,
 * `中国`, `시진핑`, `Jinping`, `holy see`, `pope`, `교황`, `法国总统`, `prime minister of japan`. Among equal matches
 * a project recipient comes first, then a head of state before the head of government, then ids alphabetically.
 * An empty query finds nothing (`listRecipients` lists everything).
 */
export function findRecipients(query: string, opts: FindOptions = {}): RecipientMatch[] {
  const q = normalizeQuery(query);
  if (!q) return [];
  const strings = stringsOf(opts);
  const describe = describer(opts.lang ?? 'en', strings, opts.now);
  const entries = indexFor(strings, opts.lang ?? 'en');
  const hits: { match: () => RecipientMatch; id: string; tier: number; rank: number }[] = [];
  for (const extra of opts.extra ?? []) {
    const t = Math.max(...extraNames(extra, entries).map((n) => tier(q, n)));
    // The user defined these for this letter: they come before directory entries of the same tier.
    if (t > 0) hits.push({ match: () => describe.extra(extra), id: extra.id, tier: t, rank: 2 });
  }
  for (const entry of entries) {
    const t = tier(q, entry);
    if (t > 0)
      hits.push({
        match: () => describe.office(entry.office),
        id: entry.office.id,
        tier: t,
        rank: entry.office.role !== 'head-of-government' ? 1 : 0,
      });
  }
  const best = Math.max(0, ...hits.map((h) => h.tier));
  return hits
    .filter((h) => h.tier > TIER.substring || best <= TIER.substring)
    .sort((a, b) => b.tier - a.tier || b.rank - a.rank || a.id.localeCompare(b.id))
    .map((h) => h.match());
}

/** Everything, described as search hits are: the project's recipients in their file order, then the directory's offices. */
export function listRecipients(opts: FindOptions = {}): RecipientMatch[] {
  const describe = describer(opts.lang ?? 'en', stringsOf(opts), opts.now);
  return [
    ...(opts.extra ?? []).map(describe.extra),
    ...allOffices().map((office) => describe.office(office)),
  ];
}

/** What to tell a user whose query found nothing: near entries, and whether it names a place the directory leaves out. */
export interface NoMatchAdvice {
  readonly suggestions: readonly RecipientMatch[];
  /** The place the query names when ICU knows it but the directory does not list it ("Taiwan"). */
  readonly notListed?: string;
}

let regionNames: Map<string, string> | undefined;
/** Every region ICU names, by normalized name in en/ko/zh (long and short), to its code: "taiwan" → TW. */
function icuRegions(): Map<string, string> {
  if (regionNames) return regionNames;
  regionNames = new Map();
  const A = 'A'.charCodeAt(0);
  for (const locale of ICU_LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (let i = 0; i < 26; i++) {
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(A + i, A + j);
        const name = names.of(code);
        if (name) regionNames.set(normalizeQuery(name), code);
      }
    }
  }
  return regionNames;
}

/**
 * For a query with no match: the entries whose id or country name is nearest to it (uk → gb, thailnd → th), and
 * whether it names a place the directory does not list (taiwan: not a UN member state).
 */
export function adviseNoMatch(query: string, opts: FindOptions = {}): NoMatchAdvice {
  const q = normalizeQuery(query);
  const strings = stringsOf(opts);
  const entries = indexFor(strings, opts.lang ?? 'en').filter((e) => e.office.role !== 'head-of-government');
  const byName = new Map<string, Entry>();
  for (const e of entries)
    for (const key of [...e.ids, ...e.countries]) if (!byName.has(key)) byName.set(key, e);
  const near = nearest(q, byName.keys());
  const code = icuRegions().get(q);
  const listed = code !== undefined && entries.some((e) => e.office.country === code);
  const describe = describer(opts.lang ?? 'en', strings, opts.now);
  const seen = new Set<string>();
  const suggestions: RecipientMatch[] = [];
  for (const key of near) {
    const e = byName.get(key)!;
    if (seen.has(e.office.id)) continue;
    seen.add(e.office.id);
    suggestions.push(describe.office(e.office));
  }
  const place =
    code && !listed ? new Intl.DisplayNames([opts.lang ?? 'en'], { type: 'region' }).of(code) : undefined;
  return { suggestions: suggestions.slice(0, 5), ...(place ? { notListed: place } : {}) };
}
