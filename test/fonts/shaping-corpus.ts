/**
 * What the shaping tests compare over: every text a fixture, an example, the directory or the seed letter holds, cut
 * into the pieces the typesetter shapes, and every face file the tool ships or a fixture brings.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Font } from 'fontkit';
import type { Shaped } from '../../src/fonts/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every string of a JSON file, every line of a text or YAML file. */
function textsOf(file: string): string[] {
  const raw = readFileSync(file, 'utf8');
  if (!file.endsWith('.json')) return raw.split('\n');
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') out.push(...v.split('\n'));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
  };
  visit(JSON.parse(raw));
  return out;
}

export const SOURCES = [
  ...walk(join(ROOT, 'test', 'example', 'seed')).filter((f) => f.endsWith('.txt')),
  ...walk(join(ROOT, 'locales')),
  ...walk(join(ROOT, 'examples')),
  ...walk(join(ROOT, 'test', 'fixtures')),
  ...walk(join(ROOT, 'test', 'corpus', 'base')),
  ...walk(join(ROOT, 'src', 'directory', 'data')),
].filter((f) => /\.(json|ya?ml|txt|csv)$/.test(f));

/** The pieces of a line the typesetter may shape. */
function pieces(line: string): string[] {
  const out = [line];
  const words = line.match(/[^ \t]*[ \t]?/g) ?? [];
  for (const word of words) if (word) out.push(word, word.trimEnd());
  const chars = [...line];
  for (let i = 0; i < chars.length; i++)
    out.push(chars.slice(i, i + 1).join(''), chars.slice(i, i + 2).join(''), chars.slice(i, i + 3).join(''));
  return out.filter((p) => p.length > 0);
}

/** Every distinct piece of every line of every source. */
export function corpusUnits(): string[] {
  const texts = [
    ...new Set(
      SOURCES.flatMap(textsOf)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  return [...new Set(texts.flatMap(pieces))];
}

export const FACE_FILES = [...walk(join(ROOT, 'fonts')), ...walk(join(ROOT, 'test', 'fixtures'))].filter(
  (f) => f.endsWith('.ttf'),
);

/** What shaped.ts made of fontkit's layout before the fast path and harfbuzz: the reference. */
export function layoutReference(
  font: Font,
  text: string,
  direction?: 'ltr' | 'rtl',
  features?: string[],
): Shaped {
  const run = direction
    ? font.layout(text, features, undefined, undefined, direction)
    : font.layout(text, features);
  const scale = 1000 / font.unitsPerEm;
  const shaped = {
    glyphs: [] as number[],
    advances: [] as number[],
    widths: [] as number[],
    xOffsets: [] as number[],
    yOffsets: [] as number[],
    codePoints: [] as number[][],
    advanceWidth: 0,
  };
  run.glyphs.forEach((glyph, i) => {
    const p = run.positions[i]!;
    shaped.glyphs.push(glyph.id);
    shaped.advances.push(p.xAdvance * scale);
    shaped.widths.push(glyph.advanceWidth * scale);
    shaped.xOffsets.push(p.xOffset * scale);
    shaped.yOffsets.push(p.yOffset * scale);
    shaped.codePoints.push(glyph.codePoints);
    shaped.advanceWidth += p.xAdvance * scale;
  });
  return shaped;
}

/** Field by field, number by number with Object.is (so 0 and -0 differ, as they could in the PDF). */
export function differences(a: Shaped, b: Shaped): string[] {
  const out: string[] = [];
  for (const key of ['glyphs', 'advances', 'widths', 'xOffsets', 'yOffsets'] as const) {
    if (a[key].length !== b[key].length || a[key].some((v, i) => !Object.is(v, b[key][i]))) out.push(key);
  }
  if (a.codePoints.map((c) => c.join(',')).join(';') !== b.codePoints.map((c) => c.join(',')).join(';'))
    out.push('codePoints');
  if (!Object.is(a.advanceWidth, b.advanceWidth)) out.push('advanceWidth');
  return out;
}
