/** `letter check` on holder data: missing or older than 180 days is a warning, fatal only with --strict. */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { tempDir } from '../support/tools.js';

function letterTo(to: string, date = '2026-11-01'): string {
  const dir = tempDir('letter-holders-');
  writeFileSync(
    join(dir, 'letter.yaml'),
    `date: ${date}\nto: ${to}\ntitle: title\nbody: [{ p: body }]\nsignatories: [{ org: Crossing NK }]\n`,
  );
  mkdirSync(join(dir, 'locales', 'en'), { recursive: true });
  writeFileSync(
    join(dir, 'locales', 'en', 'letter.json'),
    JSON.stringify({ title: 'A letter', body: 'Text.' }),
  );
  return dir;
}

describe('holder warnings', () => {
  it('warns when the directory has no holder for an office the letter names no one for', async () => {
    const result = await check({ dir: letterTo('[bt]'), now: new Date('2026-11-27T00:00:00Z') });
    expect(result.exitCode).toBe(0);
    expect(result.warnings.map((w) => w.code)).toEqual(['holder-missing']);
    expect(result.warnings[0]).toMatchObject({ file: 'letter.yaml', line: 2 });
  });

  it('warns when the holder data is older than 180 days, not when it is fresh', async () => {
    const stale = await check({ dir: letterTo('[cn]'), now: new Date('2027-04-01T00:00:00Z') });
    expect(stale.warnings.map((w) => w.code)).toEqual(['holder-stale']);
    expect(stale.warnings[0]!.message).toContain('reported on 2026-08-22 (222 days ago) by');
    const fresh = await check({ dir: letterTo('[cn]'), now: new Date('2026-09-01T00:00:00Z') });
    expect(fresh.warnings).toEqual([]);
  });

  it('says nothing when the letter gives the name itself, and fails only with --strict', async () => {
    const named = await check({
      dir: letterTo('[{ id: fr, name: { en: Jane Doe } }]'),
      now: new Date('2027-04-01T00:00:00Z'),
    });
    expect(named.warnings).toEqual([]);
    const strict = await check({
      dir: letterTo('[bt]'),
      strict: true,
      now: new Date('2026-11-27T00:00:00Z'),
    });
    expect(strict.exitCode).toBe(2);
  });
});

