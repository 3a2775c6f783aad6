/** Comparing letter text with what a PDF or DOCX gives back. */

import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';

/** Whitespace normalised: collapsed to one space; for Chinese and Korean, removed, since a line break there is no space. */
export function normalise(text: string, lang: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return lang === 'zh' || lang === 'ko' ? collapsed.replace(/ /g, '') : collapsed;
}

/** Locale values as the reader sees them: Markdown escapes and emphasis markers removed. */
export function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|\*|__|_)(.+?)\1/g, '$2')
    .replace(/\\(.)/g, '$1');
}

export function localeValues(file: string): Record<string, string> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** The XML parts of a DOCX. */
export function docxParts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(
    Object.entries(files)
      .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
}

/** The text of word/document.xml, one line per paragraph. */
export function docxText(documentXml: string): string {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
        .map((m) => (m[1] !== undefined ? unescapeXml(m[1]) : ' '))
        .join(''),
    )
    .join('\n');
}

/** The text of an XML character-data run: the five predefined entities decoded (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** An embedded DOCX font's bytes (ECMA-376 Part 1 §17.8.1): the first 32 bytes are XORed with the font key's bytes in reverse order. */
export function deobfuscate(data: Uint8Array, key: string): Uint8Array {
  const bytes = key
    .replace(/-/g, '')
    .match(/../g)!
    .map((h) => parseInt(h, 16))
    .reverse();
  const out = Uint8Array.from(data);
  for (let i = 0; i < 32; i++) out[i]! ^= bytes[i % 16]!;
  return out;
}
