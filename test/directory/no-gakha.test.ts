/**
 * The Republic of Korea dropped 각하 for its President (protocol.md §1.2: avoided in ROK use since the Kim Dae-jung
 * era, default to 님; §5's ROK row: 존경하는 ○○○ 대통령님께): a Korean letter to the ROK President says 님 in the
 * diplomatic register too, where other presidents get 대통령 각하 (§1.4).
 */

import { expect, test } from 'vitest';
import { addressee, allOffices, lookupOffice } from '../../src/directory/index.js';
import { REGISTERS, stringsFor } from './helpers.js';

const forms = (id: string, register: (typeof REGISTERS)[number], named: boolean) => {
  const a = addressee({
    id,
    office: lookupOffice(id)!,
    lang: 'ko',
    register,
    strings: stringsFor('ko'),
    // 이재명 from 2025-06-04; a 2024 letter is title-only.
    date: new Date(named ? '2026-12-06T00:00:00Z' : '2024-01-01T00:00:00Z'),
  });
  return [a.salutation, a.vocative, a.honorific, ...a.close, ...a.addressLines];
};

test.each(REGISTERS)('kr %s: 님, never 각하, named and title-only', (register) => {
  for (const named of [true, false]) {
    const text = forms('kr', register, named);
    expect(text.join(' / '), `${named}`).not.toContain('각하');
    expect(
      text.slice(0, 3).every((t) => t.includes('님')),
      `${named}`,
    ).toBe(true);
  }
  expect(forms('kr', register, true)[0]).toBe(
    register === 'diplomatic' ? '이재명 대통령님' : '존경하는 이재명 대통령님께',
  );
});

test('only the offices whose country has that custom: other presidents keep 각하 in diplomatic letters', () => {
  expect(
    allOffices()
      .filter((o) => o.customs.includes('no-gakha'))
      .map((o) => o.id),
  ).toEqual(['kr']);
  expect(forms('ru', 'diplomatic', false)[0]).toBe('러시아연방 대통령 각하');
});
