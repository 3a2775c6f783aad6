/** Which face and w:rFonts slot each character gets (object level, before any XML). */

import { describe, expect, it } from 'vitest';
import { LetterError } from '../../src/diag/index.js';
import { faceRuns, isEastAsianSlot } from '../../src/render/docx/faces.js';
import { fonts } from './helpers.js';

describe('faceRuns', () => {
  it('sets Korean text in the Korean face, Latin slot included', () => {
    const runs = faceRuns('저희는 DPRK COI를', 'ko', fonts);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ latinFace: 'kr', eastAsianFace: 'kr', eastAsianHint: true });
  });

  it('gives a Han character the Korean face lacks (华, 签) a run of its own in the Chinese face', () => {
    expect(fonts.covers('kr', 0x534e)).toBe(false);
    expect(fonts.covers('kr', 0x7b7e)).toBe(false);
    const runs = faceRuns('중화(中华) 서명(签)', 'ko', fonts);
    const han = runs.filter((r) => /[华签]/.test(r.text));
    // The run holds the Han character and what follows it in the Latin slot (')' stays in the Korean face).
    expect(han.map((r) => [...r.text][0])).toEqual(['华', '签']);
    expect(han.some((r) => /[가-힣中]/.test(r.text))).toBe(false);
    for (const r of han) expect(r.eastAsianFace).toBe('sc');
    expect(runs.map((r) => r.text).join('')).toBe('중화(中华) 서명(签)');
    expect(runs.filter((r) => !/[华签]/.test(r.text)).every((r) => r.eastAsianFace === 'kr')).toBe(true);
  });

  it('sets Chinese in the Chinese face and English in the Latin face, with the CJK face for the East Asian slot', () => {
    expect(faceRuns('请停止强制遣返！', 'zh', fonts)[0]).toMatchObject({
      eastAsianFace: 'sc',
      latinFace: 'sc',
    });
    expect(faceRuns('Dear President,', 'en', fonts)[0]).toMatchObject({
      latinFace: 'latin',
      eastAsianFace: 'sc',
      eastAsianHint: false,
    });
  });

  it('puts curly quotes in the East Asian slot only under the East Asian hint', () => {
    expect(isEastAsianSlot(0x201c, true)).toBe(true);
    expect(isEastAsianSlot(0x201c, false)).toBe(false);
    expect(isEastAsianSlot(0xe9, true)).toBe(false); // é stays Latin
    expect(isEastAsianSlot(0xac00, false)).toBe(true);
  });

  it('names an uncovered character, its key and its language', () => {
    const origin = { file: 'locales/ko/letter.json', key: 'intro', lang: 'ko' };
    expect(() => faceRuns('티베트 ༀ', 'ko', fonts, origin)).toThrow(LetterError);
    try {
      faceRuns('티베트 ༀ', 'ko', fonts, origin);
    } catch (e) {
      const d = (e as LetterError).diagnostics[0]!;
      expect(d.code).toBe('uncovered-character');
      expect(d.message).toContain('U+0F00');
      expect(d.message).toContain("'intro'");
      expect(d.file).toBe('locales/ko/letter.json');
    }
  });
});
