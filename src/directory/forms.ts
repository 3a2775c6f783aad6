/**
 * Resolving one form of address (title, salutation, close, …) from the locale strings, most specific key first:
 * the office, then its country's customs, its kind, its style, and the language's default.
 */

import { interpolate } from './strings.js';
import type { Gender, Office, Register, Strings } from './types.js';

/** The fields a language's `directory.json` provides, each a `{{var}}` template ("\n" separates lines). */
export type FormField =
  | 'title'
  | 'shortTitle'
  | 'styleWord'
  | 'honorific'
  | 'salutation'
  | 'vocative'
  | 'close'
  | 'address'
  | 'signOff';

/** What a form may be built from; a template that names an absent variable is passed over. */
export interface FormContext {
  readonly strings: Strings;
  readonly office: Office;
  readonly register: Register;
  readonly gender?: Gender;
  readonly vars: Readonly<Record<string, string | undefined>>;
}

export interface ResolvedForm {
  readonly text: string;
  /** The key the template came from (for error messages and tests). */
  readonly key: string;
  /** false when the layer lists the field under `unverified` (a convention, not a source). */
  readonly verified: boolean;
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/**
 * Key prefixes from most to least specific. Each level has a register-specific and a shared part, so a locale can say
 * `kinds.pope.open-letter.close` for one register and `styles.Majesty.salutation` for both.
 */
export function layerPrefixes(office: Office, register: Register): readonly string[] {
  // The same office and register ask for them once per field of every letter.
  let byRegister = prefixes.get(office);
  if (!byRegister) {
    byRegister = new Map();
    prefixes.set(office, byRegister);
  }
  let found = byRegister.get(register);
  if (!found) {
    found = Object.freeze(layers(office, register));
    byRegister.set(register, found);
  }
  return found;
}

const prefixes = new WeakMap<Office, Map<Register, readonly string[]>>();

function layers(office: Office, register: Register): string[] {
  const levels = [
    // The office as it was before a change has no forms of its own: the locale's describe the office as it is now.
    ...(office.before ? [] : [`offices.${office.id}`]),
    ...office.customs.map((c) => `customs.${c}`),
    // Offices held by two people at once: plural forms for both, before the kind's singular ones.
    ...(office.seats > 1 ? ['joint'] : []),
    `kinds.${office.kind}`,
    `styles.${office.style}`,
    'default',
  ];
  return levels.flatMap((level) => [`${level}.${register}.`, `${level}.`]);
}

/**
 * Key names tried within one level. Without a name, the `NoName` (title-only) variants come first; then the plain
 * ones, which are usable only if they name no absent variable. A gendered variant (`salutationMale`) is tried
 * before the neutral one only when the gender is known.
 */
function variantNames(field: FormField, named: boolean, gender: Gender | undefined): string[] {
  const suffix = gender === 'male' ? 'Male' : gender === 'female' ? 'Female' : undefined;
  const withGender = (base: string) => (suffix ? [base + suffix, base] : [base]);
  return named ? withGender(field) : [...withGender(`${field}NoName`), ...withGender(field)];
}

function usable(template: string, vars: FormContext['vars']): boolean {
  for (const m of template.matchAll(PLACEHOLDER)) if (!vars[m[1]!]) return false;
  return true;
}

function definedVars(vars: FormContext['vars']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) if (v) out[k] = v;
  return out;
}

/** The most specific usable template for `field`, interpolated; undefined when the locale has none. */
export function resolveForm(ctx: FormContext, field: FormField): ResolvedForm | undefined {
  const named = Boolean(ctx.vars['name']);
  for (const { prefix, key } of candidateKeys(ctx.office, ctx.register, field, named, ctx.gender)) {
    const template = ctx.strings(key);
    if (template === undefined || !usable(template, ctx.vars)) continue;
    const unverified = (ctx.strings(`${prefix}unverified`) ?? '').split(',').map((s) => s.trim());
    return {
      text: interpolate(template, definedVars(ctx.vars)),
      key,
      verified: !unverified.includes(field),
    };
  }
  return undefined;
}

interface Candidate {
  readonly prefix: string;
  readonly key: string;
}

/**
 * The keys tried for a field, in order: each layer's variants. The same for every letter to one office in one register
 * (and whether it is named, and its gender), so made once for them rather than joined again for every field of each.
 */
function candidateKeys(
  office: Office,
  register: Register,
  field: FormField,
  named: boolean,
  gender: Gender | undefined,
): readonly Candidate[] {
  const layers = layerPrefixes(office, register);
  let byField = candidates.get(layers);
  if (!byField) {
    byField = new Map();
    candidates.set(layers, byField);
  }
  const id = `${field} ${named} ${gender ?? ''}`;
  let found = byField.get(id);
  if (!found) {
    const variants = variantNames(field, named, gender);
    found = layers.flatMap((prefix) => variants.map((variant) => ({ prefix, key: prefix + variant })));
    byField.set(id, found);
  }
  return found;
}

// By the frozen list of layer prefixes (layerPrefixes gives one list per office and register).
const candidates = new WeakMap<readonly string[], Map<string, readonly Candidate[]>>();
