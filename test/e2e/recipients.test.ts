/** Forms of address on the page: the offices of protocol.md §5 built as PDFs, `--to kr,th,va,un`, and `letter recipients`. */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { addressee, allOffices, loadDirectoryStrings, lookupOffice } from '../../src/directory/index.js';
import { writeShortLocales } from '../support/example.js';
import { normalise } from '../support/text.js';
import { letterCli, pdfText, tempDir, toolAvailable } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const SECTION5 = [
  'cn',
  'kp',
  'kr',
  'us',
  'jp',
  'jp/government',
  'ru',
  'gb',
  'gb/government',
  'fr',
  'de',
  'de/government',
  'ca',
  'ca/government',
  'mn',
  'vn',
  'la',
  'th',
  'un',
  'eu/council',
  'eu/commission',
  'au',
  'au/government',
  'in',
  'br',
  'za',
  'va',
];
const LANGS = ['en', 'ko', 'zh'] as const;
const REGISTERS = ['open-letter', 'diplomatic'] as const;
const strings = loadDirectoryStrings();

/** A one-paragraph letter to every §5 office, so each salutation is checked on a real page. */
function shortLetter(register: string): string {
  const dir = tempDir(`letter-s5-${register}-`);
  writeFileSync(
    join(dir, 'letter.yaml'),
    [
      `register: ${register}`,
      'template: formal',
      'date: 2026-11-01',
      'slug: s5',
      `to: [${SECTION5.map((id) => `"${id}"`).join(', ')}]`,
      'title: title',
      'body: [{ p: body }]',
      'signatories: [{ org: { en: Crossing NK, ko: 크로싱 엔케이, zh: Crossing NK } }]',
      '',
    ].join('\n'),
  );
  writeShortLocales(dir);
  return dir;
}

describe.each(REGISTERS)('the offices of protocol.md §5 in the %s register', (register) => {
  const out = tempDir('letter-s5-out-');
  beforeAll(async () => {
    const result = await build({ dir: shortLetter(register), out, formats: ['pdf'] });
    expect(result.errors).toEqual([]);
    expect(result.outputs).toHaveLength(SECTION5.length * LANGS.length);
  });

  it.each(SECTION5.flatMap((id) => LANGS.map((lang) => [id, lang] as const)))(
    '%s in %s: the PDF carries the salutation and the close',
    (id, lang) => {
      if (!toolAvailable('pdftotext')) return;
      const forms = addressee({ id, office: lookupOffice(id)!, lang, register, strings: strings[lang]! });
      const text = normalise(pdfText(join(out, id, `s5.${lang}.pdf`)), lang);
      expect(forms.salutation.length).toBeGreaterThan(1);
      expect(text).toContain(normalise(forms.salutation, lang));
      for (const line of forms.close) expect(text).toContain(normalise(line, lang));
      // English puts a recipient block above the salutation; in Korean and Chinese the salutation is the recipient line (protocol.md §6).
      if (lang === 'en') expect(text).toContain(normalise(forms.title, lang));
    },
  );
});

