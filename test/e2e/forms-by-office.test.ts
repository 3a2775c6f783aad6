/**
 * One letter, many heads of state (issue 13): the example letter built `--to th,va,fr,sm,un,us` in ko, en and zh. No
 * letter carries a form of address of another kind of office, and each carries its own.
 */

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, loadProject } from '../../src/index.js';
import { addressing } from '../../src/compose/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { normalise } from '../support/text.js';
import { pdfText, tempDir, toolAvailable } from '../support/tools.js';

const TO = ['th', 'va', 'fr', 'sm', 'un', 'us'] as const;
const LANGS = ['ko', 'en', 'zh'] as const;

/** Per style and language, the forms that belong to other kinds of office and must not appear. */
const FOREIGN: Readonly<Record<string, Readonly<Record<(typeof LANGS)[number], readonly string[]>>>> = {
  Majesty: {
    ko: ['각하', '성하', '주석님', '대통령님'],
    en: ['Excellency', 'Holiness', 'H.E.'],
    zh: ['阁下', '教宗', '主席'],
  },
  Holiness: {
    ko: ['각하', '폐하', '주석님', '대통령님'],
    en: ['Excellency', 'Majesty', 'H.E.'],
    zh: ['阁下', '陛下', '主席'],
  },
  Excellency: {
    ko: ['폐하', '성하', '전하', '주석님'],
    en: ['Majesty', 'Holiness', 'Highness'],
    zh: ['陛下', '殿下', '教宗'],
  },
};
/** A country whose custom has no 阁下 (protocol.md §1.3): its Chinese letter must not say it. */
const NO_EXCELLENCY_ZH = ['us'];

describe('the example letter to a king, the Pope, presidents, the Captains Regent and the UN Secretary-General', () => {
  const out = tempDir('letter-forms-by-office-');
  const project = loadProject({ dir: EXAMPLE_DIR, toolDir: TOOL_DIR });
  beforeAll(async () => {
    const result = await build({ dir: EXAMPLE_DIR, out, to: [...TO], langs: [...LANGS], formats: ['pdf'] });
    expect(result.errors).toEqual([]);
    expect(result.outputs).toHaveLength(TO.length * LANGS.length);
  }, 300_000);

  it.each(TO.flatMap((id) => LANGS.map((lang) => [id, lang] as const)))(
    '%s in %s: its own forms, none of another kind of office',
    (id, lang) => {
      if (!toolAvailable('pdftotext')) return;
      const text = normalise(pdfText(join(out, id, `open-letter-2023.${lang}.pdf`)), lang);
      const forms = addressing(project, { id, path: [] }, lang)!.addressee;
      expect(text).toContain(normalise(forms.salutation, lang));
      if (lang !== 'en') expect(text).toContain(normalise(forms.honorific, lang));
      for (const word of FOREIGN[forms.style]![lang])
        expect(text, `${id} ${lang}: '${word}'`).not.toContain(normalise(word, lang));
      if (lang === 'zh' && NO_EXCELLENCY_ZH.includes(id)) expect(text).not.toContain('阁下');
    },
  );

  it('the running text says 폐하/陛下 to the king and 성하 to the Pope where the letter to Xi Jinping says 주석님/阁下', () => {
    if (!toolAvailable('pdftotext')) return;
    const read = (id: string, lang: string) =>
      normalise(pdfText(join(out, id, `open-letter-2023.${lang}.pdf`)), lang);
    expect(read('th', 'ko')).toContain('저희는국왕폐하께서');
    expect(read('va', 'ko')).toContain('저희는교황성하께서');
    // 수신 names the office with its style word, with or without a holder's name (th has no ko name).
    expect(read('th', 'ko')).toContain('수신:태국국왕폐하');
    expect(read('va', 'ko')).toContain('수신:교황성하');
    expect(read('th', 'zh')).toContain('我们恳请陛下立即采取行动');
    expect(read('us', 'zh')).toContain('我们恳请总统');
  });

  it('the letter to the Pope appeals to his compassion, not to him as a parent, as the letters to the others do', () => {
    if (!toolAvailable('pdftotext')) return;
    const read = (id: string, lang: string) =>
      normalise(pdfText(join(out, id, `open-letter-2023.${lang}.pdf`)), lang);
    const parent = { en: 'asaparent', ko: '부모', zh: '父母' } as const;
    for (const lang of LANGS) {
      expect(read('va', lang).replace(/\s/g, '')).not.toContain(parent[lang]);
      expect(read('th', lang).replace(/\s/g, '')).toContain(parent[lang]);
    }
    expect(read('va', 'ko')).toContain('교황성하의자비로우신마음에호소합니다');
    expect(read('va', 'zh')).toContain('我们诉诸教宗的悲悯之心');
  });

  // protocol.md §1.1–§1.3, §5, as printed: salutation, mid-letter re-address and close of each kind of office.
  it.each([
    ['fr', 'zh', ['尊敬的马克龙总统：', '马克龙总统：', '我们恳请阁下立即采取行动']],
    ['un', 'zh', ['尊敬的古特雷斯秘书长：', '古特雷斯秘书长：']],
    ['th', 'zh', ['尊敬的泰王国国王陛下：', '国王陛下：']],
    ['sm', 'zh', ['尊敬的圣马力诺二位执政官阁下：', '二位执政官阁下：']],
    ['th', 'ko', ['태국 국왕 폐하께', '국왕 폐하,', '국왕 폐하께서']],
    ['va', 'ko', ['교황 성하께', '교황 성하,', '교황 성하께서']],
    ['fr', 'ko', ['에마뉘엘 마크롱 대통령님께', '에마뉘엘 마크롱 대통령님,', '대통령님께서']],
    ['th', 'en', ['Your Majesty,', 'We have the honour to remain, Your Majesty’s obedient servants']],
    ['va', 'en', ['Your Holiness,', 'Very respectfully,']],
    ['fr', 'en', ['Dear President Macron,', 'President Emmanuel Macron,', 'Yours sincerely,']],
  ] as const)('%s in %s says exactly %j', (id, lang, parts) => {
    if (!toolAvailable('pdftotext')) return;
    const text = normalise(pdfText(join(out, id, `open-letter-2023.${lang}.pdf`)), lang);
    for (const part of parts) expect(text, part).toContain(normalise(part, lang));
    // The letter's own close follows the recipient's style (closing_majesty, closing_holiness), never the other's.
    if (lang === 'en' && id !== 'th') expect(text).not.toContain('obedient');
    if (lang === 'en' && id !== 'va') expect(text).not.toContain('respectfully');
  });
});
