/** Holders are dated: missing, ok, or stale after N days counted from a date the caller passes in. */

import { describe, expect, test } from 'vitest';
import { addressee, deriveFamilyName, holderAgeDays, holderStatus, lookupOffice } from '../../src/directory/index.js';
import type { Office } from '../../src/directory/index.js';
import { stringsFor } from './helpers.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('holderStatus', () => {
  const cn = lookupOffice('cn')!; // holder asOf 2025-09-09

  test('ok up to 180 days, stale after', () => {
    expect(holderAgeDays(cn, day('2025-09-09'))).toBe(0);
    expect(holderStatus(cn, day('2026-03-08'))).toBe('ok'); // 180 days
    expect(holderStatus(cn, day('2026-03-09'))).toBe('stale'); // 181 days
    expect(holderStatus(cn, day('2025-10-01'), 10)).toBe('stale');
  });

  test('missing without a holder', () => {
    expect(holderStatus(lookupOffice('fr')!, day('2025-01-01'))).toBe('missing');
    expect(holderAgeDays(lookupOffice('fr')!, day('2025-01-01'))).toBeUndefined();
  });

  test('addressee reports the status at the date it is given, and only then', () => {
    const base = { id: 'cn', office: cn, lang: 'en', register: 'open-letter' as const, strings: stringsFor('en') };
    expect(addressee({ ...base, asOf: day('2026-12-01') }).holderStatus).toBe('stale');
    expect(addressee({ ...base, asOf: day('2025-12-01') }).holderStatus).toBe('ok');
    expect(addressee(base).holderStatus).toBeUndefined();
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
