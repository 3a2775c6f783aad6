/** A composed letter's whole text, for tests that read what a recipient gets without rendering. */

import { Composer, loadProject } from '../../src/index.js';
import { toolFontBook } from '../../src/fonts/index.js';
import type { Block, Inline, LetterDoc } from '../../src/model/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';

function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) =>
      i.type === 'text' ? i.value : i.type === 'break' ? '\n' : 'children' in i ? inlineText(i.children) : '',
    )
    .join('');
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(b.inlines);
    case 'quote':
      return b.blocks.map(blockText).join('\n');
    case 'list':
      return b.items.map((item) => item.map(blockText).join('\n')).join('\n');
    case 'signature':
      return [b.org, b.person, b.title]
        .filter(Boolean)
        .map((x) => inlineText(x!))
        .join('\n');
    default:
      return '';
  }
}

/** Every section's text, one block a line. */
export function docText(doc: LetterDoc): string {
  return doc.sections.flatMap((s) => s.blocks.map(blockText)).join('\n');
}

/** The letter to `id` (a letter.yaml entry, or any id as `--to` gives it) in `lang`, composed; its text. */
export function composedText(dir: string, id: string, lang: string): string {
  const project = loadProject({ dir, toolDir: TOOL_DIR });
  const composer = new Composer({
    project,
    fonts: toolFontBook(),
    created: new Date('2023-12-10T00:00:00Z'),
  });
  const ref = project.letter.to.find((r) => r.id === id) ?? { id, path: [] };
  return docText(composer.compose({ recipient: ref, lang }));
}
