/**
 * A face's descriptor facts (src/render/pdf/face-descriptor.ts) are kept per parsed face: each face of a letter gets its
 * own, whichever face was embedded before it in the batch (fails if the memo's key left the face out).
 */

import { describe, expect, it } from 'vitest';
import { postscriptName, toolFontBook, type Variant } from '../../src/fonts/index.js';
import { faceFacts } from '../../src/render/pdf/face-descriptor.js';

describe('faceFacts', () => {
  it('gives each face its own name, flags and metrics, the same when asked again', () => {
    const book = toolFontBook();
    const seen = (['regular', 'italic', 'bold'] as Variant[]).map((variant) => {
      const path = book.file('latin', variant);
      const font = book.openFile(path);
      const facts = faceFacts(font, book.tableBytes(path));
      expect(facts.name).toBe(postscriptName(font, book.tableBytes(path)).replaceAll(' ', '_'));
      expect(faceFacts(font, book.tableBytes(path))).toBe(facts);
      return facts;
    });
    expect(new Set(seen.map((f) => f.name)).size).toBe(3);
    // The italic face says so (flag 64), the upright ones do not.
    expect(seen.map((f) => (f.flags & 64) !== 0)).toEqual([false, true, false]);
  });
});
