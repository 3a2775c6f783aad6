/** Generated letter projects: letter.yaml and locale strings with random Unicode (and known troublemakers) in every field. */

import fc from 'fast-check';

/** Values that have broken tools like this one: paths, NUL, reserved names, template and i18next syntax, astral CJK. */
const TROUBLE = [
  '../../etc/passwd',
  '/abs',
  'con',
  'NUL.txt',
  'a\0b',
  '',
  ' ',
  '\t',
  '\r\n',
  '\u2028',
  '\ufeff',
  '..',
  '.',
  '{{constructor.constructor}}',
  '{{recipient.name}}',
  '{{__proto__}}',
  '$t(title)',
  '$t(intro)',
  '{{- date}}',
  '__proto__',
  'constructor',
  '*_[x](javascript:alert(1))_*',
  ':::body',
  '\n:::\n',
  '::signature{index=9}',
  '> q',
  '# h',
  '𠀀',
  '🏳️‍🌈',
  'Ａ',
  'e\u0301',
  '\ud800',
  '習近平',
  '시진핑',
  'x'.repeat(300),
];

/** Characters the shipped fonts cover, with Markdown and punctuation: text that can make it all the way to a PDF. */
const COVERED = [
  ...'aZ 09.,;:!?()\'"-—–…“”‘’*_[]#>`~\\/@&%$ 가나다라한국어 习近平中文，。、；：？！（）《》「」 ÀéüßçØ Ωπ',
];

export const text = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...TROUBLE) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 5, arbitrary: fc.string({ unit: fc.constantFrom(...COVERED), minLength: 1, maxLength: 40 }) },
);

const lang = fc.constantFrom('en', 'ko', 'zh');
const localized = fc.oneof(text, fc.dictionary(fc.oneof(lang, text), text, { maxKeys: 3 }));
const id = fc.oneof(fc.constantFrom('cn', 'kr', 'un', 'cn/government', 'xi', 'fr'), text);
const key = fc.oneof(fc.constantFrom('title', 'headline', 'intro', 'plea', 'closing', 'missing'), text);

const bodyItem = fc.oneof(
  key.map((k) => ({ p: k })),
  key.map((k) => ({ heading: k })),
  fc.record({ quote: key, by: key }, { requiredKeys: ['quote'] }),
  fc.record({ list: fc.array(key, { maxLength: 3 }), ordered: fc.boolean() }, { requiredKeys: ['list'] }),
  fc.constantFrom('vocative', 'pagebreak'),
  text,
);

/** A letter.yaml as data: mostly the right shape, with any field possibly random. */
export const letterData = fc.record(
  {
    template: fc.oneof(fc.constantFrom('open-letter', 'formal'), text),
    register: fc.oneof(fc.constantFrom('open-letter', 'diplomatic'), text),
    date: fc.oneof(
      fc.constant('2023-12-10'),
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      text,
    ),
    place: localized,
    languages: fc.oneof(fc.constant(['en']), fc.uniqueArray(fc.oneof(lang, text), { maxLength: 3 })),
    slug: fc.oneof(fc.constant('letter'), text),
    to: fc.array(
      fc.oneof(
        id,
        fc.record(
          { id, name: localized, family: localized, via: fc.oneof(fc.constant('consulate'), text) },
          { requiredKeys: ['id'] },
        ),
      ),
      { minLength: 0, maxLength: 2 },
    ),
    title: key,
    subtitle: key,
    reference: localized,
    body: fc.array(bodyItem, { maxLength: 4 }),
    close: key,
    signatories: fc.array(
      fc.record(
        {
          org: localized,
          short: text,
          email: fc.oneof(fc.constant('a@b.org'), text),
          person: fc.record({ name: localized, title: localized }, { requiredKeys: ['name'] }),
        },
        { requiredKeys: ['org'] },
      ),
      { maxLength: 2 },
    ),
    enclosures: fc.array(key, { maxLength: 2 }),
    cc: fc.array(fc.oneof(id, localized), { maxLength: 2 }),
  },
  { requiredKeys: ['date', 'to', 'title', 'body', 'signatories'] },
);

/** Mostly text the fonts cover, so that many generated letters get through the checks to composing and rendering. */
export const mostlyCovered = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: fc.constantFrom(...COVERED), minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...TROUBLE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);
const textMap = fc.record(
  { en: mostlyCovered, ko: mostlyCovered, zh: mostlyCovered },
  { requiredKeys: ['en'] },
);
const validKey = fc.constantFrom('title', 'headline', 'intro', 'plea', 'closing');

