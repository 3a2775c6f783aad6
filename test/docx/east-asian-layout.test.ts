/**
 * The DOCX's East Asian layout settings, so that Word and LibreOffice justify CJK text alike and as the PDF does:
 * the XML Word reads, and LibreOffice's PDF of the same file (its line ends, from pdftotext -bbox-layout).
 */

import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, LetterDoc } from '../../src/model/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { exampleLetter, fonts, libreOfficePdfs, text } from './helpers.js';
import { docxParts } from '../support/text.js';
import { scratch } from '../pdf/helpers.js';
import { toolAvailable } from '../support/tools.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const canRun = toolAvailable('soffice') && toolAvailable('pdftotext');
const RIGHT = 595.28 - 72;

// A justified paragraph with a manual line break after a short first line, then long enough to wrap.
const BEFORE = '我们怀着急迫的心情致函阁下。';
const AFTER =
  '作为目前居住在加拿大多伦多的一群脱北难民，我们恳请阁下立即采取行动，停止这一做法。最近有报道称，约600名脱北者被秘密强制遣返，其中包括孕妇和儿童。这一消息令人震惊和悲痛。';

function letterWithBreak(): LetterDoc {
  const doc = exampleLetter('zh');
  const body: Block = {
    type: 'paragraph',
    inlines: [text(BEFORE, 'p', 'zh'), { type: 'break' }, text(AFTER, 'p', 'zh')],
  };
  return {
    ...doc,
    sections: doc.sections.map((s) => (s.part === 'body' ? { ...s, blocks: [body, ...s.blocks] } : s)),
  };
}

async function docxOf(doc: LetterDoc): Promise<Uint8Array> {
  return (await renderDocx(doc, { fonts })).bytes;
}

function part(bytes: Uint8Array, name: string): string {
  const path = join(scratch(), 'letter.docx');
  writeFileSync(path, bytes);
  return docxParts(path)[name]!;
}

describe('DOCX East Asian layout settings', () => {
  it('the XML: kinsoku on, no hanging or line-start punctuation set, no word-processor compression, no expanded manual line breaks', async () => {
    const bytes = await docxOf(exampleLetter('zh'));
    const settings = part(bytes, 'word/settings.xml');
    const styles = part(bytes, 'word/styles.xml');
    expect(settings).toMatch(/<w:compat><w:doNotExpandShiftReturn\/><w:compatSetting /);
    expect(settings).toContain('<w:characterSpacingControl w:val="doNotCompress"/>');
    expect(styles).toContain('<w:kinsoku w:val="1"/>');
    // Left out so that Word and LibreOffice hang a line's last mark alike (see styles-xml.ts).
    expect(styles).not.toContain('w:overflowPunct');
    expect(styles).not.toContain('w:topLinePunct');
  });

  describe.skipIf(!canRun)('as LibreOffice lays it out', () => {
    let lines: { text: string; xMax: number }[] = [];
    beforeAll(async () => {
      const pdf = libreOfficePdfs({ zh: await docxOf(letterWithBreak()) })['zh']!;
      const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], {
        encoding: 'utf8',
      });
      lines = [
        ...html.matchAll(/<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g),
      ].map((m) => ({
        xMax: Number(m[1]),
        text: [...m[2]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
      }));
    }, 180_000);

    it('does not spread the line before a manual line break over the measure', () => {
      const line = lines.find((l) => l.text === BEFORE);
      expect(line, 'the line before the break').toBeDefined();
      // Fourteen characters of 12 pt: about 168 pt from the 72 pt margin, far from the right margin.
      expect(line!.xMax).toBeLessThan(RIGHT - 100);
    });

    it("justifies the body: a full line ends at the margin (or the quote's), or hangs one mark past it as Word does by default", () => {
      // Lines of 30 characters or more are full lines, or the last line of a paragraph (ending a sentence).
      // The body: after the salutation (the centred title above it is not justified).
      const salutation = lines.findIndex((l) => l.text.startsWith('尊敬的') && l.text.endsWith('：'));
      expect(salutation, 'the salutation line').toBeGreaterThan(0);
      const body = lines.slice(salutation + 1);
      const full = body.filter((l) => [...l.text].length >= 30 && /[\u4e00-\u9fff]/u.test(l.text));
      const atEdge = (l: { xMax: number }) =>
        [RIGHT, RIGHT - 24].some((edge) => Math.abs(l.xMax - edge) <= 1.5);
      const hangs = (l: { text: string; xMax: number }) =>
        /[，。、；：”）》」]$/u.test(l.text) && l.xMax > RIGHT && l.xMax <= RIGHT + 13;
      const short = full.filter((l) => !atEdge(l) && !hangs(l) && !/[。！？：”」）]$/u.test(l.text));
      expect(short.map((l) => `${l.xMax} ${l.text}`)).toEqual([]);
      expect(full.filter(atEdge).length).toBeGreaterThan(15);
      expect(
        lines.every((l) => l.xMax <= RIGHT + 13),
        'no line runs past the margin by more than one mark',
      ).toBe(true);
    });
  });
});
