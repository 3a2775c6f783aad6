/**
 * Locale values are inline text (SPEC §4): block Markdown in one never changes the letter's structure. A directive line
 * or a paragraph break is refused at the value's position; other block markers print as written.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import type { Block, Inline } from '../../src/model/index.js';
import { pdfText, toolAvailable } from '../support/tools.js';
import { composeFirst, editFile, exampleCopy, lineOf, setLocaleValues } from './project.js';

const EN = 'locales/en/letter.json';

function text(inlines: readonly Inline[]): string {
  return inlines
    .map((i) =>
      i.type === 'text' ? i.value : i.type === 'break' ? '⏎' : 'children' in i ? text(i.children) : '',
    )
    .join('');
}

/** The body's blocks with their text, `⏎` for a line break. */
function body(dir: string): { type: string; text: string }[] {
  const section = composeFirst(dir, 'en').sections.find((s) => s.part === 'body')!;
  const describe = (b: Block): { type: string; text: string } =>
    b.type === 'paragraph' || b.type === 'heading'
      ? { type: b.type, text: text(b.inlines) }
      : b.type === 'quote'
        ? { type: 'quote', text: b.blocks.map((q) => describe(q).text).join(' ¶ ') }
        : { type: b.type, text: '' };
  return section.blocks.map(describe);
}

describe('locale values are inline text', () => {
  it('a ::: directive in a value is refused at the key in the locale file, not blamed on the template', async () => {
    const dir = exampleCopy();
    setLocaleValues(dir, 'en', { hope: 'Line one\n\n:::title\nINJECTED\n:::' });
    const checked = await check({ dir, now: new Date('2024-01-01') });
    expect(checked.exitCode).toBe(2);
    expect(checked.errors).toHaveLength(1);
    expect(checked.errors[0]).toMatchObject({
      code: 'schema',
      file: EN,
      line: lineOf(dir, EN, '"hope"'),
      column: 3,
    });
    expect(checked.errors[0]!.message).toMatch(
      /block Markdown in the value of 'hope' in locales\/en\/letter\.json: a line starting with '::'/,
    );
    expect(checked.errors[0]!.hint).toMatch(/inline Markdown: split it into several keys/);
    const built = await build({ dir, out: join(dir, 'dist'), formats: ['pdf'], langs: ['en'] });
    expect(built.exitCode).toBe(2);
    expect(built.errors.map((d) => d.file)).toEqual([EN]);
  });

  it('a leaf directive on its own line (::pagebreak, ::signature) is refused too', async () => {
    const dir = exampleCopy();
    setLocaleValues(dir, 'en', { plea: 'Please.\n::signature{index=0}', hope: '::pagebreak' });
    const checked = await check({ dir, now: new Date('2024-01-01') });
    expect(
      checked.errors.map((d) => `${d.file}:${d.line} ${d.message.replace(/ in locales.*$/, '')}`).sort(),
    ).toEqual([
      `${EN}:${lineOf(dir, EN, '"plea"')} block Markdown in the value of 'plea'`,
      `${EN}:${lineOf(dir, EN, '"hope"')} block Markdown in the value of 'hope'`,
    ]);
  });

  it('a blank line in a paragraph is refused (it would make two); a quote may hold paragraphs', async () => {
    const dir = exampleCopy();
    setLocaleValues(dir, 'en', { plea: 'First.\n\nSecond.', mother: '“First part.\n\nSecond part.”' });
    const checked = await check({ dir, now: new Date('2024-01-01') });
    expect(checked.errors).toHaveLength(1);
    expect(checked.errors[0]).toMatchObject({ file: EN, line: lineOf(dir, EN, '"plea"') });
    expect(checked.errors[0]!.message).toContain('a blank line would start a new paragraph');
    setLocaleValues(dir, 'en', { plea: 'First.' });
    expect(body(dir).filter((b) => b.type === 'quote')).toEqual([
      { type: 'quote', text: '“First part. ¶ Second part.”' },
    ]);
  });

  it('headings, list markers, quotes, rules and a date like "2023. 12. 10." print as written inside their paragraph', () => {
    const dir = exampleCopy();
    const lines = [
      '2023. 12. 10. Seoul',
      '# Heading',
      '- item',
      '> quote',
      '***',
      '<div>x</div>',
      '1) one',
      '===',
    ];
    setLocaleValues(dir, 'en', { hope: lines.join('\n') });
    const blocks = body(dir);
    // The same number of body blocks as the example: nothing was split off or added.
    expect(blocks).toHaveLength(15);
    expect(blocks.at(-1)).toEqual({ type: 'paragraph', text: lines.join('⏎') });
  });

  it('a heading is one line: a newline in it is refused', async () => {
    const dir = exampleCopy();
    editFile(dir, 'letter.yaml', '  - p: plea\n', '  - heading: plea\n');
    setLocaleValues(dir, 'en', { plea: 'Our appeal\nto you' });
    const checked = await check({ dir, now: new Date('2024-01-01') });
    expect(checked.errors.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      `${EN}:${lineOf(dir, EN, '"plea"')} block Markdown in the value of 'plea' in ${EN}: a line break in a heading or attribution, which is one line`,
    ]);
  });

  it('in the PDF the injected text stays one literal paragraph', async () => {
    if (!toolAvailable('pdftotext')) return;
    const dir = exampleCopy();
    setLocaleValues(dir, 'en', { hope: 'Hope line.\n# Not a heading\n- not a list' });
    const out = join(dir, 'dist');
    const built = await build({ dir, out, formats: ['pdf'], langs: ['en'] });
    expect(built.errors).toEqual([]);
    expect(pdfText(join(out, 'cn', 'open-letter-2023.en.pdf'))).toMatch(
      /Hope line\.\n# Not a heading\n- not a list\n/,
    );
  });
});

describe('a quote’s attribution (`by:`)', () => {
  it('keeps unpaired brackets as text: they neither end the attribution early nor swallow the line', () => {
    const dir = exampleCopy();
    editFile(dir, 'letter.yaml', '  - quote: mother\n', '  - quote: mother\n    by: source\n');
    for (const value of [
      'A mother] in Tumen',
      'A mother [Tumen',
      'Kim [see [the report](https://example.org)]',
      'A mother\\',
    ]) {
      setLocaleValues(dir, 'en', { source: value });
      const section = composeFirst(dir, 'en').sections.find((s) => s.part === 'body')!;
      const quote = section.blocks.find((b) => b.type === 'quote');
      expect(quote?.type === 'quote' && quote.attribution ? text(quote.attribution) : undefined, value).toBe(
        value.replace('[the report](https://example.org)', 'the report'),
      );
    }
  });
});
