/**
 * The PDF renderer uses pdfkit through its public API only: no `_` member of a pdfkit object is read or written, no
 * pdfkit module is reached into (pdfkit/js/…), and none of pdfkit's layout code is copied (its text shaping and
 * layout cache). The letter's text is drawn from typeset's glyph runs, never by pdfkit's `text()`.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

/**
 * What is still reached privately, each with why; the list may only shrink. The signature field's AcroForm needs
 * SigFlags and no NeedAppearances, which pdfkit's form API cannot say, and initForm wants a pdfkit font selected.
 */
const KNOWN: Record<string, readonly string[]> = {
  'src/render/pdf/signature-field.ts': ['_font', '_root'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Code without comments, so that a comment naming a private member is not mistaken for a use. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const usesPdfkit = (source: string): boolean => /from 'pdfkit'|import\('pdfkit'\)|PDFKit\./.test(source);

describe('the PDF renderer and pdfkit', () => {
  it('reads and writes no private member of pdfkit, outside the listed signature-field exceptions', () => {
    const found: Record<string, string[]> = {};
    for (const file of files(SRC)) {
      const source = code(file);
      if (!usesPdfkit(source)) continue;
      // `._name` member access, `_name:` in a type that describes a pdfkit object, and pdfkit's inner modules.
      const privates = new Set(
        [...source.matchAll(/\._([A-Za-z]\w*)|[{;,]\s*_([A-Za-z]\w*)\??\s*:/g)].map(
          (m) => `_${m[1] ?? m[2]}`,
        ),
      );
      if (/['"]pdfkit\/js\//.test(source)) privates.add('pdfkit/js/');
      if (privates.size) found[relative(ROOT, file)] = [...privates].sort();
    }
    expect(found).toEqual(KNOWN);
  });

  it("copies none of pdfkit's layout code and writes no layout cache", () => {
    for (const file of files(SRC)) {
      const source = code(file);
      expect(source, relative(ROOT, file)).not.toMatch(
        /\blayoutRun\b|\blayoutCache\b|\blayoutCached\b|_fragment/,
      );
    }
  });

  it("draws the letter's text from glyph runs, not with pdfkit's text() or fonts", () => {
    // (The signature field's appearance still draws with pdfkit's fonts: see KNOWN.)
    for (const name of ['draw.ts', 'text.ts', 'faces.ts', 'tags.ts']) {
      const source = code(join(SRC, 'render', 'pdf', name));
      expect(source, name).not.toMatch(/\.text\(|\.font\(|registerFont\(|\.fontSize\(/);
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
