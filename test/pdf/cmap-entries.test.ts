/**
 * The ToUnicode CMap's entries are kept per code point array (src/render/pdf/font-streams.ts): each text gives its own
 * entry whatever was written before it, whole (every code point, a surrogate pair for one past U+FFFF). Fails if the
 * memo's key left part of a text out.
 */

import { describe, expect, it } from 'vitest';
import { toUnicodeCmap } from '../../src/render/pdf/font-streams.js';

function entries(cmap: string): string {
  return cmap.match(/<0000> <[0-9a-f]{4}> \[(.*)\]/)![1]!;
}

describe('toUnicodeCmap', () => {
  it('writes each text whole, after texts that share its first code point', () => {
    const a = [0x41];
    const accented = [0x41, 0x301];
    const emoji = [0x1f600];
    expect(entries(toUnicodeCmap([[0], a]))).toBe('<0000> <0041>');
    expect(entries(toUnicodeCmap([[0], accented, emoji, a]))).toBe('<0000> <0041 0301> <d83d de00> <0041>');
    // The same arrays again, and arrays equal to them: the same entries.
    expect(entries(toUnicodeCmap([[0], [0x41, 0x301], accented]))).toBe('<0000> <0041 0301> <0041 0301>');
  });
});
