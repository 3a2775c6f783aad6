/** Types of the heads-of-state directory: offices (stable), holders (volatile), and the forms of address they yield. */

import type { Lang } from '../model/index.js';

/** open-letter: "Dear President Xi," … "Yours sincerely,"; diplomatic: "Excellency," … "highest consideration". */
export type Register = 'open-letter' | 'diplomatic';

/** A string lookup in the tool's locales (`locales/<lang>/*.json`), with `{{var}}` interpolation; undefined when absent. */
export type Strings = (key: string, vars?: Record<string, string>) => string | undefined;

/** The style an office carries: "His Excellency", "His Majesty", …; 'none' where no style is used. */
export type Style = 'Excellency' | 'Majesty' | 'Highness' | 'Holiness' | 'none';

/** Grammatical gender of a holder or an office, kept only when a source or the office itself fixes it. */
export type Gender = 'male' | 'female';

/**
 * What kind of office it is; the locale files key their generic titles and forms by it
 * (`kinds.<kind>.title`, `kinds.<kind>.open-letter.salutation`, …).
 */
export type OfficeKind =
  | 'president'
  | 'king'
  | 'queen'
  | 'emperor'
  | 'emir'
  | 'sultan'
  | 'grand-duke'
  | 'prince'
  | 'co-prince'
  | 'co-president'
  | 'captain-regent'
  | 'chair'
  | 'head-of-state'
  | 'supreme-leader'
  | 'pope'
  | 'governor-general'
  | 'prime-minister'
  | 'chancellor'
  | 'premier'
  | 'head-of-government'
  | 'minister-of-state'
  | 'secretary-general';

/** Which seat an office is: a country's head of state, its head of government, both, or an international office. */
export type Role = 'head-of-state' | 'head-of-government' | 'head-of-state-and-government' | 'international';

/**
 * A country custom that changes forms in some language. `no-excellency`: the country has no habit of 阁下
 * ("美国、墨西哥、德国等国没有称'阁下'的习惯", protocol.md §1.3), so zh uses 先生/女士 or the title alone.
 * `no-gakha`: the country has dropped 각하 for its own office-holders (the Republic of Korea since the Kim Dae-jung era:
 * protocol.md §1.2, ko.wikipedia "각하", JTBC 2015 fact-check), so ko uses 님 in the diplomatic register too.
 */
export type Custom = 'no-excellency' | 'no-gakha';

/** One person: a name per language, as a literal string (never romanised by code); a language absent here is unknown. */
export interface Person {
  readonly name: Readonly<Record<Lang, string>>;
  /** Family name per language where it cannot be derived ("von der Leyen"). */
  readonly family?: Readonly<Record<Lang, string>>;
  readonly gender?: Gender;
}

/**
 * A term of an office as a source reported it on `asOf`: who held it, from when until when. Volatile: a letter may
 * always override it. The letter's date picks the term that covers it (`holderOn`).
 */
export interface Holder extends Person {
  /** First day in office (ISO date), when the source gives it; absent: known in office only from `asOf` on. */
  readonly from?: string;
  /** Last day of a term whose end is fixed (the UN Secretary-General's 2026-12-31); absent: open-ended. */
  readonly until?: string;
  /** ISO date (YYYY-MM-DD) on which the source reported this holder. */
  readonly asOf: string;
  readonly source: string;
  /** The other holders of a joint office (San Marino's second Captain Regent), in the order they are addressed. */
  readonly with?: readonly Person[];
}

/**
 * Why a sender should decide knowingly before writing to an office: its legitimacy is contested, its government is
 * transitional or military-installed, it rotates among several people, or (for letters dated before a known day) its
 * title was not yet the one the directory gives.
 */
export interface Caveat {
  /** `retitled`: the office took its present title on a known day, and the directory has none for before it. */
  readonly kind: 'contested' | 'transitional' | 'rotating' | 'joint' | 'retitled';
  /** One sentence in English, shown by `letter recipients` and in the warning a letter to the office gets. */
  readonly text: string;
  readonly source?: string;
  /** First and last day the caveat holds (a letter dated between them gets it); absent: open. */
  readonly from?: string;
  readonly until?: string;
  /** The languages whose forms it is about (kp's English title only); absent: every language. */
  readonly langs?: readonly Lang[];
  /**
   * The forms a letter gives in place of the directory's to answer it (the title of that day, its salutation), in each
   * of `langs` being built; the vocative only when the letter re-addresses. Absent: nothing the letter gives answers it.
   */
  readonly answeredBy?: readonly CaveatForm[];
}

/** A form of address a letter may give to answer a caveat. */
export type CaveatForm = 'title' | 'salutation' | 'vocative';

/**
 * A dated change of what an office is: Nicaragua's one President became two Co-Presidents in 2025, Togo's Prime
 * Minister became the President of the Council of Ministers. A letter dated before `on` is to the office as it was.
 */
export interface OfficeChange {
  /** The first day the directory knows the office as it is now: the change's day, or the day a source reported it. */
  readonly on: string;
  /** What the office was before `on`; a letter dated then gets this kind's generic title, style and forms. */
  readonly formerKind: OfficeKind;
  readonly source: string;
}

