/** Types of the load stage: a letter project read from disk, validated, with source positions kept for errors. */

import type { Lang, Localized, Paper } from '../model/index.js';
import type { Location } from '../diag/index.js';
import type { Register } from '../directory/index.js';
import type { ProjectFonts } from '../fonts/index.js';

export type { Localized } from '../model/index.js';

export type Format = 'pdf' | 'docx';
export const FORMATS: readonly Format[] = ['pdf', 'docx'];

/** Finds where a value came from: a path into the parsed file (`['to', 0, 'id']`) → file:line:col. */
export type Locate = (path: readonly (string | number)[], options?: LocateOptions) => Location;

export interface LocateOptions {
  /** Point at the key of the last path element (`tempalte:`) rather than at its value. */
  readonly key?: boolean;
}

/**
 * Forms of address a project gives for a recipient (letter.yaml `to`, recipients.yaml or CSV). Each replaces the
 * directory's in the languages it gives (a plain string: in every language); a recipient outside the directory must
 * give them (SPEC §5).
 */
export interface RecipientForms {
  /** `female` / `male`: for forms that need it (Madam President, 女士). */
  readonly gender?: 'female' | 'male';
  readonly title?: Localized;
  readonly salutation?: Localized;
  readonly vocative?: Localized;
  readonly close?: Localized;
  readonly honorific?: Localized;
}

/** The localisable forms of `RecipientForms`, in the order a letter shows them. */
export const FORM_FIELDS = ['title', 'salutation', 'vocative', 'close', 'honorific'] as const;

export interface RecipientRef extends RecipientForms {
  readonly id: string;
  readonly name?: Localized;
  readonly family?: Localized;
  readonly via?: string;
  /** Path of this entry in letter.yaml, for errors. */
  readonly path: readonly (string | number)[];
}

export type BodyItem =
  | { readonly kind: 'p'; readonly key: string }
  | { readonly kind: 'heading'; readonly key: string }
  | { readonly kind: 'quote'; readonly key: string; readonly by?: string }
  | { readonly kind: 'list'; readonly keys: readonly string[]; readonly ordered: boolean }
  | { readonly kind: 'vocative' }
  | { readonly kind: 'pagebreak' };

export interface SignatorySpec {
  readonly org: Localized;
  readonly short?: string;
  readonly person?: { readonly name: Localized; readonly title?: Localized };
  readonly email?: string;
  /** Absolute path of the handwritten signature image, checked to exist. */
  readonly signature?: string;
}

/** letter.yaml after validation, with defaults applied. */
export interface LetterSpec {
  readonly template: string;
  readonly register: Register;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  readonly place?: Localized;
  readonly languages: readonly Lang[];
  readonly formats: readonly Format[];
  readonly paper: Paper;
  readonly slug: string;
  readonly to: readonly RecipientRef[];
  readonly title: string;
  readonly subtitle?: string;
  readonly reference?: Localized;
  readonly body: readonly BodyItem[];
  readonly close?: string;
  readonly signatories: readonly SignatorySpec[];
  readonly enclosures: readonly string[];
  readonly cc: readonly Localized[];
  readonly sign?: { readonly reason?: Localized; readonly location?: Localized; readonly contact?: string };
  /** `pdf: { standard: PDF/A-2b }`: archival PDFs without `--pdfa`. */
  readonly pdf?: { readonly standard?: 'PDF/A-2b' };
}

/** One JSON file of strings in one language (a project's letter.json, or one of the tool's own). */
export interface LocaleFile {
  readonly lang: Lang;
  /** i18next namespace: `letter` for the project's text; `labels`, `directory` for the tool's strings. */
  readonly ns: string;
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Where a (dotted) key is defined in the file. */
  readonly locate: (key: string) => Location;
}

/** A recipient from the project's recipients.yaml/csv. */
export interface ProjectRecipient extends RecipientForms {
  readonly id: string;
  /** Directory office it inherits titles and forms from (`cn`, `fr/government`). */
  readonly office?: string;
  readonly name?: Localized;
  readonly family?: Localized;
  readonly via?: string;
  readonly where: Location;
}

/** A delivery address (embassy, consulate) from recipients.yaml/csv. */
export interface DeliveryAddress {
  readonly id: string;
  readonly name: Localized;
  readonly lines: readonly string[];
  readonly where: Location;
}

/** A Handlebars template or partial, by name (`open-letter`, `closing.zh`). */
export interface TemplateSource {
  readonly name: string;
  readonly file: string;
  readonly source: string;
  /** Set for the project's own templates (the tool's own were checked when it was built). */
  readonly own?: true;
}

/** An image the letter uses, with what its header says. */
export interface Asset {
  readonly bytes: Uint8Array;
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
  /** A JPEG's colour components: 1 grey, 3 RGB (YCbCr), 4 CMYK (or YCCK). */
  readonly components?: number;
}

/** Everything a letter build reads, loaded once. */
export interface Project {
  readonly dir: string;
  readonly letterFile: string;
  readonly letter: LetterSpec;
  readonly locateLetter: Locate;
  /** The project's text: lang → letter.json. */
  readonly texts: ReadonlyMap<Lang, LocaleFile>;
  /** The tool's strings merged with the project's overrides: lang → namespace → file. */
  readonly toolStrings: ReadonlyMap<Lang, ReadonlyMap<string, LocaleFile>>;
  readonly recipients: ReadonlyMap<string, ProjectRecipient>;
  readonly addresses: ReadonlyMap<string, DeliveryAddress>;
  /** Template and partial sources, project overrides first. */
  readonly templates: ReadonlyMap<string, TemplateSource>;
  /** Signature images, read and checked once: absolute path → bytes and their format and pixel size. */
  readonly assets: ReadonlyMap<string, Asset>;
  /** The project's own fonts (fonts/fonts.json), merged over the tool's by the font book; absent when it has none. */
  readonly fonts?: ProjectFonts;
}
