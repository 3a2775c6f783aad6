/**
 * The shipped body partial renders each body item by the one kind it is (templates/partials/body.hbs tests them in
 * one chain): a letter whose body has every kind gets each, in order, in every language.
 */

import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/index.js';
import { composeFirst, editFile, exampleCopy } from './project.js';

function kindsOf(blocks: readonly Block[]): string[] {
  return blocks.map((b) => {
    if (b.type === 'quote') return b.attribution ? 'quote+by' : 'quote';
    if (b.type === 'list') return b.ordered ? `ordered(${b.items.length})` : `list(${b.items.length})`;
    if (b.type === 'paragraph' && b.flush) return 'vocative';
    return b.type;
  });
}

describe('a body with every kind of item', () => {
  const dir = exampleCopy();
  editFile(
    dir,
    'letter.yaml',
    '  - p: reports\n',
    '  - p: reports\n  - heading: headline\n  - quote: mother\n    by: mother_intro\n  - list: [coi, conflict]\n    ordered: true\n  - list: [plea, hope, rights_day]\n  - pagebreak\n',
  );
  it.each(['en', 'ko', 'zh'] as const)('%s', (lang) => {
    const body = composeFirst(dir, lang).sections.find((s) => s.part === 'body')!;
    expect(kindsOf(body.blocks).slice(0, 11)).toEqual([
      'paragraph',
      'paragraph',
      'heading',
      'quote+by',
      'ordered(2)',
      'list(3)',
      'pagebreak',
      'paragraph',
      'vocative',
      'paragraph',
      'paragraph',
    ]);
  });
});
