/** Types of the heads-of-state directory: offices (stable), holders (volatile), and the forms of address they yield. */

import type { Lang } from '../model/index.js';

/** open-letter: "Dear President Xi," … "Yours sincerely,"; diplomatic: "Excellency," … "highest consideration". */
export type Register = 'open-letter' | 'diplomatic';

/** A string lookup in the tool's locales (`locales/<lang>/*.json`), with `{{var}}` interpolation; undefined when absent. */
export type Strings = (key: string, vars?: Record<string, string>) => string | undefined;

/** Everything a template needs to address one recipient in one language and register. */
export interface Addressee {
  /** The id the letter used (`cn`, `cn/government`, `un`, or a project recipient's id). */
  readonly id: string;
  /** Office title: "President of the People's Republic of China" / "중화인민공화국 주석" / "中华人民共和国主席". */
  readonly title: string;
  /** Short office title used with a name: "President" / "주석" / "主席". */
  readonly shortTitle: string;
  /** Holder's full name in this language, when known. */
  readonly name?: string;
  /** Family name (for "Dear President Xi,"), when known. */
  readonly familyName?: string;
  /** Country name from ICU (Intl.DisplayNames), when the office belongs to a country. */
  readonly country?: string;
  /** Excellency | Majesty | Highness | Holiness | none */
  readonly style: 'Excellency' | 'Majesty' | 'Highness' | 'Holiness' | 'none';
  /** Lines of the address block, in this language's order. */
  readonly addressLines: readonly string[];
  /** "Dear President Xi," / "존경하는 시진핑 주석님께" / "尊敬的习近平主席：" */
  readonly salutation: string;
  /** Mid-letter re-address: "President Xi Jinping," / "시진핑 주석님," / "习近平主席：" */
  readonly vocative: string;
  /** Complimentary close, one entry per line: ["Yours sincerely,"] / ["此致", "敬礼！"]. */
  readonly close: readonly string[];
  /** Whether a form rests on convention rather than a source (the user should check it). */
  readonly verified: boolean;
  /** The language these forms are in. */
  readonly lang: Lang;
}
