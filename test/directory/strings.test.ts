/** stringsFromJson over plain JSON, and a language added as data only (a French directory.json) with no code change. */

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  addressee,
  allOffices,
  findRecipients,
  loadDirectoryStrings,
  lookupOffice,
  stringsFromJson,
} from '../../src/directory/index.js';
import { LetterError } from '../../src/diag/index.js';

// Generic French forms only: no office-specific entry, as a translator adding a language would start.
const FR = {
  meta: { icuLocale: 'fr-FR' },
  default: {
    styleWord: 'Excellence',
    title: 'Chef de l’État ({{country}})',
    shortTitle: 'Chef de l’État',
    salutationNoName: '{{styleWord}},',
    vocativeNoName: '{{styleWord}},',
    address: 'S. E. {{name}}\n{{title}}',
    addressNoName: '{{title}}',
    'open-letter': {
      salutation: 'Madame, Monsieur le {{shortTitle}},',
      vocative: '{{shortTitle}} {{name}},',
      close: 'Veuillez agréer l’expression de ma haute considération.',
    },
    diplomatic: {
      salutation: '{{styleWord}},',
      vocative: '{{styleWord}},',
      close: 'Je vous prie d’agréer, {{styleWord}}, l’assurance de ma très haute considération.',
    },
  },
  styles: {
    Majesty: { styleWord: 'Votre Majesté', salutation: 'Sire,' },
    Holiness: { styleWord: 'Votre Sainteté', salutation: 'Très Saint-Père,' },
  },
  kinds: {
    president: { title: 'Président ({{country}})', shortTitle: 'Président' },
    'prime-minister': { title: 'Premier ministre ({{country}})', shortTitle: 'Premier ministre' },
    pope: { title: 'Pape', shortTitle: 'Pape' },
    'secretary-general': { title: 'Secrétaire général des Nations unies', shortTitle: 'Secrétaire général' },
  },
  offices: {
    'eu/council': { title: 'Président du Conseil européen' },
    'eu/commission': { title: 'Présidente de la Commission européenne' },
  },
};

describe('stringsFromJson', () => {
  const s = stringsFromJson({ a: { b: 'Dear {{title}} {{name}},', n: { x: 'y' } }, e: '' });
  test('dot paths to string leaves, with interpolation; objects and missing keys are undefined', () => {
    expect(s('a.b')).toBe('Dear {{title}} {{name}},');
    expect(s('a.b', { title: 'President', name: 'Xi' })).toBe('Dear President Xi,');
    expect(s('a.b', { title: 'President' })).toBe('Dear President {{name}},');
    expect(s('a.n')).toBeUndefined();
    expect(s('a.zz')).toBeUndefined();
    expect(s('a.b.c')).toBeUndefined();
    expect(s('e')).toBe('');
    expect(s('__proto__')).toBeUndefined();
    expect(s('a.constructor')).toBeUndefined();
  });

  test('a key read again, by this lookup or another over the same data, gives what the first read gave', () => {
    const data = { a: { b: 'Dear {{name}},', 'c.d': 'dotted' }, l: ['zero', { k: 'one' }] };
    const first = stringsFromJson(data);
    const again = stringsFromJson(data);
    for (const lookup of [first, again, first]) {
      expect(lookup('a.b', { name: 'Xi' })).toBe('Dear Xi,');
      expect(lookup('a.b', { name: 'Lee' })).toBe('Dear Lee,');
      expect(lookup('a.b')).toBe('Dear {{name}},');
      // A name with a dot in it is out of a dot path's reach, as the walk always had it.
      expect(lookup('a.c.d')).toBeUndefined();
      expect(lookup('l.0')).toBe('zero');
      expect(lookup('l.1.k')).toBe('one');
      expect(lookup('a.zz')).toBeUndefined();
    }
    expect(stringsFromJson('text')('a')).toBeUndefined();
  });
});

describe('a language added later', () => {
  const fr = stringsFromJson(FR);

  test('every office resolves in French from the generic forms, with ICU country names', () => {
    for (const office of allOffices()) {
      for (const register of ['open-letter', 'diplomatic'] as const) {
        const a = addressee({
          id: office.id,
          office,
          lang: 'fr',
          register,
          strings: fr,
          name: 'Camille Dupont',
        });
        for (const t of [a.title, a.salutation, a.vocative, ...a.close, ...a.addressLines])
          expect(t).not.toMatch(/\{\{|undefined/);
        expect(a.lang).toBe('fr');
      }
    }
    const cn = addressee({
      id: 'cn',
      office: lookupOffice('cn')!,
      lang: 'fr',
      register: 'diplomatic',
      strings: fr,
    });
    expect(cn.title).toBe('Président (Chine)');
    expect(cn.salutation).toBe('Excellence,');
    expect(cn.close).toEqual([
      'Je vous prie d’agréer, Excellence, l’assurance de ma très haute considération.',
    ]);
    const th = addressee({
      id: 'th',
      office: lookupOffice('th')!,
      lang: 'fr',
      register: 'open-letter',
      strings: fr,
    });
    expect(th.salutation).toBe('Sire,');
    expect(th.title).toBe('Chef de l’État (Thaïlande)');
    expect(th.signOff).toBeUndefined();
  });

  test('locales/fr/directory.json on disk is found and searched with no code change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'letter-directory-'));
    for (const [lang, json] of [['fr', FR]] as const) {
      mkdirSync(join(dir, lang), { recursive: true });
      writeFileSync(join(dir, lang, 'directory.json'), JSON.stringify(json));
    }
    const strings = loadDirectoryStrings(dir);
    expect(Object.keys(strings)).toEqual(['fr']);
    expect(findRecipients('Pape', { strings, lang: 'fr' })[0]).toMatchObject({
      id: 'va',
      title: 'Pape',
      country: 'État de la Cité du Vatican',
    });
  });

  test('a missing form is a clear missing-key error naming the file', () => {
    const empty = stringsFromJson({ kinds: { president: { title: '{{country}}', shortTitle: 'P' } } });
    let error: unknown;
    try {
      addressee({
        id: 'cn',
        office: lookupOffice('cn')!,
        lang: 'xx',
        register: 'open-letter',
        strings: empty,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LetterError);
    const d = (error as LetterError).diagnostics[0]!;
    expect(d.code).toBe('missing-key');
    expect(d.file).toBe('locales/xx/directory.json');
    expect(d.message).toContain("'salutation'");
  });
});

describe("the tool's Korean forms for monarchs", () => {
  const ko = loadDirectoryStrings()['ko']!;
  const make = (id: string, register: 'open-letter' | 'diplomatic') =>
    addressee({ id, office: lookupOffice(id)!, lang: 'ko', register, strings: ko });

  test('title-only forms name the country (SPEC §5): 일본국 천황 폐하, 영국 국왕 폐하, 태국 국왕 폐하', () => {
    // The open letter's first line takes the dative 께, as 대통령님께 and 교황 성하께 do (protocol.md §1.2).
    expect(make('jp', 'open-letter').salutation).toBe('일본국 천황 폐하께');
    expect(make('gb', 'diplomatic').salutation).toBe('영국 국왕 폐하');
    expect(make('th', 'open-letter').salutation).toBe('태국 국왕 폐하께');
  });
});
