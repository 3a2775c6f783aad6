/**
 * resolveForm tries each layer's keys in an order made once per office, register, field, and whether the recipient is
 * named and of which gender (forms.ts candidateKeys): a form asked for after another that differs in one of those is
 * the one its own keys give.
 */

import { expect, test } from 'vitest';
import { loadDirectoryStrings, lookupOffice } from '../../src/directory/index.js';
import { resolveForm, type FormField } from '../../src/directory/forms.js';
import type { Gender, Register } from '../../src/directory/index.js';

const en = loadDirectoryStrings().en!;
const gb = lookupOffice('gb')!;

function form(field: FormField, register: Register, name: string | undefined, gender?: Gender) {
  return resolveForm(
    {
      strings: en,
      office: gb,
      register,
      ...(gender ? { gender } : {}),
      vars: { name, title: 'King of the United Kingdom', shortTitle: 'King' },
    },
    field,
  )?.text;
}

test('each of field, register, name and gender picks its own keys, in any order asked', () => {
  const asks: [FormField, Register, string | undefined, Gender | undefined, string][] = [
    [
      'address',
      'open-letter',
      'Charles III',
      'male',
      'His Majesty King Charles III\nKing of the United Kingdom',
    ],
    [
      'address',
      'open-letter',
      'Charles III',
      'female',
      'Her Majesty King Charles III\nKing of the United Kingdom',
    ],
    ['address', 'open-letter', undefined, 'female', 'Her Majesty the King of the United Kingdom'],
    ['address', 'open-letter', undefined, 'male', 'His Majesty the King of the United Kingdom'],
    [
      'salutation',
      'open-letter',
      'Charles III',
      'male',
      form('salutation', 'open-letter', 'Charles III', 'male')!,
    ],
  ];
  const alone = asks.map(([field, register, name, gender]) => form(field, register, name, gender));
  expect(alone).toEqual(asks.map((a) => a[4]));
  for (const order of [[...asks].reverse(), [asks[2]!, asks[0]!, asks[3]!, asks[1]!, asks[4]!]])
    for (const [field, register, name, gender, expected] of order)
      expect(form(field, register, name, gender)).toBe(expected);
  // The register is a layer of its own: the diplomatic close is not the open letter's.
  expect(form('close', 'diplomatic', 'Charles III', 'male')).not.toBe(
    form('close', 'open-letter', 'Charles III', 'male'),
  );
});