/** A letter.yaml of the right shape, with random text wherever the schema allows any text (names, places, organisations). */
export const validLetterData = fc.record(
  {
    template: fc.constantFrom('open-letter', 'formal'),
    register: fc.constantFrom('open-letter', 'diplomatic'),
    date: fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    place: fc.oneof(mostlyCovered, textMap),
    languages: fc.subarray(['ko', 'zh']).map((l) => ['en', ...l]),
    slug: fc.constant('letter'),
    to: fc.array(
      fc.oneof(
        fc.constantFrom('cn', 'kr', 'un', 'fr/government', 'xi'),
        fc.record(
          { id: fc.constantFrom('cn', 'us', 'va'), name: fc.oneof(mostlyCovered, textMap) },
          { requiredKeys: ['id'] },
        ),
      ),
      { minLength: 1, maxLength: 2 },
    ),
    title: fc.constant('title'),
    subtitle: fc.constant('headline'),
    body: fc.array(
      fc.oneof(
        validKey.map((k) => ({ p: k })),
        validKey.map((k) => ({ heading: k })),
        fc.record({ quote: validKey, by: validKey }, { requiredKeys: ['quote'] }),
        fc.constant('vocative'),
        fc.array(validKey, { minLength: 1, maxLength: 2 }).map((list) => ({ list })),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    close: validKey,
    signatories: fc.array(
      fc.record(
        {
          org: fc.oneof(mostlyCovered, textMap),
          person: fc.record({ name: fc.oneof(mostlyCovered, textMap) }),
        },
        { requiredKeys: ['org'] },
      ),
      { minLength: 1, maxLength: 2 },
    ),
    cc: fc.array(fc.oneof(fc.constantFrom('kr', 'un'), textMap), { maxLength: 2 }),
  },
  { requiredKeys: ['date', 'to', 'title', 'body', 'signatories', 'languages', 'template'] },
);

/** One language's letter.json: the keys a letter uses, with random text, and some random keys. */
export const localeData = fc.record({
  title: mostlyCovered,
  headline: mostlyCovered,
  intro: mostlyCovered,
  plea: mostlyCovered,
  closing: mostlyCovered,
  extra: fc.oneof(
    { weight: 3, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.dictionary(text, fc.oneof(text, fc.dictionary(text, text, { maxKeys: 2 })), {
        maxKeys: 3,
      }),
    },
  ),
});

/** A project: letter.yaml as data or as raw text, and locale files as data or raw text. */
export const projectData = fc.record({
  letter: fc.oneof(
    { weight: 6, arbitrary: validLetterData.map((d) => ({ data: d as unknown })) },
    { weight: 3, arbitrary: letterData.map((d) => ({ data: d as unknown })) },
    { weight: 1, arbitrary: text.map((raw) => ({ raw })) },
  ),
  locales: fc.record({
    en: fc.oneof(
      { weight: 9, arbitrary: localeData.map((d) => ({ data: d as unknown })) },
      { weight: 1, arbitrary: text.map((raw) => ({ raw })) },
    ),
    ko: localeData.map((d) => ({ data: d as unknown })),
    zh: localeData.map((d) => ({ data: d as unknown })),
  }),
  recipients: fc.option(
    fc.record({
      recipients: fc.array(
        fc.record(
          {
            id: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('xi', 'pm') }, { weight: 1, arbitrary: id }),
            office: fc.oneof(
              { weight: 4, arbitrary: fc.constantFrom('cn', 'kr') },
              { weight: 1, arbitrary: id },
            ),
            name: fc.oneof(mostlyCovered, textMap),
          },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 2 },
      ),
      addresses: fc.array(
        fc.record({
          id: fc.oneof({ weight: 4, arbitrary: fc.constant('consulate') }, { weight: 1, arbitrary: text }),
          name: fc.oneof(mostlyCovered, textMap),
          lines: fc.array(mostlyCovered, { maxLength: 2 }),
        }),
        { maxLength: 1 },
      ),
    }),
    { nil: undefined, freq: 3 },
  ),
});

export type ProjectData = typeof projectData extends fc.Arbitrary<infer T> ? T : never;
