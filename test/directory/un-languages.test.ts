/**
 * The forms of address the tool ships for French, Spanish, Russian (UN languages beside English and Chinese) and
 * Japanese: every office of the directory in both registers, titles with ICU country names, each language's own
 * salutation and close (docs/forms-of-address.md).
 */

import { describe, expect, test } from 'vitest';
import { allOffices, countryName, findRecipients, lookupOffice } from '../../src/directory/index.js';
import { REGISTERS, addresseeOf, formsText, stringsFor } from './helpers.js';

const NEW = ['fr', 'es', 'ru', 'ja', 'ar'] as const;
const NAME: Record<(typeof NEW)[number], string> = {
  fr: 'Camille Martin',
  es: 'Lucía García',
  ru: 'Анна Иванова',
  ja: '山田太郎',
  ar: 'ليلى حسن',
};

describe.each(NEW)('%s forms of address', (lang) => {
  test('every office resolves in both registers, with and without a name, with no placeholder left', () => {
    for (const office of allOffices()) {
      for (const register of REGISTERS) {
        for (const name of [undefined, NAME[lang]]) {
          const a = addresseeOf(office.id, lang, register, name ? { name } : {});
          const text = [...formsText(a), a.honorific ?? ''].join('\n');
          expect(text, `${office.id} ${register}`).not.toMatch(/\{\{|\}\}|undefined/);
          expect(a.salutation.length, `${office.id} ${register}`).toBeGreaterThan(0);
          expect(a.close.length, `${office.id} ${register}`).toBeGreaterThan(0);
        }
      }
    }
  });

  test('a country without an office of its own is named by ICU in this language', () => {
    const office = lookupOffice('bj')!; // Benin: no hand-written title in any language
    const country = countryName(office, lang, stringsFor(lang))!;
    expect(country).toBe(
      new Intl.DisplayNames([stringsFor(lang)('meta.icuLocale')!], { type: 'region' }).of('BJ'),
    );
    expect(addresseeOf('bj', lang, 'open-letter').title).toContain(country);
  });
});

describe('each language’s conventions', () => {
  test('French: "Monsieur le Président de la République," and the close that repeats it; "Excellence," when the gender is not known', () => {
    const male = addresseeOf('fr', 'fr', 'open-letter', { name: 'Emmanuel Macron', gender: 'male' });
    expect(male.title).toBe('Président de la République française');
    expect(male.salutation).toBe('Monsieur le Président de la République,');
    expect(male.close).toEqual([
      "Je vous prie d'agréer, Monsieur le Président de la République, l'expression de ma très haute considération.",
    ]);
    expect(male.addressLines).toEqual([
      'Son Excellence Monsieur Emmanuel Macron',
      'Président de la République française',
    ]);
    expect(addresseeOf('br', 'fr', 'open-letter', { gender: 'female' }).salutation).toBe(
      'Madame la Présidente,',
    );
    // A letter naming someone other than the directory's holder: the gender is not known.
    expect(addresseeOf('fr', 'fr', 'open-letter', { name: 'Camille Martin' }).salutation).toBe('Excellence,');
    expect(addresseeOf('fr', 'fr', 'diplomatic').close).toEqual([
      "Je prie Votre Excellence d'agréer l'assurance de ma très haute considération.",
    ]);
    expect(addresseeOf('gb', 'fr', 'diplomatic').salutation).toBe('Sire,');
    expect(addresseeOf('va', 'fr', 'diplomatic').salutation).toBe('Très Saint-Père,');
  });

  test('Spanish: "Excelentísimo Señor Presidente:" with a colon, and the diplomatic close to Vuestra Excelencia', () => {
    expect(addresseeOf('fr', 'es', 'open-letter', { gender: 'male' }).salutation).toBe(
      'Excelentísimo Señor Presidente:',
    );
    expect(addresseeOf('mx', 'es', 'open-letter', { gender: 'female' }).salutation).toBe(
      'Excelentísima Señora Presidenta:',
    );
    expect(addresseeOf('fr', 'es', 'open-letter', { name: 'Lucía García' }).salutation).toBe('Excelencia:');
    expect(addresseeOf('fr', 'es', 'diplomatic').close[0]).toMatch(
      /^Aprovecho la oportunidad para reiterar a Vuestra Excelencia las seguridades de mi más alta y distinguida consideración\.$/,
    );
    expect(addresseeOf('cl', 'es', 'open-letter').title).toBe('Presidente de Chile');
  });

  test('Russian: "Уважаемый господин Президент!" with the exclamation mark, "С уважением," and the official titles', () => {
    expect(addresseeOf('fr', 'ru', 'open-letter', { gender: 'male' }).salutation).toBe(
      'Уважаемый господин Президент!',
    );
    expect(addresseeOf('fr', 'ru', 'open-letter', { gender: 'female' }).salutation).toBe(
      'Уважаемая госпожа Президент!',
    );
    expect(addresseeOf('fr', 'ru', 'open-letter', { name: 'Анна Иванова' }).salutation).toBe(
      'Ваше Превосходительство!',
    );
    expect(addresseeOf('fr', 'ru', 'open-letter').close).toEqual(['С уважением,']);
    expect(addresseeOf('ru/government', 'ru', 'open-letter').title).toBe(
      'Председатель Правительства Российской Федерации',
    );
    expect(addresseeOf('un', 'ru', 'open-letter').title).toBe(
      'Генеральный секретарь Организации Объединённых Наций',
    );
  });

  test('Japanese: 拝啓 … 敬具 (謹啓 … 謹白 in the diplomatic register), the name with 閣下, the Emperor by title alone', () => {
    const xi = addresseeOf('cn', 'ja', 'open-letter', { name: '習近平' });
    expect(xi.addressLines).toEqual(['中華人民共和国主席', '習近平閣下']);
    expect([xi.salutation, xi.close]).toEqual(['拝啓', ['敬具']]);
    expect(xi.vocative).toBe('習近平国家主席閣下');
    const diplomatic = addresseeOf('cn', 'ja', 'diplomatic', { name: '習近平' });
    expect([diplomatic.salutation, diplomatic.close]).toEqual(['謹啓', ['謹白']]);
    expect(addresseeOf('jp', 'ja', 'open-letter', { name: '徳仁' }).addressLines).toEqual(['天皇陛下']);
    expect(addresseeOf('th', 'ja', 'open-letter').addressLines).toEqual(['タイ王国国王陛下']);
  });
});

