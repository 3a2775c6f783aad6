/** Holders are dated terms: the letter's date picks the one in office; its data ages from `asOf` to today. */

import { describe, expect, test } from 'vitest';
import {
  addressee,
  allOffices,
  deriveFamilyName,
  holderAfter,
  holderAgeDays,
  holderOn,
  holderStatus,
  lookupOffice,
  termEndedBefore,
} from '../../src/directory/index.js';
import type { Office } from '../../src/directory/index.js';
import { stringsFor } from './helpers.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('holderStatus', () => {
  const kp = lookupOffice('kp')!; // holder asOf 2025-09-09, no term dates

  test('ok up to 180 days, stale after', () => {
    expect(holderAgeDays(kp, day('2025-09-09'))).toBe(0);
    expect(holderStatus(kp, day('2026-03-08'))).toBe('ok'); // 180 days
    expect(holderStatus(kp, day('2026-03-09'))).toBe('stale'); // 181 days
    expect(holderStatus(kp, day('2025-10-01'), 10)).toBe('stale');
  });

  test('missing without a holder, or on a day no known term covers', () => {
    expect(holderStatus(lookupOffice('bt')!, day('2025-01-01'))).toBe('missing');
    expect(holderAgeDays(lookupOffice('bt')!, day('2025-01-01'))).toBeUndefined();
    // Guterres's term ends 2026-12-31.
    expect(holderStatus(lookupOffice('un')!, day('2027-01-20'), 180, day('2027-01-15'))).toBe('missing');
  });

  test('addressee reports the status at the date it is given, and only then', () => {
    const base = {
      id: 'kp',
      office: kp,
      lang: 'en',
      register: 'open-letter' as const,
      strings: stringsFor('en'),
    };
    expect(addressee({ ...base, asOf: day('2026-12-01') }).holderStatus).toBe('stale');
    expect(addressee({ ...base, asOf: day('2025-12-01') }).holderStatus).toBe('ok');
    expect(addressee(base).holderStatus).toBeUndefined();
  });
});

describe("terms: the letter's date picks the holder", () => {
  const gbPm = lookupOffice('gb/government')!;
  const un = lookupOffice('un')!;
  const pick = (o: Office, iso: string) => holderOn(o, day(iso))?.name['en'];

  test('a successor from its first day, the predecessor to its last', () => {
    expect(pick(gbPm, '2026-07-19')).toBe('Keir Starmer');
    expect(pick(gbPm, '2026-07-20')).toBe('Andy Burnham');
    expect(pick(gbPm, '2024-07-04')).toBeUndefined();
  });

  test("past a term's end no holder, and the ended term is named", () => {
    expect(pick(un, '2026-12-31')).toBe('António Guterres');
    expect(pick(un, '2027-01-15')).toBeUndefined();
    expect(termEndedBefore(un, day('2027-01-15'))?.until).toBe('2026-12-31');
    expect(termEndedBefore(un, day('2026-06-01'))).toBeUndefined();
  });

  test("addressee: the holder of the letter's date names the letter, title-only forms past the term", () => {
    const forms = (o: Office, iso: string) =>
      addressee({
        id: o.id,
        office: o,
        lang: 'en',
        register: 'open-letter',
        strings: stringsFor('en'),
        date: day(iso),
      });
    expect(forms(gbPm, '2026-07-01').addressLines[0]).toBe('The Rt Hon Keir Starmer');
    expect(forms(gbPm, '2026-08-01').addressLines[0]).toBe('The Rt Hon Andy Burnham');
    const after = forms(un, '2027-01-15');
    expect(after.name).toBeUndefined();
    expect(after.nameSource).toBe('none');
    expect(after.holderData).toBeUndefined();
    const during = forms(un, '2026-11-01');
    expect(during.name).toBe('António Guterres');
    expect(during.holderData).toEqual({
      asOf: '2025-01-01',
      source: un.holders[0]!.source,
      from: '2017-01-01',
      until: '2026-12-31',
    });
  });

  test('a date before every known term: no holder (Leo XIV was elected on 2025-05-08)', () => {
    const va = lookupOffice('va')!;
    expect(pick(va, '2023-12-10')).toBeUndefined();
    expect(pick(va, '2025-05-08')).toBe('Leo XIV');
  });

  test("a term whose start no source gave is known from its source's report on, not before", () => {
    // Frederik X, king since 2024-01-14, reported on 2026-01-01 without that day: a 2023 letter must not name him.
    const dk = lookupOffice('dk')!;
    const frederik = dk.holders[0]!;
    expect(frederik.from).toBeUndefined();
    expect(pick(dk, '2023-12-10')).toBeUndefined();
    expect(pick(dk, frederik.asOf)).toBe('Frederik X');
    expect(pick(dk, '2026-11-01')).toBe('Frederik X');
    expect(holderAfter(dk, day('2023-12-10'))).toBe(frederik);
    expect(holderAfter(dk, day('2026-11-01'))).toBeUndefined();
    const letter = (iso: string) =>
      addressee({
        id: 'dk',
        office: dk,
        lang: 'en',
        register: 'open-letter',
        strings: stringsFor('en'),
        date: day(iso),
      });
    expect(letter('2023-12-10').name).toBeUndefined();
    expect(letter('2023-12-10').addressLines.join(' ')).not.toContain('Frederik');
    expect(letter('2026-11-01').name).toBe('Frederik X');
  });

  test('every holder without a start date is named only from the day its source reported it', () => {
    for (const office of allOffices())
      for (const holder of office.holders.filter((h) => h.from === undefined)) {
        const before = new Date(Date.parse(`${holder.asOf}T00:00:00Z`) - 86_400_000);
        expect(holderOn(office, before), office.id).not.toBe(holder);
        expect(holderOn(office, day(holder.asOf)), office.id).toBe(holder);
      }
  });
});

describe('deriveFamilyName', () => {
  const office = (id: string): Office => lookupOffice(id)!;
  test.each([
    ['Xi Jinping', 'cn', 'Xi'],
    ['习近平', 'cn', '习'],
    ['欧阳明', 'cn', '欧阳'],
    ['이재명', 'kr', '이'],
    ['남궁민수', 'kr', '남궁'],
    ['Kim Jong Un', 'kp', 'Kim'],
    ['Emmanuel Macron', 'fr', 'Macron'],
    ['埃马纽埃尔·马克龙', 'fr', '马克龙'],
    ['Tô Lâm', 'vn', 'Lâm'],
  ])('%s (%s) → %s', (name, id, family) => {
    expect(deriveFamilyName(name, office(id))).toBe(family);
  });

  test('regnal names have no family name', () => {
    expect(deriveFamilyName('Charles III', office('gb'))).toBeUndefined();
    expect(deriveFamilyName('Leo XIV', office('va'))).toBeUndefined();
  });
});
