/** The example letter project (examples/open-letter-2023) and the long-letter fixture: key parity and fidelity to the seed text. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_DIR,
  LONG_LETTER_DIR,
  type LocaleStrings,
  type YamlMap,
  letterKeys,
  readLocales,
  readSeedParagraphs,
  readYamlMap,
  unescapeMarkdown,
  unescapedMarkdown,
} from './project-files.js';

const LANGS = ['en', 'ko', 'zh'] as const;
type SeedLang = (typeof LANGS)[number];

/**
 * Which locale keys hold each seed paragraph (numbers as in seed/NOTES.md). Paragraph 10 is split at its first `“`
 * into the lead-in and the block quote. Paragraph 19, the letter's own closing sentence, is the `close` key.
 */
const SEED_PARAGRAPH_KEYS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['title']],
  [2, ['headline']],
  [5, ['intro']],
  [6, ['reports']],
  [7, ['firsthand']],
  [9, ['empathy']],
  [10, ['mother_intro', 'mother']],
  [11, ['coi']],
  [12, ['obligations']],
  [13, ['agreement']],
  [14, ['conflict']],
  [15, ['dangers']],
  [16, ['rights_day']],
  [17, ['plea']],
  [18, ['hope']],
  [19, ['closing']],
];

/**
 * Seed paragraphs that are deliberately NOT in the locale files, because the tool makes them from letter.yaml:
 * 3 and 20 (dates, from `date`), 4 (salutation) and 8 (vocative, from recipient and register), 21–24 (signatories).
 */
const GENERATED_PARAGRAPHS = [3, 4, 8, 20, 21, 22, 23, 24];

/** How the seed joins the lead-in to the quote in paragraph 10: a space after `:`/`.`, none after the full-width `：`. */
const QUOTE_JOINER: Readonly<Record<SeedLang, string>> = { en: ' ', ko: ' ', zh: '' };

const example = { letter: readYamlMap(join(EXAMPLE_DIR, 'letter.yaml')), locales: readLocales(EXAMPLE_DIR) };
const longLetter = {
  letter: readYamlMap(join(LONG_LETTER_DIR, 'letter.yaml')),
  locales: readLocales(LONG_LETTER_DIR),
};

function localeOf(locales: Readonly<Record<string, LocaleStrings>>, lang: string): LocaleStrings {
  const strings = locales[lang];
  if (strings === undefined) throw new Error(`no locale ${lang}`);
  return strings;
}

// i18next context variants a language may add for its grammar (SPEC §4): `title_majesty`, `title_unnamed_holiness`.
const CONTEXT_VARIANT =
  /_(unnamed|joint|excellency|majesty|highness|holiness|male|female)(_(excellency|majesty|highness|holiness|male|female))?$/;

/** The keys a language has, its context variants counted as their base key. */
function sortedKeys(strings: LocaleStrings): string[] {
  return [...new Set(Object.keys(strings).map((k) => k.replace(CONTEXT_VARIANT, '')))].sort();
}

/** What the letter to Xi Jinping (the seed's recipient) puts in each recipient placeholder, per language. */
const TO_XI: Readonly<Record<SeedLang, Readonly<Record<string, string>>>> = {
  en: { name: 'Xi Jinping', shortTitle: 'President', honorific: 'Your Excellency' },
  ko: { name: '시진핑', shortTitle: '주석', honorific: '주석님' },
  zh: { name: '习近平', shortTitle: '主席', honorific: '阁下' },
};

/** A value as the letter to Xi Jinping reads it: recipient placeholders filled in. */
function toXi(value: string, lang: SeedLang): string {
  return value.replace(/\{\{recipient\.(\w+)\}\}/g, (whole, field: string) => TO_XI[lang][field] ?? whole);
}