describe('Arabic conventions', () => {
  test('فخامة الرئيس to a president, the close وتفضلوا بقبول فائق الاحترام والتقدير, صاحب الفخامة when the gender is not known', () => {
    const male = addresseeOf('fr', 'ar', 'open-letter', { name: 'إيمانويل ماكرون', gender: 'male' });
    expect(male.title).toBe('رئيس الجمهورية الفرنسية');
    expect(male.salutation).toBe('فخامة الرئيس،');
    expect(male.close).toEqual(['وتفضلوا بقبول فائق الاحترام والتقدير.']);
    expect(male.addressLines).toEqual(['فخامة السيد إيمانويل ماكرون', 'رئيس الجمهورية الفرنسية']);
    expect(male.honorific).toBe('فخامتكم');
    expect(addresseeOf('br', 'ar', 'open-letter', { gender: 'female' }).salutation).toBe('فخامة الرئيسة،');
    expect(addresseeOf('fr', 'ar', 'open-letter', { name: 'ليلى حسن' }).salutation).toBe('صاحب الفخامة،');
    expect(addresseeOf('fr', 'ar', 'diplomatic').close).toEqual([
      'وتفضلوا فخامتكم بقبول أسمى آيات التقدير والاحترام.',
    ]);
  });

  test('صاحب الجلالة to a king, صاحب السمو to an emir, صاحب القداسة to the Pope, دولة to a prime minister, معالي to the Secretary-General', () => {
    expect(addresseeOf('gb', 'ar', 'diplomatic').salutation).toBe('صاحب الجلالة،');
    expect(addresseeOf('th', 'ar', 'open-letter').addressLines).toEqual(['صاحب الجلالة ملك تايلند']);
    expect(addresseeOf('kw', 'ar', 'open-letter').honorific).toBe('سموكم');
    expect(addresseeOf('va', 'ar', 'diplomatic').salutation).toBe('صاحب القداسة،');
    expect(addresseeOf('gb/government', 'ar', 'open-letter').salutation).toBe('دولة رئيس الوزراء،');
    const un = addresseeOf('un', 'ar', 'open-letter', { name: 'أنطونيو غوتيريش', gender: 'male' });
    expect(un.salutation).toBe('معالي الأمين العام،');
    expect(un.addressLines).toEqual(['معالي السيد أنطونيو غوتيريش', 'الأمين العام للأمم المتحدة']);
  });

  test('a generic title joins ICU’s country name as an idafa: رئيس بنن', () => {
    expect(addresseeOf('bj', 'ar', 'open-letter').title).toBe(
      `رئيس ${new Intl.DisplayNames(['ar'], { type: 'region' }).of('BJ')}`,
    );
  });
});

describe('search in the new languages', () => {
  test.each([
    ['fr', 'france', 'Président de la République française'],
    ['ru', 'франция', 'Президент Французской Республики'],
    ['es', 'francia', 'Presidente de la República Francesa'],
    ['ja', 'フランス', 'フランス共和国大統領'],
    ['ar', 'فرنسا', 'رئيس الجمهورية الفرنسية'],
  ])('%s: "%s" finds France’s head of state first, titled in that language', (lang, query, title) => {
    const hits = findRecipients(query, { lang });
    expect(hits[0]).toMatchObject({ id: 'fr', title });
  });
});
