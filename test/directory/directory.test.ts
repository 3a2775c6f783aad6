/** The whole directory: every office resolves in en/ko/zh, both registers, with and without a name, with no hole. */

import { describe, expect, test } from 'vitest';
import { addressee, allOffices, lookupOffice, officeIds } from '../../src/directory/index.js';
import type { Addressee } from '../../src/directory/index.js';
import { LANGS, REGISTERS, SAMPLE_NAME, addresseeOf, formsText, stringsFor } from './helpers.js';

const UN_MEMBERS =
  'af al dz ad ao ag ar am au at az bs bh bd bb by be bz bj bt bo ba bw br bn bg bf bi cv kh cm ca cf td cl cn co km cg cr ci hr cu cy cz kp cd dk dj dm do ec eg sv gq er ee sz et fj fi fr ga gm ge de gh gr gd gt gn gw gy ht hn hu is in id ir iq ie il it jm jp jo kz ke ki kw kg la lv lb ls lr ly li lt lu mg mw my mv ml mt mh mr mu mx fm md mc mn me ma mz mm na nr np nl nz ni ne ng mk no om pk pw pa pg py pe ph pl pt qa kr ro ru rw kn lc vc ws sm st sa sn rs sc sl sg sk si sb so za ss es lk sd sr se ch sy tj th tl tg to tt tn tr tm tv ug ua ae gb tz us uy uz vu ve vn ye zm zw'.split(
    ' ',
  );

function texts(a: Addressee): string[] {
  return [...formsText(a), a.signOff ?? '', a.country ?? ''];
}

