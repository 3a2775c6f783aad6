/**
 * An office whose kind changed on a known day (Nicaragua's Co-Presidents since 2025, Togo's President of the Council
 * of Ministers since 2025) is addressed as it was on the letter's date: a 2023 letter goes to one President of
 * Nicaragua, not to two Co-Presidents, and to Togo's Prime Minister.
 */

import { describe, expect, test } from 'vitest';
import { addressee, allOffices, lookupOffice, officeOn } from '../../src/directory/index.js';
import type { Office } from '../../src/directory/index.js';
import { LANGS, REGISTERS, stringsFor } from './helpers.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dayBefore = (iso: string) => new Date(day(iso).getTime() - 86_400_000);

const formsOn = (office: Office, lang: string, register: (typeof REGISTERS)[number], date: Date) =>
  addressee({ id: office.id, office, lang, register, strings: stringsFor(lang), date });

const changed = allOffices().filter((o) => o.changed);

describe('offices whose kind changed on a known day', () => {
  test('the changes the data records: each with a source', () => {
    expect(changed.map((o) => o.id).sort()).toEqual(['ni', 'tg/government']);
    for (const o of changed) expect(o.changed!.source).not.toBe('');
  });

  test.each(changed.map((o) => [o.id, o] as const))(
    '%s: before the change, the former kind and none of the office-as-it-is-now forms',
    (_id, office) => {
      const change = office.changed!;
      const was = officeOn(office, dayBefore(change.on));
      expect(was.kind).toBe(change.formerKind);
      expect(was.seats).toBe(1);
      expect(was.caveat).toBeUndefined();
      expect(officeOn(office, day(change.on))).toBe(office);
      for (const lang of LANGS) {
        for (const register of REGISTERS) {
          const now = formsOn(office, lang, register, day(change.on));
          const then = formsOn(office, lang, register, dayBefore(change.on));
          expect(then.title, `${lang} ${register}`).not.toBe(now.title);
        }
      }
    },
  );
});

describe('Nicaragua before the 2025 reform', () => {
  const ni = lookupOffice('ni')!;

  test('a 2023 letter addresses one President, in every language', () => {
    const en = formsOn(ni, 'en', 'open-letter', day('2023-12-10'));
    expect(en.title).toBe('President of Nicaragua');
    expect(en.addressLines).toEqual(['H.E. the President of Nicaragua']);
    expect(en.salutation).toBe('Excellency,');
    expect(en.honorific).toBe('Your Excellency');
    const ko = formsOn(ni, 'ko', 'open-letter', day('2023-12-10'));
    expect(ko.salutation).toBe('니카라과 대통령님께');
    expect(ko.close).toEqual(['대통령님의 건강과 평안을 기원합니다.']);
    const zh = formsOn(ni, 'zh', 'diplomatic', day('2023-12-10'));
    expect(zh.salutation).toBe('尊敬的尼加拉瓜总统阁下：');
    expect(zh.honorific).toBe('阁下');
  });

  test('a 2026 letter addresses both Co-Presidents', () => {
    const en = formsOn(ni, 'en', 'open-letter', day('2026-12-06'));
    expect(en.title).toBe('Co-Presidents of the Republic of Nicaragua');
    expect(en.addressLines[0]).toBe('Their Excellencies Daniel Ortega and Rosario Murillo');
  });
});

test("Togo's head of government before the Fifth Republic is its Prime Minister", () => {
  const tg = lookupOffice('tg/government')!;
  expect(formsOn(tg, 'en', 'open-letter', day('2025-05-02')).title).toBe('Prime Minister of Togo');
  expect(formsOn(tg, 'zh', 'open-letter', day('2025-05-02')).title).toBe('多哥总理');
  expect(formsOn(tg, 'en', 'open-letter', day('2025-05-03')).title).toBe(
    'President of the Council of Ministers of the Togolese Republic',
  );
});

describe('the office as it was keeps what the change does not touch', () => {
  test('a field officeOn does not name is kept; what describes the office as it is now is left out', () => {
    for (const office of changed) {
      // A field Office may gain later: officeOn must carry it, not drop it by listing the fields it knows.
      const withMore = { ...office, laterField: 'kept' } as typeof office & { laterField: string };
      const was = officeOn(withMore, dayBefore(office.changed!.on)) as typeof withMore;
      expect(was.laterField).toBe('kept');
      expect(was.changed).toBeUndefined();
      expect(was.before).toBe(office.changed!.on);
      expect(was.customs).toBe(office.customs);
      expect(was.aliases).toBe(office.aliases);
    }
  });
});
