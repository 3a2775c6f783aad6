/** The directory works the same over an i18next instance (as the compose stage builds it) as over plain JSON. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { expect, test } from 'vitest';
import { addressee, allOffices, builtinLocalesDir } from '../../src/directory/index.js';
import type { Strings } from '../../src/directory/index.js';
import { LANGS, STRINGS } from './helpers.js';

test('forms from i18next equal forms from stringsFromJson for every office', () => {
  const resources = Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      { directory: JSON.parse(readFileSync(join(builtinLocalesDir(), lang, 'directory.json'), 'utf8')) },
    ]),
  );
  const i18n = i18next.createInstance();
  void i18n.init({
    initAsync: false,
    resources,
    lng: 'en',
    fallbackLng: false,
    ns: ['directory'],
    defaultNS: 'directory',
    interpolation: { escapeValue: false },
  });
  for (const lang of LANGS) {
    const t = i18n.getFixedT(lang, 'directory');
    const viaI18next: Strings = (key, vars) =>
      i18n.exists(key, { lng: lang, ns: 'directory' }) ? t(key, vars ?? {}) : undefined;
    for (const office of allOffices()) {
      for (const register of ['open-letter', 'diplomatic'] as const) {
        const a = addressee({ id: office.id, office, lang, register, strings: viaI18next });
        const b = addressee({ id: office.id, office, lang, register, strings: STRINGS[lang]! });
        expect(a, `${office.id} ${lang} ${register}`).toEqual(b);
      }
    }
  }
});
