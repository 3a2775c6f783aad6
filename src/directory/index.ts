/**
 * The built-in directory of heads of state and government: offices (stable data, `data/`), dated holders, and the
 * forms of address per language and register (templates in `locales/<lang>/directory.json`).
 */

export { addressee, countryName, icuLocale, officeTitle, type AddresseeOptions } from './addressee.js';
export {
  ageOfHolder,
  holderAfter,
  holderAgeDays,
  holderNames,
  holderOn,
  holderStatus,
  isoDay,
  knownFrom,
  termEndedBefore,
} from './holders.js';
export { deriveFamilyName } from './names.js';
export { allOffices, caveatOn, lookupOffice, officeIds, officeOn } from './offices.js';
/** The day the table of offices and holders was last reviewed (ISO date). */
export { REVIEWED } from './data/states.js';
export {
  adviseNoMatch,
  findRecipients,
  HOLDER_MAX_AGE_DAYS,
  listRecipients,
  normalizeQuery,
  type ExtraRecipient,
  type FindOptions,
  type NoMatchAdvice,
  type RecipientMatch,
} from './search.js';
export { builtinLocalesDir, interpolate, loadDirectoryStrings, stringsFromJson } from './strings.js';
export type * from './types.js';