/** One office of the built-in directory (stable data; the holder is optional and dated). */
export interface Office {
  /** `cn` (head of state), `cn/government` (head of government), `un`, `eu/council`, `eu/commission`. */
  readonly id: string;
  /** Other ids that resolve to this office: `us/government` for the US President, who heads both. */
  readonly aliases: readonly string[];
  /** ISO 3166-1 alpha-2 region code for ICU (`CN`); absent for the UN and EU offices. */
  readonly country?: string;
  readonly role: Role;
  readonly kind: OfficeKind;
  readonly style: Style;
  readonly customs: readonly Custom[];
  /** Whether holders' names go family name first (Xi Jinping, Lee Jae Myung) in every language. */
  readonly nameOrder: 'family-first' | 'given-first';
  /**
   * Which part of the name follows the short title ("President Xi"): the family name, or for Vietnamese names the
   * given name, which comes last ("President Lâm").
   */
  readonly addressedBy: 'family' | 'given';
  /** Set only where the office fixes it (a king, a pope); a person's gender lives on the holder. */
  readonly gender?: Gender;
  /** false where the forms rest on the generic rule or a convention (protocol.md "(c)") rather than a source. */
  readonly verified: boolean;
  /** Known terms, oldest first; the letter's date picks one (`holderOn`). Empty when no source names a holder. */
  readonly holders: readonly Holder[];
  /** How many people hold the office at once: 2 for San Marino's Captains Regent and Andorra's Co-Princes, else 1. */
  readonly seats: number;
  readonly caveat?: Caveat;
  /** Free-text provenance of the office data (its title and forms). */
  readonly note?: string;
  /** When the office became what it is now; before that day `officeOn` gives the former office. */
  readonly changed?: OfficeChange;
  /**
   * Set on the office as it was before a change (`officeOn`): the day the change took effect. Its `offices.<id>` forms
   * in the locale files describe the office as it is now, so only its former kind's forms apply.
   */
  readonly before?: string;
}

/** Whether a directory holder can be trusted at a given date. */
export type HolderStatus = 'ok' | 'stale' | 'missing';

/** Everything a template needs to address one recipient in one language and register. */
export interface Addressee {
  /** The id the letter used (`cn`, `cn/government`, `un`, or a project recipient's id). */
  readonly id: string;
  /** The directory office these forms come from (`us` for `us/government`). */
  readonly officeId?: string;
  /** Office title: "President of the People's Republic of China" / "중화인민공화국 주석" / "中华人民共和国主席". */
  readonly title: string;
  /** Short office title used with a name: "President" / "주석" / "主席". */
  readonly shortTitle: string;
  /**
   * How running text refers to the addressee, for this language and register: en `Your Excellency` / `Your Majesty` /
   * `Your Holiness` (`Mr. President` where that is the custom); ko the form that takes 께서 (`주석님`, `대통령 각하`,
   * `국왕 폐하`, `교황 성하`); zh `阁下` / `陛下` / `殿下` / `教宗` (`总统先生` where 阁下 is not the custom).
   */
  readonly honorific: string;
  /** Holder's full name in this language, when known. */
  readonly name?: string;
  /** Family name (for "Dear President Xi,"), when known. */
  readonly familyName?: string;
  /**
   * The gender the forms were made for (the letter's, else the directory holder's, else what the office fixes), which
   * text that differs by it follows too; absent when unknown, and for a joint office (its forms address both).
   */
  readonly gender?: Gender;
  /** Where the name came from: the letter, the directory's holder, or nowhere (title-only forms). */
  readonly nameSource?: 'letter' | 'directory' | 'none';
  /** Country name from ICU (Intl.DisplayNames), when the office belongs to a country. */
  readonly country?: string;
  /** Excellency | Majesty | Highness | Holiness | none */
  readonly style: Style;
  /** Set when two people hold the office at once (San Marino, Andorra, Nicaragua): every form addresses both. */
  readonly joint?: true;
  /** Lines of the address block, in this language's order. */
  readonly addressLines: readonly string[];
  /** "Dear President Xi," / "존경하는 시진핑 주석님께" / "尊敬的习近平主席：" */
  readonly salutation: string;
  /** Mid-letter re-address: "President Xi Jinping," / "시진핑 주석님," / "习近平主席：" */
  readonly vocative: string;
  /** Complimentary close, one entry per line: ["Yours sincerely,"] / ["此致", "敬礼！"]. */
  readonly close: readonly string[];
  /** Word after the signatory's name where the language has one (ko `올림`); absent otherwise. */
  readonly signOff?: string;
  /** Whether a form rests on convention rather than a source (the user should check it). */
  readonly verified: boolean;
  /** The directory's data behind the name, when the name came from it: what a manifest records. */
  readonly holderData?: {
    readonly asOf: string;
    readonly source: string;
    readonly from?: string;
    readonly until?: string;
  };
  /** Directory holder's status at the `asOf` date passed to `addressee()`; absent when no date was passed. */
  readonly holderStatus?: HolderStatus;
  /** The language these forms are in. */
  readonly lang: Lang;
}