describe('coverage', () => {
  test('193 UN members, the Holy See and Palestine each have a head of state and a head of government', () => {
    expect(UN_MEMBERS).toHaveLength(193);
    for (const cc of [...UN_MEMBERS, 'va', 'ps']) {
      expect(lookupOffice(cc), cc).toBeDefined();
      expect(lookupOffice(`${cc}/government`), `${cc}/government`).toBeDefined();
    }
    for (const id of ['un', 'eu/council', 'eu/commission'])
      expect(lookupOffice(id)?.role).toBe('international');
    expect(
      new Set(
        allOffices()
          .map((o) => o.country)
          .filter(Boolean),
      ).size,
    ).toBe(195);
  });

  test('where one person heads state and government, <cc>/government resolves to the same office', () => {
    expect(lookupOffice('us/government')).toBe(lookupOffice('us'));
    expect(lookupOffice('va/government')).toBe(lookupOffice('va'));
    expect(lookupOffice('cn/government')).not.toBe(lookupOffice('cn'));
    expect(lookupOffice('cn/government')!.kind).toBe('premier');
    expect(lookupOffice('CN')).toBe(lookupOffice('cn'));
    expect(lookupOffice('cnn')).toBeUndefined();
    expect(officeIds()).toContain('us/government');
  });

  test('offices are data apart from holders: every holder has a date and a source, and terms in order', () => {
    const withHolder = allOffices().filter((o) => o.holders.length);
    expect(withHolder.length).toBeGreaterThanOrEqual(40);
    for (const o of withHolder) {
      for (const h of o.holders) {
        expect(h.asOf, o.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(h.source.length, o.id).toBeGreaterThan(10);
        if (h.from && h.until) expect(h.from < h.until, o.id).toBe(true);
      }
    }
    // Names exist only in the languages a source gives: no invented ko/zh forms.
    expect(Object.keys(lookupOffice('eu/council')!.holders[0]!.name)).toEqual(['en']);
    expect(lookupOffice('un')!.holders[0]!.name).toEqual({
      en: 'António Guterres',
      ko: '안토니우 구테흐스',
      zh: '古特雷斯',
    });
  });
});

describe.each(LANGS)('every office in %s', (lang) => {
  const strings = stringsFor(lang);
  test.each(REGISTERS)('%s: with the holder or a name, and title-only', (register) => {
    for (const office of allOffices()) {
      for (const named of [true, false]) {
        const bare = named ? office : { ...office, holders: [] };
        const name = named && !office.holders.at(-1)?.name[lang] ? SAMPLE_NAME[lang] : undefined;
        const a = addressee({
          id: office.id,
          office: bare,
          lang,
          register,
          strings,
          ...(name ? { name } : {}),
        });
        const where = `${office.id} ${lang} ${register} ${named ? 'named' : 'title-only'}`;
        for (const t of texts(a)) {
          expect(t, where).not.toMatch(/\{\{|\}\}|undefined|null|NaN/);
          expect(t, where).toBe(t.trim());
        }
        expect(a.title, where).not.toBe('');
        expect(a.salutation, where).not.toBe('');
        expect(a.vocative, where).not.toBe('');
        expect(a.close.length, where).toBeGreaterThan(0);
        expect(a.addressLines.length, where).toBeGreaterThan(0);
        if (named) {
          // The name must reach the letter somewhere: the address block at least.
          expect(a.addressLines.join('\n'), where).toContain(a.name!);
        } else {
          expect(a.name, where).toBeUndefined();
          expect(a.nameSource, where).toBe('none');
        }
        if (office.country) expect(a.country, where).toBeTruthy();
        // "H.E." is for lists and envelopes, never in a salutation (protocol.md §1.1).
        expect(a.salutation, where).not.toContain('H.E.');
      }
    }
  });
});

describe('styles and titles', () => {
  const make = (
    id: string,
    lang: string,
    register: 'open-letter' | 'diplomatic' = 'diplomatic',
    name?: string,
  ) => addresseeOf(id, lang, register, name ? { name } : {});

  test('Thailand: Your Majesty / 폐하 / 陛下', () => {
    expect(make('th', 'en').salutation).toBe('Your Majesty,');
    expect(make('th', 'en').close).toEqual([
      'Please accept, Your Majesty, the assurances of my highest consideration.',
    ]);
    expect(make('th', 'ko').salutation).toContain('폐하');
    expect(make('th', 'zh').salutation).toContain('陛下');
    expect(make('th', 'zh').salutation).not.toContain('阁下');
    expect(make('th', 'en').style).toBe('Majesty');
  });

  test('Holy See: Your Holiness / 성하', () => {
    expect(make('va', 'en').salutation).toBe('Your Holiness,');
    expect(make('va', 'en').addressLines).toEqual(['His Holiness Pope Leo XIV']);
    // Diplomatic (make's default register): the bare style, as 대통령 각하; the open letter's line takes 께.
    expect(make('va', 'ko').salutation).toBe('교황 레오 14세 성하');
    expect(make('va', 'ko', 'open-letter').salutation).toBe('교황 레오 14세 성하께');
    expect(make('va', 'en').familyName).toBeUndefined();
  });

  test('UN: 秘书长 in Chinese, with the surname PRC press uses for the holder', () => {
    const un = make('un', 'zh', 'diplomatic');
    expect(un.title).toBe('联合国秘书长');
    expect(un.shortTitle).toBe('秘书长');
    expect(un.salutation).toBe('尊敬的古特雷斯秘书长阁下：');
    expect(un.name).toBe('古特雷斯');
  });

  test('emirs Your Highness, Luxembourg Your Royal Highness, Monaco Your Serene Highness', () => {
    expect(make('qa', 'en').salutation).toBe('Your Highness,');
    // Title-only forms name the country in Chinese, as for every monarch (SPEC §5).
    expect(make('qa', 'zh').salutation).toBe('尊敬的卡塔尔埃米尔殿下：');
    expect(make('lu', 'en').salutation).toBe('Your Royal Highness,');
    expect(make('mc', 'en').salutation).toBe('Your Serene Highness,');
    expect(make('ae', 'en').title).toBe('President of the United Arab Emirates');
  });

  test('generic titles take the ICU country name; Chinese is pinned to zh-Hans-CN', () => {
    expect(make('pl', 'en').title).toBe('President of Poland');
    expect(make('pl', 'ko').title).toBe('폴란드 대통령');
    expect(make('pl', 'zh').title).toBe('波兰总统');
    expect(make('kr', 'zh').country).toBe('韩国');
    expect(make('kp', 'zh').country).toBe('朝鲜');
    expect(make('es/government', 'en', 'open-letter').salutation).toBe('Dear Prime Minister,');
    expect(make('no', 'zh').title).toBe('挪威国王');
  });

  test('the seed letter: salutation and vocative in three languages', () => {
    expect(make('cn', 'en', 'open-letter').vocative).toBe('President Xi Jinping,');
    expect(make('cn', 'ko', 'open-letter').vocative).toBe('시진핑 주석님,');
    // The open letter's re-address, as the seed letter has it (protocol.md §1.3: 公开信).
    expect(make('cn', 'zh', 'open-letter').vocative).toBe('习近平主席：');
    expect(make('cn', 'ko', 'open-letter').signOff).toBe('올림');
    expect(make('cn', 'en', 'open-letter').signOff).toBeUndefined();
    expect(make('cn', 'en', 'open-letter').addressLines).toEqual([
      'H.E. Xi Jinping',
      "President of the People's Republic of China",
    ]);
    expect(make('cn', 'zh', 'diplomatic').addressLines).toEqual(['中华人民共和国主席', '习近平阁下']);
  });

  test('title-only forms when no name is known', () => {
    const bare = (id: string, lang: string, register: 'open-letter' | 'diplomatic') =>
      addressee({
        id,
        office: { ...lookupOffice(id)!, holders: [] },
        lang,
        register,
        strings: stringsFor(lang),
      });
    expect(bare('cn', 'en', 'diplomatic').salutation).toBe('Excellency,');
    expect(bare('cn', 'en', 'open-letter').salutation).toBe('Excellency,');
    expect(bare('cn', 'zh', 'diplomatic').salutation).toBe('尊敬的中华人民共和国主席阁下：');
    expect(bare('cn', 'ko', 'open-letter').salutation).toBe('중화인민공화국 주석님께');
    expect(bare('cn', 'en', 'open-letter').addressLines).toEqual([
      "H.E. the President of the People's Republic of China",
    ]);
    expect(bare('us', 'en', 'open-letter').salutation).toBe('Excellency,');
  });

  test("the letter's name wins over the holder; the family name follows the name order", () => {
    const cn = lookupOffice('cn')!;
    const a = addressee({
      id: 'cn',
      office: cn,
      lang: 'en',
      register: 'open-letter',
      strings: stringsFor('en'),
      name: 'Li Qiang',
    });
    expect(a.name).toBe('Li Qiang');
    expect(a.nameSource).toBe('letter');
    expect(a.salutation).toBe('Dear President Li,');
    // Another person than the directory's holder: the holder's gender is not carried over.
    expect(a.addressLines[0]).toBe('H.E. Li Qiang');
    const fr = addressee({
      id: 'fr',
      office: lookupOffice('fr')!,
      lang: 'en',
      register: 'open-letter',
      strings: stringsFor('en'),
      name: 'Jean-Luc Martin',
    });
    expect(fr.familyName).toBe('Martin');
    const given = addressee({
      id: 'fr',
      office: lookupOffice('fr')!,
      lang: 'en',
      register: 'open-letter',
      strings: stringsFor('en'),
      name: 'Anne de la Tour',
      familyName: 'de la Tour',
    });
    expect(given.salutation).toBe('Dear President de la Tour,');
    const same = addressee({
      id: 'cn',
      office: cn,
      lang: 'en',
      register: 'open-letter',
      strings: stringsFor('en'),
      name: 'Xi Jinping',
    });
    // One form, H.E., for every Excellency in a batch, whatever is known of the gender.
    expect(same.addressLines[0]).toBe('H.E. Xi Jinping');
    expect(
      addressee({
        id: 'us/government',
        office: lookupOffice('us/government')!,
        lang: 'en',
        register: 'diplomatic',
        strings: stringsFor('en'),
      }).id,
    ).toBe('us/government');
  });
});
