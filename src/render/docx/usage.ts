/** The characters each face draws in each variant: what the embedded font subsets must contain. */

import type { FontBook, Variant } from '../../fonts/index.js';

/** Collects characters per face and variant while the document is built. */
export class GlyphUsage {
  private readonly chars = new Map<string, Map<Variant, Set<string>>>();

  /** Records that `face` draws these characters in `variant`. */
  add(face: string, variant: Variant, text: string): void {
    if (text === '') return;
    let byVariant = this.chars.get(face);
    if (!byVariant) this.chars.set(face, (byVariant = new Map()));
    let set = byVariant.get(variant);
    if (!set) byVariant.set(variant, (set = new Set()));
    for (const ch of text) set.add(ch);
  }

  /** Face ids that draw anything, in the font book's order (so the font table's order is stable). */
  faces(fonts: FontBook): string[] {
    return [...fonts.faces.keys()].filter((id) => this.chars.has(id));
  }

  /** The characters a face draws from one of its files, over every variant that falls back to that file. */
  charsInFile(fonts: FontBook, face: string, file: string): string {
    const out = new Set<string>();
    for (const [variant, set] of this.chars.get(face) ?? []) {
      if (fonts.file(face, variant) === file) for (const ch of set) out.add(ch);
    }
    return [...out].sort().join('');
  }

  /** Every character the face draws, in any variant. */
  allChars(face: string): string {
    const out = new Set<string>();
    for (const set of this.chars.get(face)?.values() ?? []) for (const ch of set) out.add(ch);
    return [...out].sort().join('');
  }
}
