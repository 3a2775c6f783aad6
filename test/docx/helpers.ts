/** Test helpers for the DOCX side: LetterDocs from the example letter's locale text, a signature PNG, unzipping and
 *  reading parts, and LibreOffice/poppler wrappers. */

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signaturePng } from '../support/png.js';
import { strFromU8, unzipSync } from 'fflate';
import { FontBook } from '../../src/fonts/index.js';
import {
  inlineText,
  type Block,
  type LetterDoc,
  type Section,
  type Signature,
} from '../../src/model/index.js';

import {
  BODY_KEYS,
  DATE,
  EMAILS,
  LOCALE,
  PAGE_LABEL,
  SALUTATION,
  VOCATIVE,
  localeStrings,
  para,
  section,
  text,
  type ExampleLang,
} from '../support/example.js';
import { unescapeXml } from '../support/text.js';
import { docxToPdf, tempDir } from '../support/tools.js';

export { localeStrings, para, section, text, type ExampleLang };
export const LANGS: readonly ExampleLang[] = ['en', 'ko', 'zh'];

const ROOT = join(import.meta.dirname, '..', '..');
const ORGS = {
  en: ['General Federation of North Korean Defectors in Canada (CFNK)', 'Crossing NK'],
  ko: ['캐나다 탈북인 총연합회(CFNK)', '크로싱 엔케이'],
  zh: ['加拿大脱北者总联合会（CFNK）', 'Crossing NK'],
} as const;

/** The tool's font book, read from the repository's fonts/ folder. */
export const fonts = new FontBook(join(ROOT, 'fonts'));

/** A LetterDoc of the example letter, arranged the way each language's template arranges it (SPEC §6). */
export function exampleLetter(lang: ExampleLang, body?: readonly Block[]): LetterDoc {
  const s = localeStrings(lang);
  const bodyBlocks: Block[] = body
    ? [...body]
    : BODY_KEYS.flatMap((key, i): Block[] => [
        ...(i === 3 ? [para(VOCATIVE[lang], 'vocative', lang)] : []),
        key === 'mother' ? { type: 'quote', blocks: [para(s[key]!, key, lang)] } : para(s[key]!, key, lang),
      ]);
  const date = section('date', [para(DATE[lang], 'date', lang)], { align: lang === 'en' ? 'start' : 'end' });
  const sigs = section(
    'signatures',
    ORGS[lang].map((org, i) => signature(org, EMAILS[i]!, lang, i === 0)),
    { keepTogether: true },
  );
  const sections: Section[] = [
    section('title', [para(s['title']!, 'title', lang)], { align: 'center', keepWithNext: true }),
    section('subtitle', [para(s['headline']!, 'headline', lang)], { align: 'center', keepWithNext: true }),
    ...(lang === 'en' ? [date] : []),
    section('salutation', [para(SALUTATION[lang], 'salutation', lang)], { keepWithNext: true }),
    section('body', bodyBlocks, { align: 'justify', firstLineIndent: lang === 'zh' ? 2 : 0 }),
    section('close', [para(s['closing']!, 'closing', lang)], { keepTogether: true, keepWithNext: true }),
    ...(lang === 'ko' ? [{ ...date, keepWithNext: true }] : []),
    sigs,
    ...(lang === 'zh' ? [date] : []),
  ];
  return {
    lang,
    locale: LOCALE[lang],
    paper: 'A4',
    pageLabel: PAGE_LABEL[lang],
    meta: {
      title: s['title']!,
      author: ORGS[lang].join(', '),
      subject: s['headline']!,
      keywords: ['open letter', 'North Korea'],
      created: new Date('2023-12-10T00:00:00Z'),
    },
    sections,
  };
}

function signature(org: string, email: string, lang: string, withImage: boolean): Signature {
  return {
    type: 'signature',
    org: [text(org, 'signatories.org', lang)],
    email,
    ...(withImage
      ? {
          image: {
            data: signaturePng(),
            format: 'png' as const,
            width: 240,
            height: 80,
            alt: `Signature of ${org}`,
          },
        }
      : {}),
  };
}

