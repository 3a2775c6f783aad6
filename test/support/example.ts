/** The example letter's text and fixed parts, for tests that build LetterDocs by hand (typesetting, DOCX) without composing. */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Inline, Section } from '../../src/model/index.js';

export type ExampleLang = 'en' | 'ko' | 'zh';

export const EXAMPLE_DIR = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

/** The example's body keys in letter.yaml order (vocative left out). */
export const BODY_KEYS = [
  'intro',
  'reports',
  'firsthand',
  'empathy',
  'mother_intro',
  'mother',
  'coi',
  'obligations',
  'agreement',
  'conflict',
  'dangers',
  'rights_day',
  'plea',
  'hope',
] as const;

export const LOCALE = { en: 'en-US', ko: 'ko-KR', zh: 'zh-CN' } as const;
export const DATE = { en: 'December 10, 2023', ko: '2023년 12월 10일', zh: '2023年12月10日' } as const;
export const SALUTATION = {
  en: 'President Xi Jinping,',
  ko: '존경하는 시진핑 주석님께',
  zh: '尊敬的习近平主席：',
} as const;
export const VOCATIVE = {
  en: 'President Xi Jinping,',
  ko: '시진핑 주석님,',
  zh: '习近平主席：',
} as const;
export const EMAILS = ['canadanorthkorean@gmail.com', 'crossingnk@gmail.com'] as const;
export const PAGE_LABEL = {
  en: '- {page} -',
  ko: '- {page} / {pages} -',
  zh: '第{page}页，共{pages}页',
} as const;

/** What the letter to Xi Jinping (letter.yaml's `to`) puts in each recipient placeholder, per language. */
export const TO_XI: Readonly<Record<ExampleLang, Readonly<Record<string, string>>>> = {
  en: {
    name: 'Xi Jinping',
    title: "President of the People's Republic of China",
    shortTitle: 'President',
    honorific: 'Your Excellency',
  },
  ko: { name: '시진핑', title: '중화인민공화국 주석', shortTitle: '주석', honorific: '주석님' },
  zh: { name: '习近平', title: '中华人民共和国主席', shortTitle: '主席', honorific: '阁下' },
};

// i18next context variants (`title_holiness`, `title_unnamed`): read by letters to other recipients, not by the example's.
const CONTEXT_VARIANT =
  /_(unnamed|joint|excellency|majesty|highness|holiness|male|female)(_(excellency|majesty|highness|holiness|male|female))?$/;

/**
 * The example letter's locale strings (examples/open-letter-2023/locales/<lang>/letter.json) as its letter to Xi
 * Jinping reads them: recipient placeholders filled in, context variants left out.
 */
export function localeStrings(lang: ExampleLang): Record<string, string> {
  const raw = JSON.parse(readFileSync(join(EXAMPLE_DIR, 'locales', lang, 'letter.json'), 'utf8')) as Record<
    string,
    string
  >;
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([key]) => !CONTEXT_VARIANT.test(key))
      .map(([key, value]) => [
        key,
        value.replace(/\{\{recipient\.(\w+)\}\}/g, (whole, field: string) => TO_XI[lang][field] ?? whole),
      ]),
  );
}

/** The body paragraphs of the example letter, in order. */
export function bodyParagraphs(lang: ExampleLang): string[] {
  const strings = localeStrings(lang);
  return BODY_KEYS.map((key) => strings[key]!);
}

/** A one-paragraph letter's text (`title`, `body`) in en, ko and zh, written into a test project's locales/. */
export function writeShortLocales(dir: string): void {
  const text = {
    en: ['A letter', 'We write to you about refugees.'],
    ko: ['서한', '난민 문제로 서한을 드립니다.'],
    zh: ['信函', '我们就难民问题致函阁下。'],
  };
  for (const lang of ['en', 'ko', 'zh'] as const) {
    mkdirSync(join(dir, 'locales', lang), { recursive: true });
    writeFileSync(
      join(dir, 'locales', lang, 'letter.json'),
      JSON.stringify({ title: text[lang][0], body: text[lang][1] }),
    );
  }
}

/** A text run of `lang`'s letter.json value `key` (`textLang`: a run in another language, e.g. a name). */
export function text(value: string, key: string, lang: string, textLang?: string): Inline {
  return {
    type: 'text',
    value,
    ...(textLang ? { lang: textLang } : {}),
    origin: { file: `locales/${lang}/letter.json`, key, lang },
  };
}

export function para(value: string, key: string, lang: string): Block {
  return { type: 'paragraph', inlines: [text(value, key, lang)] };
}

/** A section as the templates make one: start-aligned, no indent, free to break, unless `extra` says otherwise. */
export function section(part: Section['part'], blocks: Block[], extra: Partial<Section> = {}): Section {
  return {
    part,
    align: 'start',
    keepTogether: false,
    keepWithNext: false,
    firstLineIndent: 0,
    blocks,
    ...extra,
  };
}
