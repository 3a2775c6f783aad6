/**
 * The English address block carries the style protocol.md gives an office where it is not the generic "H.E.":
 * Commonwealth prime ministers "The Rt Hon" (UK, Canada) and "The Hon" (Australia), governors-general "H.E. the Rt Hon"
 * (Canada) and "H.E. the Hon" (Australia) (§5, §1.1 Governor-General row), the US President "His Excellency the
 * Honourable" (§1.1 US row). The salutations and the ko/zh forms are not styles and do not change.
 */

import { expect, test } from 'vitest';
import { addressee, lookupOffice } from '../../src/directory/index.js';
import type { Register } from '../../src/directory/index.js';
import { REGISTERS, stringsFor } from './helpers.js';

const NAME = 'Alex Morgan';

// [office, first address line with a name, address line without one]
const STYLES: readonly [string, string, string][] = [
  ['gb/government', `The Rt Hon ${NAME}`, 'The Rt Hon the Prime Minister of the United Kingdom'],
  ['ca/government', `The Rt Hon ${NAME}`, 'The Rt Hon the Prime Minister of Canada'],
  ['au/government', `The Hon ${NAME}`, 'The Hon the Prime Minister of Australia'],
  ['ca', `H.E. the Rt Hon ${NAME}`, 'H.E. the Governor General of Canada'],
  ['au', `H.E. the Hon ${NAME}`, 'H.E. the Governor-General of the Commonwealth of Australia'],
  ['us', `H.E. the Hon ${NAME}`, 'H.E. the President of the United States of America'],
];

const address = (id: string, register: Register, name?: string) =>
  addressee({
    id,
    office: lookupOffice(id)!,
    lang: 'en',
    register,
    strings: stringsFor('en'),
    // A day on which the directory's holders of these offices are not yet known: the letter's name or none.
    date: new Date('2020-01-01T00:00:00Z'),
    ...(name ? { name } : {}),
  }).addressLines;

test.each(STYLES)('%s: the address block is styled as protocol.md gives it', (id, named, unnamed) => {
  for (const register of REGISTERS) {
    const withName = address(id, register, NAME);
    expect(withName[0]).toBe(named);
    expect(withName).toHaveLength(2);
    expect(address(id, register)).toEqual([unnamed]);
  }
});

test('other prime ministers and presidents keep the generic H.E.', () => {
  expect(address('fr', 'open-letter', NAME)[0]).toBe(`H.E. ${NAME}`);
  expect(address('jp/government', 'open-letter', NAME)[0]).toBe(`H.E. ${NAME}`);
});