/** The checks every letter project must pass: same keys in every language, and exactly the keys letter.yaml names. */
function describeKeyParity(
  name: string,
  project: { letter: YamlMap; locales: Readonly<Record<string, LocaleStrings>> },
): void {
  describe(`${name}: locale keys`, () => {
    it('has a locale file for each of en, ko, zh and for the languages letter.yaml lists', () => {
      expect(Object.keys(project.locales).sort()).toEqual([...LANGS]);
      expect(project.letter['languages']).toEqual([...LANGS]);
    });

    it('has exactly the same key set in all three languages', () => {
      const reference = sortedKeys(localeOf(project.locales, 'en'));
      for (const lang of LANGS) expect(sortedKeys(localeOf(project.locales, lang)), lang).toEqual(reference);
    });

    it('names every locale key in letter.yaml, and every key letter.yaml names exists in every language', () => {
      const named = letterKeys(project.letter);
      expect(new Set(named).size, 'a key is named twice in letter.yaml').toBe(named.length);
      for (const lang of LANGS)
        expect(sortedKeys(localeOf(project.locales, lang)), lang).toEqual([...named].sort());
    });

    it("has no empty value, no interpolation but the recipient's forms of address, and no Markdown that would not print literally", () => {
      for (const lang of LANGS) {
        for (const [key, value] of Object.entries(localeOf(project.locales, lang))) {
          expect(value.trim(), `${lang}:${key}`).not.toBe('');
          expect(value, `${lang}:${key}`).toBe(value.trim());
          expect(
            value.replace(/\{\{recipient\.(name|title|shortTitle|honorific)\}\}/g, ''),
            `${lang}:${key}`,
          ).not.toMatch(/\{\{|\$t\(/);
          expect(unescapedMarkdown(value), `${lang}:${key}`).toBeUndefined();
        }
      }
    });
  });
}

describeKeyParity('open-letter-2023', example);
describeKeyParity('long-letter', longLetter);

describe('open-letter-2023: fidelity to the seed text', () => {
  it('accounts for each of the 24 seed paragraphs exactly once', () => {
    const numbers = [...SEED_PARAGRAPH_KEYS.map(([n]) => n), ...GENERATED_PARAGRAPHS].sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    for (const lang of LANGS) expect(readSeedParagraphs(lang), lang).toHaveLength(24);
  });

  it('uses every locale key for exactly one seed paragraph', () => {
    const mapped = SEED_PARAGRAPH_KEYS.flatMap(([, keys]) => keys).sort();
    expect(sortedKeys(localeOf(example.locales, 'en'))).toEqual(mapped);
  });

  for (const lang of LANGS) {
    it(`${lang}: gives back each seed paragraph, and their concatenation, exactly`, () => {
      const seed = readSeedParagraphs(lang);
      const strings = localeOf(example.locales, lang);
      const rebuilt = SEED_PARAGRAPH_KEYS.map(([n, keys]) => {
        const text = keys
          .map((key) => toXi(unescapeMarkdown(strings[key] ?? `<missing ${key}>`), lang))
          .join(QUOTE_JOINER[lang]);
        expect(text, `${lang} paragraph ${n}`).toBe(seed[n - 1]);
        return text;
      });
      const kept = SEED_PARAGRAPH_KEYS.map(([n]) => seed[n - 1]);
      expect(rebuilt.join('\n\n')).toBe(kept.join('\n\n'));
    });

    it(`${lang}: splits paragraph 10 at its first opening quotation mark`, () => {
      const strings = localeOf(example.locales, lang);
      expect(strings['mother']).toMatch(/^“[^“]*”$/u);
      expect(strings['mother_intro']).not.toContain('“');
    });
  }
});

describe('open-letter-2023: letter.yaml and recipients.yaml', () => {
  const { letter } = example;

  it('sets the metadata SPEC §3 asks for', () => {
    expect(letter).toMatchObject({
      template: 'open-letter',
      register: 'open-letter',
      date: '2023-12-10',
      paper: 'A4',
      slug: 'open-letter-2023',
      formats: ['pdf', 'docx'],
      place: { en: 'Toronto', ko: '토론토', zh: '多伦多' },
      to: [{ id: 'cn', name: { en: 'Xi Jinping', ko: '시진핑', zh: '习近平' }, via: 'cn-consulate-toronto' }],
      close: 'closing',
    });
  });

  it('puts the vocative before the empathy paragraph and the quote right after its lead-in, as in the seed', () => {
    const body = letter['body'] as unknown[];
    const vocative = body.indexOf('vocative');
    expect(body[vocative - 1]).toEqual({ p: 'firsthand' });
    expect(body[vocative + 1]).toEqual({ p: 'empathy' });
    const quote = body.findIndex((block) => JSON.stringify(block) === JSON.stringify({ quote: 'mother' }));
    expect(body[quote - 1]).toEqual({ p: 'mother_intro' });
  });

  it('resolves the delivery address in recipients.yaml', () => {
    const recipients = readYamlMap(join(EXAMPLE_DIR, 'recipients.yaml'));
    expect(recipients['addresses']).toEqual([
      {
        id: 'cn-consulate-toronto',
        name: {
          en: "Consulate General of the People's Republic of China in Toronto",
          zh: '中华人民共和国驻多伦多总领事馆',
          ko: '주토론토 중국 총영사관',
        },
        lines: ['240 St. George Street', 'Toronto, ON M5R 2P4', 'Canada'],
      },
    ]);
  });

  for (const lang of LANGS) {
    it(`${lang}: signs with the organisations and e-mails of seed paragraphs 21–24`, () => {
      const seed = readSeedParagraphs(lang);
      const signatories = letter['signatories'] as ReadonlyArray<{
        org: Record<string, string>;
        email: string;
      }>;
      expect(signatories).toHaveLength(2);
      signatories.forEach((signatory, i) => {
        expect(seed[20 + 2 * i]?.startsWith(`• ${signatory.org[lang]}`), `${lang} org ${i}`).toBe(true);
        expect(seed[21 + 2 * i]).toBe(signatory.email);
      });
      expect(seed[20]).toContain('CFNK');
    });
  }
});

describe('long-letter fixture', () => {
  const body = longLetter.letter['body'] as unknown[];

  it('is the example letter lengthened: same metadata and every example text unchanged', () => {
    const { slug, body: _body, ...rest } = longLetter.letter;
    const { slug: _slug, body: _exampleBody, ...exampleRest } = example.letter;
    expect(slug).toBe('long-letter');
    expect(rest).toEqual(exampleRest);
    for (const lang of LANGS)
      expect(localeOf(longLetter.locales, lang)).toMatchObject(localeOf(example.locales, lang));
  });

  it('gets its length from text: an annex heading, 8–12 more paragraphs and three requests, no page break', () => {
    expect(body).not.toContain('pagebreak');
    const annex = body.findIndex((block) => JSON.stringify(block) === JSON.stringify({ heading: 'annex' }));
    expect(annex).toBeGreaterThan(0);
    const paragraphs = (blocks: unknown[]): number =>
      blocks.filter((block) => JSON.stringify(block).startsWith('{"p":')).length;
    const added = paragraphs(body) - paragraphs(example.letter['body'] as unknown[]);
    expect(added).toBeGreaterThanOrEqual(8);
    expect(added).toBeLessThanOrEqual(12);
    expect(body).toContainEqual({ list: ['ask1', 'ask2', 'ask3'] });
  });

  for (const lang of LANGS) {
    it(`${lang}: is over 1.5 times the example's text (measured: about three A4 pages)`, () => {
      // The text a letter prints: a context variant (empathy_holiness, empathy_joint) stands in for its key's text.
      const length = (strings: LocaleStrings): number =>
        Object.entries(strings)
          .filter(([key]) => !CONTEXT_VARIANT.test(key))
          .map(([, value]) => value)
          .join('').length;
      expect(length(localeOf(longLetter.locales, lang))).toBeGreaterThan(
        1.5 * length(localeOf(example.locales, lang)),
      );
    });
  }
});