describe("holder warnings for the project's own recipients", () => {
  it('say nothing about a recipients.yaml entry without office, even when its id is a country code', async () => {
    const dir = letterTo('[cn]');
    writeFileSync(
      join(dir, 'recipients.yaml'),
      'recipients:\n  - id: cn\n    title: { en: Director of the Refugee Desk }\n    salutation: { en: Dear Director, }\n',
    );
    const result = await check({ dir, now: new Date('2027-04-01T00:00:00Z') });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('holder names missing in a language being built', () => {
  /** A letter in en, ko and zh (the same text in each) to one recipient. */
  function trilingual(to: string): string {
    const dir = letterTo(to);
    for (const lang of ['ko', 'zh']) {
      mkdirSync(join(dir, 'locales', lang), { recursive: true });
      writeFileSync(
        join(dir, 'locales', lang, 'letter.json'),
        JSON.stringify({ title: 'A letter', body: 'Text.' }),
      );
    }
    return dir;
  }

  it.each(['eu/council', 'eu/commission', 'gb'])(
    '%s: the holder has an English name only, so ko and zh letters go without one: a warning',
    async (id) => {
      const result = await check({ dir: trilingual(`[${id}]`), now: new Date('2026-07-10T00:00:00Z') });
      expect(result.errors).toEqual([]);
      const found = result.warnings.filter((w) => w.code === 'holder-missing');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'warning', file: 'letter.yaml', line: 2 });
      expect(found[0]!.message).toContain(`'${id}'`);
      expect(found[0]!.message).toContain("no 'ko', 'zh' name");
      expect(found[0]!.hint).toMatch(/name: \{ en: .+, ko: …, zh: … \}/);
    },
  );

  it("says nothing when the holder has every language's name, when only English is built, or when the letter gives the name", async () => {
    const now = new Date('2026-09-01T00:00:00Z');
    expect((await check({ dir: trilingual('[cn]'), now })).warnings).toEqual([]);
    expect((await check({ dir: letterTo('[un]'), now: new Date('2025-03-01T00:00:00Z') })).warnings).toEqual(
      [],
    );
    const named = await check({
      dir: trilingual(
        '[{ id: un, name: { en: António Guterres, ko: 안토니우 구테흐스, zh: 安东尼奥·古特雷斯 } }]',
      ),
      now,
    });
    expect(named.warnings.filter((w) => w.code === 'holder-missing')).toEqual([]);
  });
});

describe("terms and the letter's date", () => {
  it("a letter to un dated 2027-01-15 warns that the holder's term ended, and names the date", async () => {
    const result = await check({
      dir: letterTo('[un]', '2027-01-15'),
      now: new Date('2027-01-10T00:00:00Z'),
    });
    expect(result.exitCode).toBe(0);
    const ended = result.warnings.filter((w) => w.code === 'holder-term-ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]!.message).toContain("'un' (António Guterres) ended on 2026-12-31");
    expect(ended[0]!.message).toContain('dated 2027-01-15');
    expect(ended[0]).toMatchObject({ severity: 'warning', file: 'letter.yaml', line: 2 });
    // Dated within the term: no such warning.
    const during = await check({
      dir: letterTo('[un]', '2026-12-31'),
      now: new Date('2026-12-10T00:00:00Z'),
    });
    expect(during.warnings.filter((w) => w.code === 'holder-term-ended')).toEqual([]);
  });

  it("a letter dated before every known term: no holder for that day, named with the first term's start", async () => {
    const result = await check({
      dir: letterTo('[va]', '2023-12-10'),
      now: new Date('2026-11-27T00:00:00Z'),
    });
    const missing = result.warnings.filter((w) => w.code === 'holder-missing');
    expect(missing.map((w) => w.message)).toEqual([
      "the directory knows no holder for 'va' on 2023-12-10 (Leo XIV took office on 2025-05-08); the letter uses title-only forms",
    ]);
  });

  it("a letter dated before a change of office: the former office's holder is missing, not the new office's", async () => {
    // Faure Gnassingbé took the new office (President of the Council of Ministers), not the 2023 Prime Minister's.
    const result = await check({
      dir: letterTo('[tg/government]', '2023-12-10'),
      now: new Date('2026-11-27T00:00:00Z'),
    });
    expect(result.warnings.filter((w) => w.code === 'holder-missing').map((w) => w.message)).toEqual([
      "the directory knows no holder for 'tg/government' on 2023-12-10 (the office became 'President of the Council of Ministers of the Togolese Republic' on 2025-05-03); the letter uses title-only forms",
    ]);
  });

  it('a letter dated before the report of a holder whose start is unknown: title-only, and the report named', async () => {
    const result = await check({
      dir: letterTo('[dk]', '2023-12-10'),
      now: new Date('2026-11-27T00:00:00Z'),
    });
    const missing = result.warnings.filter((w) => w.code === 'holder-missing');
    expect(missing.map((w) => w.message)).toEqual([
      "the directory knows no holder for 'dk' on 2023-12-10 (its source reported Frederik X in office on 2026-01-01, without the day the term began); the letter uses title-only forms",
    ]);
  });

  it("the table's review date ages too: older than 180 days is one warning", async () => {
    const old = await check({
      dir: letterTo('[{ id: fr, name: { en: Jane Doe } }]'),
      now: new Date('2027-07-01T00:00:00Z'),
    });
    expect(old.warnings.map((w) => w.code)).toEqual(['directory-stale']);
    expect(old.warnings[0]!.message).toMatch(/last reviewed on \d{4}-\d{2}-\d{2}, \d+ days ago/);
  });
});

describe('contested, transitional and rotating offices', () => {
  it.each(['mm', 'sd', 'ch'])('a letter to %s warns, even with a name given', async (id) => {
    const result = await check({
      dir: letterTo(`[{ id: ${id}, name: { en: Jane Doe } }]`),
      now: new Date('2026-11-27T00:00:00Z'),
    });
    const notes = result.warnings.filter((w) => w.code === 'office-caveat');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain(`'${id}'`);
  });
});

describe('an office whose kind changed on a known day', () => {
  it("warns with the caveat of the office as it was on the letter's date", async () => {
    const caveats = async (date: string) =>
      (
        await check({
          dir: letterTo('[{ id: ni, name: { en: Jane Doe } }]', date),
          now: new Date('2026-11-27T00:00:00Z'),
        })
      ).warnings.filter((w) => w.code === 'office-caveat');
    // Nicaragua's two Co-Presidents date from the 2025 reform: a 2023 letter is to one President.
    expect(await caveats('2023-12-10')).toEqual([]);
    expect((await caveats('2026-11-01'))[0]!.message).toContain('two Co-Presidents');
  });
});

describe("a King's office on a day before the first monarch the directory knows", () => {
  const monarchWarnings = async (to: string, date: string) =>
    (await check({ dir: letterTo(to, date), now: new Date('2026-11-27T00:00:00Z') })).warnings.filter(
      (w) => w.code === 'monarch-gender',
    );

  it('warns that the letter addresses a King, and how to say the monarch was a Queen', async () => {
    // Frederik X is known from his source's report (2026-01-01); Charles III from his accession (2022-09-08).
    const dk = await monarchWarnings('[dk]', '2023-12-10');
    expect(dk.map((w) => w.message)).toEqual([
      "the directory knows the monarch of 'dk' only from 2026-01-01 on: the letter dated 2023-12-10 addresses a King, as the office is now, who may not be the monarch of that day",
    ]);
    expect(dk[0]!.hint).toContain('gender: female');
    expect(await monarchWarnings('[gb]', '2022-09-07')).toHaveLength(1);
  });

  it('says nothing once a known monarch reigns, when the letter gives the gender, or for other offices', async () => {
    expect(await monarchWarnings('[gb]', '2022-09-08')).toEqual([]);
    expect(await monarchWarnings('[dk]', '2026-11-01')).toEqual([]);
    expect(await monarchWarnings('[{ id: dk, gender: female }]', '2023-12-10')).toEqual([]);
    expect(await monarchWarnings('[bt]', '2023-12-10')).toEqual([]); // no monarch known at all: holder-missing says it
    expect(await monarchWarnings('[jp/government]', '2023-12-10')).toEqual([]);
  });
});

describe('a caveat that holds for some days only', () => {
  it("warns a letter dated in Bangladesh's interim government (2024-08-08 to 2026-02-16), not one before or after", async () => {
    const caveats = async (date: string) =>
      (
        await check({
          dir: letterTo('[{ id: bd/government, name: { en: Jane Doe } }]', date),
          now: new Date('2026-11-27T00:00:00Z'),
        })
      ).warnings.filter((w) => w.code === 'office-caveat');
    const during = await caveats('2025-06-01');
    expect(during).toHaveLength(1);
    expect(during[0]!.message).toContain('Chief Adviser');
    expect(await caveats('2024-08-08')).toHaveLength(1);
    expect(await caveats('2026-02-16')).toHaveLength(1);
    expect(await caveats('2024-08-07')).toEqual([]);
    expect(await caveats('2026-02-17')).toEqual([]);
  });
});

describe('an office that took its present title on a known day', () => {
  it("warns an English letter to the DPRK's head of state dated before February 2021 (KBS 2021-02-16)", async () => {
    const caveats = async (date: string) =>
      (
        await check({
          dir: letterTo('[{ id: kp, name: { en: Jane Doe } }]', date),
          now: new Date('2026-11-27T00:00:00Z'),
        })
      ).warnings.filter((w) => w.code === 'office-caveat');
    const before = await caveats('2020-06-01');
    expect(before.map((w) => w.message)).toEqual([
      expect.stringContaining(
        "'kp' (retitled): 'President of the State Affairs' is KCNA's English title since February 2021",
      ),
    ]);
    expect(await caveats('2021-02-16')).toEqual([]);
    expect(await caveats('2023-12-10')).toEqual([]);
  });
});

/** A letter in `langs` only (the same text in each), with `body` as its body. */
function letterIn(langs: readonly string[], to: string, date: string, body = '[{ p: body }]'): string {
  const dir = tempDir('letter-holders-');
  writeFileSync(
    join(dir, 'letter.yaml'),
    `date: ${date}\nlanguages: [${langs.join(', ')}]\nto: ${to}\ntitle: title\nbody: ${body}\nsignatories: [{ org: Crossing NK }]\n`,
  );
  for (const lang of langs) {
    mkdirSync(join(dir, 'locales', lang), { recursive: true });
    writeFileSync(
      join(dir, 'locales', lang, 'letter.json'),
      JSON.stringify({ title: 'A letter', body: 'Text.' }),
    );
  }
  return dir;
}

describe('every warning about an office says how to clear it, and doing so clears it', () => {
  const now = new Date('2026-11-27T00:00:00Z');
  const warningsOf = async (dir: string) => {
    const strict = await check({ dir, now, strict: true });
    return strict.errors.map((d) => d.code);
  };

  it("the DPRK's English title (retitled, en only): nothing for letters in ko and zh, cleared by the English forms", async () => {
    const kp = '{ id: kp, name: { en: Kim Jong Un, ko: 김정은, zh: 金正恩 }';
    const kpKoZh = '[{ id: kp, name: { ko: 김정은, zh: 金正恩 } }]';
    expect(await warningsOf(letterIn(['ko', 'zh'], kpKoZh, '2020-06-01'))).toEqual([]);
    const titleOnly = await check({
      dir: letterIn(
        ['en', 'ko', 'zh'],
        `[${kp}, title: { en: Chairman of the State Affairs Commission } }]`,
        '2020-06-01',
      ),
      now,
    });
    // The English title alone leaves 'Dear President Kim,': the caveat asks for the salutation too, and only in English.
    expect(titleOnly.warnings.map((w) => w.code)).toEqual(['office-caveat']);
    expect(titleOnly.warnings[0]!.hint).toContain('to: [{ id: kp, salutation: { en: … } }]');
    const answered = `[${kp}, title: { en: Chairman of the State Affairs Commission }, salutation: { en: "Dear Chairman Kim," }, vocative: { en: "Chairman Kim," } }]`;
    expect(
      await warningsOf(letterIn(['en', 'ko', 'zh'], answered, '2020-06-01', '[{ p: body }, vocative]')),
    ).toEqual([]);
  });

  it("Bangladesh's interim government: cleared by the Chief Adviser's title, salutation and (when used) vocative", async () => {
    const langs = ['en', 'ko', 'zh'];
    const name = 'name: Muhammad Yunus';
    const title = 'title: { en: Chief Adviser, ko: 수석고문, zh: 首席顾问 }';
    const salutation =
      'salutation: { en: "Dear Chief Adviser,", ko: 수석고문님께, zh: 尊敬的首席顾问阁下： }';
    const vocative = 'vocative: { en: "Chief Adviser,", ko: "수석고문님,", zh: 首席顾问阁下： }';
    const to = (...forms: string[]) => `[{ id: bd/government, ${[name, ...forms].join(', ')} }]`;
    const withVocative = '[{ p: body }, vocative]';
    expect(await warningsOf(letterIn(langs, to(title, salutation), '2025-06-01'))).toEqual([]);
    expect(
      await warningsOf(letterIn(langs, to(title, salutation, vocative), '2025-06-01', withVocative)),
    ).toEqual([]);
    const noVocative = await check({
      dir: letterIn(langs, to(title, salutation), '2025-06-01', withVocative),
      now,
    });
    expect(noVocative.warnings.map((w) => w.code)).toEqual(['office-caveat']);
    expect(noVocative.warnings[0]!.hint).toContain('vocative: { en: …, ko: …, zh: … }');
    // A form missing in one language built still warns.
    const partial = 'salutation: { en: "Dear Chief Adviser,", ko: 수석고문님께 }';
    expect(await warningsOf(letterIn(langs, to(title, partial), '2025-06-01'))).toEqual(['office-caveat']);
  });

  it('monarch-gender: not when the letter names the monarch; its hint gives gender: male too, which clears it', async () => {
    const named = '[{ id: dk, name: { en: Frederik X, ko: 프레데릭 10세, zh: 弗雷德리크十世 } }]';
    expect(await warningsOf(letterIn(['en', 'ko', 'zh'], named, '2025-06-01'))).toEqual([]);
    const unnamed = await check({ dir: letterIn(['en'], '[dk]', '2025-06-01'), now });
    const hint = unnamed.warnings.find((w) => w.code === 'monarch-gender')!.hint;
    expect(hint).toContain('gender: female');
    expect(hint).toContain('gender: male');
    const male = await check({ dir: letterIn(['en'], '[{ id: dk, gender: male }]', '2025-06-01'), now });
    expect(male.warnings.map((w) => w.code)).not.toContain('monarch-gender');
  });
});

describe('a gender given for a recipient whom the directory knows as another', () => {
  const now = new Date('2026-11-27T00:00:00Z');
  const conflicts = async (to: string, date = '2023-12-10') =>
    (await check({ dir: letterTo(to, date), now })).warnings.filter((w) => w.code === 'gender-conflict');

  it("warns at the gender when the letter is to the directory's holder of a King's office, as a Queen", async () => {
    const gb = await conflicts('[{ id: gb, gender: female }]');
    expect(gb).toHaveLength(1);
    expect(gb[0]).toMatchObject({ file: 'letter.yaml', line: 2, column: 24 });
    expect(gb[0]!.message).toContain(
      "'gb' is given gender: female, but the letter dated 2023-12-10 is to Charles III",
    );
    expect(gb[0]!.hint).toContain('remove gender: female');
    expect(await conflicts('[{ id: th, gender: female }]')).toHaveLength(1);
    // The holder's own name given with it: the same person.
    expect(await conflicts('[{ id: gb, gender: female, name: { en: Charles III } }]')).toHaveLength(1);
    // A recorded gender (Claudia Sheinbaum) counts as well as the one a King's office fixes.
    expect(await conflicts('[{ id: mx, gender: male }]', '2026-11-01')).toHaveLength(1);
  });

  it('says nothing when the gender agrees, when the letter names someone else, or when no holder is known that day', async () => {
    expect(await conflicts('[{ id: gb, gender: male }]')).toEqual([]);
    expect(await conflicts('[{ id: gb, gender: female, name: { en: Jane Doe } }]')).toEqual([]);
    expect(await conflicts('[{ id: dk, gender: female }]')).toEqual([]);
    expect(await conflicts('[{ id: mx, gender: female }]', '2026-11-01')).toEqual([]);
  });
});
