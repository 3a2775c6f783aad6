/**
 * Korean humble sign-off (protocol.md §1.2): a closing sentence, the date, then the sender + 올림/드림. 올림 and 드림 are
 * the nouns of 올리다/드리다, so a closing sentence that already ends in 올립니다/드립니다 ("진심을 담아 올립니다.")
 * gives the letter its humble verb, and a sign-off after the senders would say it twice: it is left out then.
 */

import type { Addressee } from '../directory/index.js';

const HUMBLE_CLOSE = /(올립니다|드립니다)[.!。]?\s*$/u;
const HUMBLE_SIGN_OFF = /(올림|드림)\s*$/u;

/** The addressee without its sign-off when the letter's closing sentence already says it (Korean). */
export function withoutRepeatedSignOff(
  addressee: Addressee,
  close: readonly unknown[],
  lang: string,
): Addressee {
  const last = close.length > 0 ? String(close[close.length - 1]) : '';
  if (
    !/^ko\b/.test(lang) ||
    !addressee.signOff ||
    !HUMBLE_SIGN_OFF.test(addressee.signOff) ||
    !HUMBLE_CLOSE.test(last)
  )
    return addressee;
  const { signOff: _repeated, ...rest } = addressee;
  return rest;
}
