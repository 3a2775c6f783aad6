/** `Addressee.honorific`: how running text refers to the addressee, per language, register and kind of office. */

import { describe, expect, test } from 'vitest';
import type { Gender, Register } from '../../src/directory/index.js';
import { addresseeOf } from './helpers.js';

const of = (id: string, lang: string, register: Register, gender?: Gender) =>
  addresseeOf(id, lang, register, gender ? { gender } : {}).honorific;

// [office, lang, open-letter, diplomatic]: the form that a sentence like "we ask ___ to" / "___께서" / "请___" takes.
const TABLE: readonly (readonly [string, string, string, string])[] = [
  ['cn', 'en', 'Your Excellency', 'Your Excellency'],
  ['cn', 'ko', '주석님', '주석 각하'],
  ['cn', 'zh', '阁下', '阁下'],
  ['th', 'en', 'Your Majesty', 'Your Majesty'],
  ['th', 'ko', '국왕 폐하', '국왕 폐하'],
  ['th', 'zh', '陛下', '陛下'],
  ['jp', 'ko', '천황 폐하', '천황 폐하'],
  ['va', 'en', 'Your Holiness', 'Your Holiness'],
  ['va', 'ko', '교황 성하', '교황 성하'],
  ['va', 'zh', '教宗', '教宗'],
  ['ae', 'en', 'Your Highness', 'Your Highness'],
  ['ae', 'ko', '대통령 전하', '대통령 전하'],
  ['ae', 'zh', '殿下', '殿下'],
  ['lu', 'en', 'Your Royal Highness', 'Your Royal Highness'],
  ['mc', 'en', 'Your Serene Highness', 'Your Serene Highness'],
  ['un', 'ko', '사무총장님', '사무총장 각하'],
  ['fr', 'zh', '阁下', '阁下'],
  ['us', 'zh', '总统先生', '总统先生'], // the directory's holder is a man
];

describe('honorific', () => {
  test.each(TABLE)('%s in %s: %s / %s', (id, lang, open, diplomatic) => {
    expect(of(id, lang, 'open-letter')).toBe(open);
    expect(of(id, lang, 'diplomatic')).toBe(diplomatic);
  });

  test('where the custom is gendered, a known gender gives it: Mr./Madam President, 总统先生/女士', () => {
    expect(of('us', 'en', 'open-letter', 'male')).toBe('Mr. President');
    expect(of('us', 'en', 'diplomatic', 'female')).toBe('Madam President');
    expect(of('us', 'zh', 'open-letter', 'female')).toBe('总统女士');
    expect(of('de', 'zh', 'diplomatic', 'male')).toBe('总统先生');
    expect(of('fr', 'zh', 'diplomatic', 'male')).toBe('阁下');
  });
});
