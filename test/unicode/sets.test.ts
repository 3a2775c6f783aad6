import { describe, expect, it } from 'vitest';
import { DEFINITIONS, encode, rangesOf } from '../../scripts/unicode-sets.mjs';
import * as generated from '../../src/unicode/sets.js';
import * as unicode from '../../src/unicode/index.js';
import { CodePointSet } from '../../src/unicode/index.js';

const named = unicode as unknown as Record<string, CodePointSet>;
const tables: Record<string, string> = { ...generated };

describe('Unicode sets', () => {
  it('each set is what its expression matches, over every code point of this Node', () => {
    const names = Object.keys(DEFINITIONS);
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      const expression = DEFINITIONS[name]!;
      // The committed table is this Node's: else run `node scripts/unicode-sets.mjs` again.
      expect(tables[name], name).toBe(encode(rangesOf(expression)));
      const set = named[name]!;
      expect(set, name).toBeInstanceOf(CodePointSet);
      const wrong: number[] = [];
      for (let cp = 0; cp < 0x110000; cp++)
        if (set.has(cp) !== expression.test(String.fromCodePoint(cp))) wrong.push(cp);
      expect(wrong, name).toEqual([]);
    }
  });

  it('answers for strings as the expressions do', () => {
    const { SCRIPTED, MARK, HANGUL, LETTER_OR_NUMBER } = unicode;
    expect(SCRIPTED.firstIn('  (1) 中文')).toBe(0x4e2d);
    expect(SCRIPTED.firstIn('🙂 𠀀x')).toBe(0x20000);
    expect(SCRIPTED.firstIn('— 123 !')).toBeUndefined();
    expect(LETTER_OR_NUMBER.someIn('…, 7')).toBe(true);
    expect(LETTER_OR_NUMBER.someIn('…, !')).toBe(false);
    expect(HANGUL.everyIn('한국어')).toBe(true);
    expect(HANGUL.everyIn('한국 어')).toBe(false);
    expect(HANGUL.everyIn('')).toBe(true);
    const decomposed = 'Ségolène Ñ 𝒜̈'.normalize('NFKD');
    expect(MARK.removeFrom(decomposed)).toBe(decomposed.replace(/\p{M}/gu, ''));
  });

  it('a set decodes to rising, disjoint ranges', () => {
    const set = new CodePointSet(
      encode([
        [0x41, 0x5a],
        [0x61, 0x7a],
        [0x10000, 0x1000f],
      ]),
    );
    expect(
      [0x40, 0x41, 0x5a, 0x5b, 0x61, 0x7a, 0x7b, 0xffff, 0x10000, 0x1000f, 0x10010].map((cp) => set.has(cp)),
    ).toEqual([false, true, true, false, true, true, false, false, true, true, false]);
  });
});
