/** typesetLetter on real fonts: fallback runs on one baseline, uncovered characters as errors, layout invariants. */

import { describe, expect, it } from 'vitest';
import { LetterError } from '../../src/diag/index.js';
import { toolFontBook } from '../../src/fonts/index.js';
import type { LetterDoc } from '../../src/model/index.js';
import { SIGNATURE_FIELD, typesetLetter, type TextItem } from '../../src/typeset/index.js';
import { EMAILS } from '../support/example.js';
import { exampleLetter, text } from '../pdf/helpers.js';

const fonts = toolFontBook();

function withBody(lang: 'ko' | 'zh' | 'en', value: string, key = 'body.test'): LetterDoc {
  return exampleLetter(lang, {
    bodyOnly: true,
    body: [{ type: 'paragraph', inlines: [text(value, key, lang)] }],
  });
}

function textItems(doc: LetterDoc): TextItem[] {
  return typesetLetter(doc, { fonts }).pages.flatMap((p) =>
    p.items.filter((i): i is TextItem => i.kind === 'text'),
  );
}

describe('font fallback', () => {
  it('sets 华 and 签 in a Korean paragraph in the SC face, on the Korean baseline', () => {
    const items = textItems(withBody('ko', '캐나다의 华人 단체가 签名한 서한입니다.'));
    const sc = items.filter((i) => i.font.face === 'sc');
    expect(sc.map((i) => i.text).join('')).toBe('华签');
    for (const item of sc) {
      const kr = items.filter((i) => i.font.face === 'kr' && Math.abs(i.y - item.y) < 5);
      expect(kr.length).toBeGreaterThan(0);
      for (const k of kr) expect(k.y).toBe(item.y);
    }
    // Runs follow each other without overlapping.
    const line = items.filter((i) => i.y === sc[0]!.y).sort((a, b) => a.x - b.x);
    for (let i = 1; i < line.length; i++)
      expect(line[i]!.x).toBeGreaterThanOrEqual(line[i - 1]!.x + line[i - 1]!.width - 0.01);
  });

  it('uses the language of a Text span to pick its chain', () => {
    const doc = exampleLetter('en', {
      bodyOnly: true,
      body: [
        {
          type: 'paragraph',
          inlines: [text('The title is ', 'a', 'en'), { type: 'text', value: '关于', lang: 'zh' }],
        },
      ],
    });
    const items = textItems(doc);
    expect(items.find((i) => i.text.includes('关于'))?.font.face).toBe('sc');
    expect(items.find((i) => i.text.includes('title'))?.font.face).toBe('latin');
  });

  for (const [ch, label] of [
    ['𠀀', 'U+20000'],
    ['😀', 'U+1F600'],
  ] as const) {
    it(`throws a LetterError naming ${label}, the key and the language`, () => {
      let error: unknown;
      try {
        typesetLetter(withBody('ko', `탈북 난민 ${ch} 강제송환`, 'body.intro'), { fonts });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LetterError);
      const d = (error as LetterError).diagnostics[0]!;
      expect(d.code).toBe('uncovered-character');
      expect(d.message).toContain(label);
      expect(d.message).toContain('body.intro');
      expect(d.message).toContain('(ko)');
      expect(d.file).toBe('locales/ko/letter.json');
    });
  }
});

describe('layout', () => {
  it('keeps every line inside the text column', () => {
    for (const lang of ['ko', 'zh', 'en'] as const) {
      const paged = typesetLetter(exampleLetter(lang), { fonts });
      const { width, margins } = paged.geometry;
      for (const page of paged.pages) {
        for (const item of page.items) {
          expect(item.x).toBeGreaterThanOrEqual(margins.left - 0.01);
          if (item.kind === 'text')
            expect(item.x + item.width).toBeLessThanOrEqual(width - margins.right + 0.5);
        }
      }
    }
  });

  it('indents the first line of Chinese body paragraphs by two em', () => {
    const items = textItems(
      withBody(
        'zh',
        '我们怀着急迫的心情和深切的忧虑致函阁下，就中国政府强制遣返朝鲜难民一事表达关切。'.repeat(3),
      ),
    );
    const ys = [...new Set(items.map((i) => i.y))].sort((a, b) => a - b);
    const firstX = Math.min(...items.filter((i) => i.y === ys[0]).map((i) => i.x));
    const secondX = Math.min(...items.filter((i) => i.y === ys[1]).map((i) => i.x));
    expect(firstX - secondX).toBeCloseTo(2 * 10.5, 1);
  });

  it('reserves a signature field box under the signatures when asked (the last block when none names its signatory)', () => {
    const paged = typesetLetter(exampleLetter('en'), { fonts, reserveSignatureField: true });
    const box = paged.signatureBox!;
    expect(box).toBeDefined();
    expect(box.width).toBe(SIGNATURE_FIELD.width);
    expect(box.height).toBe(SIGNATURE_FIELD.height);
    const emails = paged.pages[box.pageIndex]!.items.filter((i) => i.kind === 'text' && i.text.includes('@'));
    expect(emails.length).toBe(2);
    for (const e of emails) expect(e.y).toBeLessThan(box.y);
    expect(box.y + box.height).toBeLessThanOrEqual(
      paged.geometry.height - paged.geometry.margins.bottom + 0.01,
    );
  });

  it("reserves the box inside the signing signatory's own block, above the next signatory", () => {
    const doc = exampleLetter('en');
    const numbered: LetterDoc = {
      ...doc,
      sections: doc.sections.map((s) => ({
        ...s,
        blocks: s.blocks.map((b, i) => (b.type === 'signature' ? { ...b, signatory: i } : b)),
      })),
    };
    const plain = typesetLetter(numbered, { fonts });
    const paged = typesetLetter(numbered, { fonts, reserveSignatureField: { signatory: 0 } });
    const box = paged.signatureBox!;
    const items = paged.pages[box.pageIndex]!.items.filter((i): i is TextItem => i.kind === 'text');
    const [first, second] = EMAILS.map((email) => items.find((i) => i.text.includes(email))!);
    expect(first!.y).toBeLessThan(box.y);
    expect(second!.y).toBeGreaterThan(box.y + box.height);
    // The block grew by the box and its gap: the second signatory moved down by exactly that much.
    const before = plain.pages
      .flatMap((p) => p.items)
      .find((i) => i.kind === 'text' && i.text.includes(EMAILS[1]))!;
    expect(second!.y - before.y).toBeCloseTo(SIGNATURE_FIELD.height + SIGNATURE_FIELD.gap * 11, 0);
  });

  it('is deterministic: the same document gives the same pages', () => {
    const a = typesetLetter(exampleLetter('zh'), { fonts });
    const b = typesetLetter(exampleLetter('zh'), { fonts });
    expect(JSON.stringify(a.pages)).toBe(JSON.stringify(b.pages));
  });
});
