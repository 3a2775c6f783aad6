/** A locale value that hard-codes a form of address fitting one kind of office only: a warning in check and build (SPEC §4). */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { editFile, exampleCopy, lineOf, setLocaleValues } from '../compose/project.js';
import { letterCli, tempDir } from '../support/tools.js';

const NOW = new Date('2024-01-01');
const KO = 'locales/ko/letter.json';

/** The example letter to China and to the King of Thailand, its Korean plea hard-coding 각하. */
function toPresidentAndKing(): string {
  const dir = exampleCopy();
  editFile(dir, 'letter.yaml', '    via: cn-consulate-toronto\n', '    via: cn-consulate-toronto\n  - th\n');
  setLocaleValues(dir, 'ko', { plea: '각하께 간곡히 호소합니다.' });
  return dir;
}

describe('a hard-coded form of address', () => {
  it('각하 in a letter also going to a king: a warning naming the recipient, the key at its line and the placeholder', async () => {
    const dir = toPresidentAndKing();
    const checked = await check({ dir, now: NOW });
    expect(checked.errors).toEqual([]);
    const found = checked.warnings.filter((w) => w.code === 'hard-coded-form');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: KO, line: lineOf(dir, KO, '"plea"'), column: 3 });
    expect(found[0]!.message).toContain("'plea' in locales/ko/letter.json hard-codes '각하'");
    expect(found[0]!.message).toContain("'th' (태국 국왕");
    expect(found[0]!.message).not.toContain("'cn'");
    expect(found[0]!.hint).toContain('{{recipient.honorific}}');
    expect(found[0]!.hint).toContain('국왕 폐하');
  });

  it("각하 to the ROK's President, who is not addressed so (protocol.md §1.2): a warning naming 'kr'", async () => {
    const dir = exampleCopy();
    editFile(
      dir,
      'letter.yaml',
      '    via: cn-consulate-toronto\n',
      '    via: cn-consulate-toronto\n  - kr\n',
    );
    setLocaleValues(dir, 'ko', { plea: '각하께 간곡히 호소합니다.' });
    const found = (await check({ dir, now: NOW })).warnings.filter((w) => w.code === 'hard-coded-form');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("'kr' (대한민국 대통령");
    expect(found[0]!.message).not.toContain("'cn'");
  });

  it('check --strict exits 2; build warns, and build --strict exits 2 with nothing written', async () => {
    const dir = toPresidentAndKing();
    expect((await check({ dir, strict: true, now: NOW })).exitCode).toBe(2);
    const cli = letterCli(['check', dir, '--strict']);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain("hard-codes '각하'");
    const out = tempDir('letter-hard-coded-');
    const built = await build({ dir, out, formats: ['pdf'], langs: ['ko'], to: ['th'] });
    expect(built.exitCode).toBe(0);
    expect(built.warnings.map((w) => w.code)).toContain('hard-coded-form');
    const strict = await build({
      dir,
      out: join(out, 'strict'),
      formats: ['pdf'],
      langs: ['ko'],
      to: ['th'],
      strict: true,
    });
    expect(strict.exitCode).toBe(2);
    expect(strict.outputs).toEqual([]);
  });

  it('says nothing when the value uses the placeholder, or a style variant read only by that kind of office', async () => {
    const dir = toPresidentAndKing();
    setLocaleValues(dir, 'ko', {
      plea: '{{recipient.honorific}}께 간곡히 호소합니다.',
      hope: '주석님께 바랍니다. 각하.',
      hope_majesty: '폐하께 바랍니다.',
    });
    const checked = await check({ dir, now: NOW });
    expect(checked.warnings.filter((w) => w.code === 'hard-coded-form')).toEqual([]);
  });

  it('the same syllables inside other Korean words are not forms of address (생각하는, 안전하게, 전하고자, 철폐하여, 작성하고)', async () => {
    const dir = toPresidentAndKing();
    setLocaleValues(dir, 'ko', {
      plea: '저희가 생각하는 바를 전하고자 합니다. 이들이 안전하게 보호받고 발전하는 사회에서 살 수 있도록, 강제송환을 철폐하여 주십시오.',
      hope: '보고서를 작성하고 뜻을 전하게 되었습니다.',
    });
    const checked = await check({ dir, now: NOW });
    expect(checked.warnings.filter((w) => w.code === 'hard-coded-form')).toEqual([]);
    // The words themselves still count, on their own and after a title.
    setLocaleValues(dir, 'ko', { plea: '대통령각하, 간곡히 호소합니다.', hope: '전하께서 살펴 주십시오.' });
    const again = await check({ dir, now: NOW });
    const words = again.warnings
      .filter((w) => w.code === 'hard-coded-form')
      .map((w) => /hard-codes '(.+?)'/.exec(w.message)![1]);
    expect(words.sort()).toEqual(['각하', '전하']);
  });

  it('阁下 to a US president (no 阁下 custom) and Majesty to a president are warned about; 陛下 to a king is not', async () => {
    const dir = exampleCopy();
    editFile(
      dir,
      'letter.yaml',
      '    via: cn-consulate-toronto\n',
      '    via: cn-consulate-toronto\n  - us\n  - th\n',
    );
    setLocaleValues(dir, 'zh', { plea: '恳请阁下停止。' });
    setLocaleValues(dir, 'en', { plea: 'We implore Your Majesty.' });
    const warnings = (await check({ dir, now: NOW })).warnings.filter((w) => w.code === 'hard-coded-form');
    const zh = warnings.find((w) => w.file === 'locales/zh/letter.json')!;
    expect(zh.message).toContain("'us'");
    expect(zh.message).toContain("'th'");
    expect(zh.message).not.toContain("'cn'");
    const en = warnings.find((w) => w.file === 'locales/en/letter.json')!;
    expect(en.message).toContain("'cn'");
    expect(en.message).toContain("'us'");
    expect(en.message).not.toContain("'th'");
  });
});