export { signaturePng };

/** The package's parts: path → bytes. */
export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** One part as text. */
export function part(bytes: Uint8Array, path: string): string {
  const data = parts(bytes)[path];
  if (!data) throw new Error(`no part ${path}`);
  return strFromU8(data);
}

/** The text of each w:p of a part (w:t joined; w:br as a newline), in order. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((m) => (m[1] === undefined ? '\n' : unescapeXml(m[1])))
      .join(''),
  );
}

/** Every w:r of a part, with its text and its w:rPr. */
export function runs(xml: string): { text: string; rPr: string }[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, inner]) => ({
    text: [...inner!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''),
    rPr: /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(inner!)?.[0] ?? '',
  }));
}

/** The real family a run or font table names through an embedded subset's tagged family (`ABCDEF+Noto Serif KR`),
 *  or '' when the name carries no subset tag. */
export function taggedFamily(name: string): string {
  return /^[A-Z]{6}\+(.+)$/.exec(name)?.[1] ?? '';
}

/** An attribute of the first element `name` in the xml ('' when absent). */
export function attr(xml: string, name: string, attribute: string): string {
  const m = new RegExp(`<${name}\\b[^>]*\\s${attribute}="([^"]*)"`).exec(xml);
  return m ? unescapeXml(m[1]!) : '';
}

/** A fresh scratch folder. */
export const scratch = (): string => tempDir('letter-docx-');

/**
 * Converts DOCX files to PDF with LibreOffice, one process and one fresh profile per file, so that each test sees
 * one letter alone (one-session.test.ts converts a batch in one process, as an office would).
 */
export function libreOfficePdfs(files: Record<string, Uint8Array>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    const dir = scratch();
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, bytes);
    out[name] = docxToPdf(path, dir);
  }
  return out;
}

export function pdfText(pdf: string, ...args: string[]): string {
  return execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' });
}

export function pdfFonts(pdf: string): string {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
}

/** The text of every paragraph the DOCX should hold, in order (signature images have none and are left out). */
export function expectedParagraphs(doc: LetterDoc): string[] {
  const out: string[] = [];
  const walk = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          out.push(inlineText(block.inlines));
          break;
        case 'quote':
          walk(block.blocks);
          if (block.attribution) out.push(inlineText(block.attribution));
          break;
        case 'list':
          for (const item of block.items) walk(item);
          break;
        case 'signature':
          // The PDF's order (src/typeset/signature.ts), spelled out here rather than taken from the renderer under test.
          for (const line of [block.org, block.person, block.title]) if (line) out.push(inlineText(line));
          if (block.email) out.push(block.email);
          break;
        case 'pagebreak':
          break;
      }
    }
  };
  for (const s of doc.sections) walk(s.blocks);
  return out;
}

/**
 * Line breaks inside a word in pdftotext output: a line ends and the next begins with characters that must not be
 * parted (`wordChar`), and the two pieces joined occur inside one word of the source text. Returns the breaks found.
 */
export function midWordBreaks(pdfTextOut: string, source: readonly string[], wordChar: RegExp): string[] {
  const words = source.flatMap((p) => p.split(/\s+/)).filter(Boolean);
  const lines = pdfTextOut
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const found: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!.split(/\s+/).at(-1)!;
    const b = lines[i + 1]!.split(/\s+/)[0]!;
    if (!wordChar.test(a.at(-1)!) || !wordChar.test(b[0]!)) continue;
    // The smallest pieces around the break that still identify it: the word characters next to it.
    const tail = /[^\s]*$/.exec(a)![0];
    const head = /^[^\s]*/.exec(b)![0];
    if (words.some((w) => w.includes(tail + head))) found.push(`${tail}|${head}`);
  }
  return found;
}
