/** The directory's offices: built once from the seats table and the curated facts, looked up by id or alias. */

import { CURATED, type Curation } from './data/curated.js';
import { SEATS } from './data/states.js';
import { isoDay, knownFrom } from './holders.js';
import type { Caveat, Gender, Office, OfficeKind, Role, Style } from './types.js';

const STYLE_OF_KIND: Readonly<Record<OfficeKind, Style>> = {
  president: 'Excellency',
  king: 'Majesty',
  queen: 'Majesty',
  emperor: 'Majesty',
  sultan: 'Majesty',
  emir: 'Highness',
  'grand-duke': 'Highness',
  prince: 'Highness',
  'co-prince': 'Excellency',
  'co-president': 'Excellency',
  'captain-regent': 'Excellency',
  chair: 'Excellency',
  'head-of-state': 'Excellency',
  'supreme-leader': 'Excellency',
  pope: 'Holiness',
  'governor-general': 'Excellency',
  'prime-minister': 'Excellency',
  chancellor: 'Excellency',
  premier: 'Excellency',
  'head-of-government': 'Excellency',
  'minister-of-state': 'Excellency',
  'secretary-general': 'Excellency',
};

// The office itself fixes these: a king is a man, a queen a woman; the papacy is held by men.
const GENDER_OF_KIND: Partial<Record<OfficeKind, Gender>> = {
  king: 'male',
  emperor: 'male',
  sultan: 'male',
  emir: 'male',
  'grand-duke': 'male',
  prince: 'male',
  pope: 'male',
  queen: 'female',
};

// Offices held by two people at once: every form addresses both.
const SEATS_OF_KIND: Partial<Record<OfficeKind, number>> = {
  'captain-regent': 2,
  'co-prince': 2,
  'co-president': 2,
};

/** The UN and EU offices, which belong to no country. */
const INTERNATIONAL: readonly { id: string; kind: OfficeKind }[] = [
  { id: 'un', kind: 'secretary-general' },
  { id: 'eu/council', kind: 'president' },
  { id: 'eu/commission', kind: 'president' },
];

function makeOffice(
  id: string,
  kind: OfficeKind,
  role: Role,
  country: string | undefined,
  aliases: string[],
): Office {
  const c: Curation = CURATED[id]?.() ?? {};
  const gender = c.gender ?? GENDER_OF_KIND[kind];
  return {
    id,
    aliases,
    ...(country ? { country } : {}),
    role,
    kind,
    style: c.style ?? STYLE_OF_KIND[kind],
    customs: c.customs ?? [],
    nameOrder: c.nameOrder ?? 'given-first',
    addressedBy: c.addressedBy ?? 'family',
    ...(gender ? { gender } : {}),
    verified: c.verified ?? false,
    holders: c.holders ?? [],
    seats: c.seats ?? SEATS_OF_KIND[kind] ?? 1,
    ...(c.caveat ? { caveat: c.caveat } : {}),
    ...(c.note ? { note: c.note } : {}),
    ...(c.changed ? { changed: c.changed } : {}),
  };
}

/** What makes one office: makeOffice's arguments. */
type OfficeSpec = readonly [
  id: string,
  kind: OfficeKind,
  role: Role,
  country: string | undefined,
  aliases: string[],
];

/** Each office's spec in table order, and by id and alias: the offices themselves are made when first asked for. */
function buildSpecs(): { list: OfficeSpec[]; byId: Map<string, OfficeSpec> } {
  const list: OfficeSpec[] = [];
  for (const [cc, [stateKind, governmentKind]] of Object.entries(SEATS)) {
    const country = cc.toUpperCase();
    const gov = `${cc}/government`;
    if (governmentKind === '=') {
      list.push([cc, stateKind, 'head-of-state-and-government', country, [gov]]);
    } else {
      list.push([cc, stateKind, 'head-of-state', country, []]);
      list.push([gov, governmentKind, 'head-of-government', country, []]);
    }
  }
  for (const { id, kind } of INTERNATIONAL) list.push([id, kind, 'international', undefined, []]);
  const byId = new Map<string, OfficeSpec>();
  for (const spec of list) for (const key of [spec[0], ...spec[4]]) byId.set(key, spec);
  return { list, byId };
}

let specs: ReturnType<typeof buildSpecs> | undefined;
function offices(): ReturnType<typeof buildSpecs> {
  specs ??= buildSpecs();
  return specs;
}

// A letter asks for one office or two: made one by one (the curated facts merged into each), the same object each time.
const made = new Map<OfficeSpec, Office>();
function officeOf(spec: OfficeSpec): Office {
  let office = made.get(spec);
  if (!office) {
    office = makeOffice(...spec);
    made.set(spec, office);
  }
  return office;
}

/** The office an id names (`cn`, `cn/government`, `un`; case-insensitive), or undefined. `us/government` gives `us`. */
export function lookupOffice(id: string): Office | undefined {
  const spec = offices().byId.get(id.trim().toLowerCase());
  return spec && officeOf(spec);
}

/** Every distinct office (aliases not repeated), in table order. */
export function allOffices(): readonly Office[] {
  every ??= offices().list.map(officeOf);
  return every;
}

let every: readonly Office[] | undefined;

/** Every id that `lookupOffice` resolves, aliases included, sorted (for "did you mean" suggestions). */
export function officeIds(): string[] {
  return [...offices().byId.keys()].sort();
}

// The former office of each changed office, made once.
const former = new WeakMap<Office, Office>();

/**
 * The office as it was on `day`: the office itself, or, for a day before a dated change (`changed`), the office of its
 * former kind, with that kind's style, seats and generic forms (not the `offices.<id>` forms of the office as it is
 * now), the holders known from before the change, and no caveat (the caveat describes the office as it is now).
 */
export function officeOn(office: Office, day: Date): Office {
  const change = office.changed;
  if (!change || isoDay(day) >= change.on) return office;
  let was = former.get(office);
  if (!was) {
    const kind = change.formerKind;
    const gender = GENDER_OF_KIND[kind];
    // Everything the change does not touch is the office's own (a field Office gains later is kept); what describes
    // the office as it is now (its caveat, its change, the gender its present kind fixes) is left out.
    const { caveat: _now, changed: _change, gender: _present, ...same } = office;
    was = {
      ...same,
      kind,
      style: STYLE_OF_KIND[kind],
      ...(gender ? { gender } : {}),
      verified: false,
      holders: office.holders.filter((h) => knownFrom(h) < change.on),
      seats: SEATS_OF_KIND[kind] ?? 1,
      note: `${office.id} before ${change.on} (${change.source})`,
      before: change.on,
    };
    former.set(office, was);
  }
  return was;
}

/** The caveat of the office as it was on `day`, if it holds that day (Bangladesh's interim government of 2024–26). */
export function caveatOn(office: Office, day: Date): Caveat | undefined {
  const caveat = officeOn(office, day).caveat;
  const iso = isoDay(day);
  if (!caveat || (caveat.from && iso < caveat.from) || (caveat.until && iso > caveat.until)) return undefined;
  return caveat;
}