describe('the example letter built --to kr,th,va,un', () => {
  const out = tempDir('letter-to-');
  let texts: Record<string, string> = {};
  beforeAll(() => {
    const r = letterCli([
      'build',
      EXAMPLE,
      '--to',
      'kr,th,va,un',
      '--format',
      'pdf',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    if (!toolAvailable('pdftotext')) return;
    texts = Object.fromEntries(
      ['kr', 'th', 'va', 'un'].flatMap((id) =>
        LANGS.map((lang) => [`${id}.${lang}`, pdfText(join(out, id, `open-letter-2023.${lang}.pdf`))]),
      ),
    );
  });

  it('addresses the King of Thailand as Your Majesty, 폐하 and 陛下', () => {
    if (!toolAvailable('pdftotext')) return;
    expect(texts['th.en']).toContain('Your Majesty');
    expect(texts['th.ko']).toContain('폐하');
    expect(texts['th.zh']).toContain('陛下');
  });

  it('addresses the Pope as Your Holiness', () => {
    if (!toolAvailable('pdftotext')) return;
    expect(texts['va.en']).toContain('Your Holiness');
    expect(texts['va.ko']).toContain('성하');
  });

  it('addresses the UN Secretary-General as 秘书长 in Chinese', () => {
    if (!toolAvailable('pdftotext')) return;
    expect(texts['un.zh']).toContain('秘书长');
    expect(texts['un.en']).toContain('Secretary-General');
  });

  it('addresses the President of Korea as 대통령 in Korean', () => {
    if (!toolAvailable('pdftotext')) return;
    expect(texts['kr.ko']).toContain('대통령');
  });
});

describe('letter recipients', () => {
  it.each([
    ['중국', 'cn'],
    ['法国', 'fr'],
    ['france', 'fr'],
    ['thailand', 'th'],
    ['holy see', 'va'],
    ['Holy', 'va'],
    ['시진핑', 'cn'],
    ['习近平', 'cn'],
    ['Jinping', 'cn'],
    ['xi', 'cn'],
  ])('`letter recipients %s` finds %s first', (query, id) => {
    const r = letterCli(['recipients', query]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]!.split('\t')[0]).toBe(id);
  });

  it('`letter recipients 중국` is China alone, not the United States (미합중국)', () => {
    const r = letterCli(['recipients', '중국']);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[0]),
    ).toEqual(['cn', 'cn/government']);
  });

  it('without a query lists every office of the directory, as a search does', () => {
    const r = letterCli(['recipients'], { cwd: tempDir('letter-nowhere-') });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((line) => line.split('\t')[0])).toEqual(allOffices().map((o) => o.id));
    // Each holder with the date, age and source of its data (issue 14).
    expect(lines.find((l) => l.startsWith('cn\t'))).toMatch(
      /^cn\tPresident of the People's Republic of China\tXi Jinping\t\(as of \d{4}-\d{2}-\d{2}, \d+ days(, STALE)?; Xinhua/,
    );
    const json = JSON.parse(letterCli(['recipients', '--json', '--lang', 'zh']).stdout) as {
      id: string;
      title: string;
    }[];
    expect(json).toHaveLength(allOffices().length);
    expect(json.find((m) => m.id === 'cn')).toEqual(
      JSON.parse(letterCli(['recipients', 'cn', '--json', '--lang', 'zh']).stdout)[0],
    );
  });

  it("in a project, without a query lists the project's recipients first, then the directory", () => {
    const dir = tempDir('letter-own-recipients-');
    writeFileSync(
      join(dir, 'recipients.yaml'),
      [
        'recipients:',
        '  - id: moon',
        '    office: kr',
        '    name: { en: Moon Jae-in, ko: 문재인, zh: 文在寅 }',
        '  - id: ngo',
        '    name: Jane Doe',
        '    title: Director, Some NGO',
        '',
      ].join('\n'),
    );
    const inside = letterCli(['recipients', '--lang', 'ko'], { cwd: dir });
    expect(inside.status).toBe(0);
    const lines = inside.stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['moon\t대한민국 대통령\t문재인', 'ngo\tDirector, Some NGO\tJane Doe']);
    expect(lines).toHaveLength(allOffices().length + 2);
    const json = JSON.parse(letterCli(['recipients', '--json', '--dir', dir]).stdout) as { id: string }[];
    expect(json.slice(0, 3).map((m) => m.id)).toEqual(['moon', 'ngo', allOffices()[0]!.id]);
    // A search finds them by their office's names and by their own.
    expect(letterCli(['recipients', 'korea', '--dir', dir]).stdout.split('\t')[0]).toBe('moon');
    expect(letterCli(['recipients', '문재인', '--dir', dir]).stdout.split('\t')[0]).toBe('moon');
  });

  it('--lang with a language nobody has strings for is a usage error (exit 2)', () => {
    const r = letterCli(['recipients', 'france', '--lang', 'xx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown language 'xx'");
  });

  // German: a language the tool has no locales/ folder for (fr, es, ru and ja have the tool's own forms).
  it('--lang accepts a language the project adds (locales/de), borrowing English forms without its directory.json', () => {
    const dir = tempDir('letter-de-recipients-');
    writeFileSync(join(dir, 'recipients.yaml'), 'recipients: []\n');
    mkdirSync(join(dir, 'locales', 'de'), { recursive: true });
    writeFileSync(join(dir, 'locales', 'de', 'letter.json'), '{}');
    const r = letterCli(['recipients', 'france', '--lang', 'de', '--dir', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(
      /^fr\tPresident of the French Republic\tEmmanuel Macron\t\(as of /,
    );
  });

  it('--json lists entries with titles in the asked language', () => {
    const r = letterCli(['recipients', 'france', '--lang', 'zh', '--json']);
    const found = JSON.parse(r.stdout) as { id: string; title: string }[];
    expect(found[0]).toMatchObject({ id: 'fr', title: '法兰西共和国总统' });
  });
});
