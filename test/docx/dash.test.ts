/** A subject line must not break after an en dash that joins two words ("Thailand– / Myanmar"): the DOCX tells the
 *  word processor with a WORD JOINER after the dash (model/joins.ts), as the PDF's line breaker keeps them together. */

import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.js';
import { exampleLetter, fonts, part, section, text } from './helpers.js';

describe('en dashes in the DOCX', () => {
  it('joins "Thailand–Myanmar" and "2023–2024" with a word joiner, and leaves a spaced dash breakable', async () => {
    const doc = exampleLetter('en');
    const subject = section(
      'subtitle',
      [
        {
          type: 'paragraph',
          inlines: [text('On the Thailand–Myanmar border, 2023–2024, pages 10 – 12', 'headline', 'en')],
        },
      ],
      { align: 'center' },
    );
    const documentXml = part(
      (
        await renderDocx(
          { ...doc, sections: [subject, ...doc.sections.filter((s) => s.part !== 'subtitle')] },
          { fonts },
        )
      ).bytes,
      'word/document.xml',
    );
    expect(documentXml).toContain('Thailand–\u2060Myanmar');
    expect(documentXml).toContain('2023–\u20602024');
    expect(documentXml).toContain('10 – 12');
  });
});
