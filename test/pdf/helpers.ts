/** Test helpers for the PDF side: LetterDocs built from the example letter's locale text, and poppler wrappers. */

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Align, Block, LetterDoc, Section } from '../../src/model/index.js';

import {
  BODY_KEYS,
  DATE,
  EMAILS,
  LOCALE,
  PAGE_LABEL,
  SALUTATION,
  bodyParagraphs,
  localeStrings,
  para,
  section,
  text,
  type ExampleLang,
} from '../support/example.js';
import { tempDir } from '../support/tools.js';

export { bodyParagraphs, localeStrings, text, type ExampleLang };

const ORGS = {
  en: ['General Federation of North Korean Defectors in Canada (CFNK)', 'Crossing NK'],
  ko: ['캐나다 탈북인 총연합회(CFNK)', '크로싱 엔케이(Crossing NK)'],
  zh: ['加拿大脱北者总联合会（CFNK）', 'Crossing NK'],
} as const;

export interface LetterOptions {
  /** Repeat the body this many times (a long letter). */
  readonly repeat?: number;
  /** Only the body section (for the line-breaking sweep). */
  readonly bodyOnly?: boolean;
  readonly bodyAlign?: Align;
  /** Replace the body with these paragraphs. */
  readonly body?: readonly Block[];
}

/** A LetterDoc of the example letter in one language: title, date, salutation, body, close, signatures. */
export function exampleLetter(lang: ExampleLang, opts: LetterOptions = {}): LetterDoc {
  const s = localeStrings(lang);
  const bodyBlocks: Block[] = opts.body
    ? [...opts.body]
    : Array.from({ length: opts.repeat ?? 1 }, () =>
        BODY_KEYS.map(
          (key): Block =>
            key === 'mother'
              ? { type: 'quote', blocks: [para(s[key]!, key, lang)] }
              : para(s[key]!, key, lang),
        ),
      ).flat();
  const body = section('body', bodyBlocks, {
    align: opts.bodyAlign ?? 'justify',
    firstLineIndent: lang === 'zh' ? 2 : 0,
  });
  const sections: Section[] = opts.bodyOnly
    ? [body]
    : [
        section('title', [para(s['title']!, 'title', lang)], { align: 'center', keepWithNext: true }),
        section('subtitle', [para(s['headline']!, 'headline', lang)], {
          align: 'center',
          keepWithNext: true,
        }),
        section('date', [para(DATE[lang], 'date', lang)], { align: 'end' }),
        section('salutation', [para(SALUTATION[lang], 'salutation', lang)], { keepWithNext: true }),
        body,
        section('close', [para(s['closing']!, 'closing', lang)], { keepTogether: true, keepWithNext: true }),
        section(
          'signatures',
          ORGS[lang].map(
            (org, i): Block => ({
              type: 'signature',
              org: [text(org, `signatories[${i}].org`, lang)],
              email: EMAILS[i]!,
            }),
          ),
          { keepTogether: true },
        ),
      ];
  return {
    lang,
    locale: LOCALE[lang],
    paper: 'A4',
    meta: {
      title: s['title']!,
      author: 'CFNK, Crossing NK',
      subject: s['headline']!,
      keywords: ['North Korea', 'refugees'],
      created: new Date('2023-12-10T00:00:00Z'),
    },
    pageLabel: PAGE_LABEL[lang],
    sections,
  };
}

/** A fresh scratch folder. */
export const scratch = (): string => tempDir('letter-pdf-');

/** Write bytes to a scratch file and return its path. */
export function writePdf(bytes: Uint8Array, dir: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/**
 * pdftotext output; `page` limits it to one page. `raw` keeps drawing order and the spaces as drawn (the default
 * mode's reading-order heuristics glue short words such as `- 1 -` together).
 */
export function pdfText(path: string, page?: number, raw = false): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...(raw ? ['-raw'] : []), '-enc', 'UTF-8', ...range, path, '-'], {
    encoding: 'utf8',
  });
}

/** pdffonts rows: name, type, emb, sub, uni. */
export function pdfFonts(
  path: string,
): { name: string; type: string; emb: string; sub: string; uni: string }[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim());
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type [type words…] encoding emb sub uni object ID
    const n = cols.length;
    return {
      name: cols[0]!,
      type: cols.slice(1, n - 6).join(' '),
      emb: cols[n - 5]!,
      sub: cols[n - 4]!,
      uni: cols[n - 3]!,
    };
  });
}

/** Page count from pdfinfo. */
export function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}
