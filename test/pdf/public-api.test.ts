/**
 * The PDF renderer uses pdfkit through its public API only: no `_` member of a pdfkit object is read or written, no
 * pdfkit module is reached into (pdfkit/js/…), and none of pdfkit's layout code is copied (its text shaping and
 * layout cache). The letter's text is drawn from typeset's glyph runs, never by pdfkit's `text()`.
 */

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SRC, code, files } from '../support/source.js';

describe('the PDF renderer and pdfkit', () => {
  it('reads and writes no private member of pdfkit, or of any library, anywhere in src/ (the signature field included)', () => {
    // Every file, not only those that name pdfkit: a pdfkit object reaches code that never imports it.
    const found: Record<string, string[]> = {};
    for (const file of files(SRC)) {
      const source = code(file);
      // `._name` member access, `_name:` in a type that describes a library object, and pdfkit's inner modules.
      const privates = new Set(
        [...source.matchAll(/\._([A-Za-z]\w*)|[{;,]\s*_([A-Za-z]\w*)\??\s*:/g)].map(
          (m) => `_${m[1] ?? m[2]}`,
        ),
      );
      if (/['"]pdfkit\/js\//.test(source)) privates.add('pdfkit/js/');
      if (privates.size) found[relative(ROOT, file)] = [...privates].sort();
    }
    expect(found).toEqual({});
  });

  it("copies none of pdfkit's layout code and writes no layout cache", () => {
    for (const file of files(SRC)) {
      const source = code(file);
      expect(source, relative(ROOT, file)).not.toMatch(
        /\blayoutRun\b|\blayoutCache\b|\blayoutCached\b|_fragment/,
      );
    }
  });

  it("draws the letter's text and the signature field's from glyph runs, not with pdfkit's text(), fonts or forms", () => {
    // The signature field's appearance once drew with pdfkit fonts picked by doc.font() and read back from `_font`.
    const names = readdirSync(join(SRC, 'render', 'pdf')).filter((name) => name.endsWith('.ts'));
    expect(names).toContain('signature-field.ts');
    for (const name of names) {
      const source = code(join(SRC, 'render', 'pdf', name));
      expect(source, name).not.toMatch(/\.text\(|\.font\(|registerFont\(|\.fontSize\(|\.initForm\(/);
    }
  });

  it("subsets fonts through fontkit's public API: no private member of fontkit read, written or replaced", () => {
    // fontkit's subset used to be made to copy glyphs from a cache by replacing its `_addGlyph`.
    const fontkitUsers = files(SRC).filter((file) => /from 'fontkit'|import\('fontkit'\)/.test(code(file)));
    expect(fontkitUsers.map((file) => relative(ROOT, file))).toContain('src/fonts/subset.ts');
    for (const file of fontkitUsers) {
      const privates = [...code(file).matchAll(/\._([A-Za-z]\w*)|[{;,]\s*_([A-Za-z]\w*)\??\s*[:(]/g)].map(
        (m) => `_${m[1] ?? m[2]}`,
      );
      expect(privates, relative(ROOT, file)).toEqual([]);
    }
  });
});
