/**
 * FontBook.covers keeps its answers by face and code point: asked of one book in turn, each face answers for itself
 * and each code point for itself, as a fresh book does.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontBook } from '../../src/fonts/index.js';

const FONTS_DIR = join(import.meta.dirname, '..', '..', 'fonts');

describe('FontBook.covers', () => {
  it('answers by face and by code point, whatever was asked before', () => {
    const asks: [string, number][] = [
      ['kr', 0xac00], // 가: in the Korean face
      ['latin', 0xac00], // not in the Latin one
      ['latin', 0x41],
      ['sc', 0x4e00],
      ['sc', 0xac00],
      ['kr', 0x41],
      ['latin', 0x4e00],
    ];
    const batch = new FontBook(FONTS_DIR);
    const inTurn = asks.map(([id, cp]) => batch.covers(id, cp));
    const alone = asks.map(([id, cp]) => new FontBook(FONTS_DIR).covers(id, cp));
    expect(inTurn).toEqual(alone);
    expect(alone).toEqual([true, false, true, true, false, true, false]);
  });
});
