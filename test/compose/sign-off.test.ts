/** The Korean close says its humble verb once: 진심을 담아 올립니다 is not followed by 올림 again (protocol.md §1.2). */

import { describe, expect, it } from 'vitest';
import type { Block, Inline, LetterDoc } from '../../src/model/index.js';
import { withoutRepeatedSignOff } from '../../src/compose/sign-off.js';
import type { Addressee } from '../../src/directory/types.js';
import { composeFirst, exampleCopy, setLocaleValues } from './project.js';

function text(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'text' ? i.value : 'children' in i ? text(i.children) : '')).join('');
}

/** Every line of the close and the signatures, as the renderers receive them. */
function ending(doc: LetterDoc): string {
  return doc.sections
    .filter((s) => s.part === 'close' || s.part === 'signatures')
    .flatMap((s) => s.blocks.map((b: Block) => (b.type === 'paragraph' ? text(b.inlines) : '')))
    .join('\n');
}

describe('Korean sign-off', () => {
  it('the example (진심을 담아 올립니다.) says 올립니다 once and has no 올림 after the senders', () => {
    const close = ending(composeFirst(exampleCopy(), 'ko'));
    expect(close).toContain('진심을 담아 올립니다.');
    expect(close).not.toMatch(/올림/);
  });

  it('a closing wish (건강과 평안을 기원합니다.) keeps 올림 after the senders', () => {
    const dir = exampleCopy();
    setLocaleValues(dir, 'ko', { closing: '건강과 평안을 기원합니다.' });
    expect(ending(composeFirst(dir, 'ko'))).toMatch(/건강과 평안을 기원합니다\.[\s\S]*올림$/);
  });

  it('only the humble verbs of Korean count', () => {
    const addressee = { signOff: '올림' } as Addressee;
    expect(withoutRepeatedSignOff(addressee, ['감사의 마음을 담아 드립니다.'], 'ko').signOff).toBeUndefined();
    expect(
      withoutRepeatedSignOff(addressee, ['올립니다 라고 적은 뒤 이어지는 문장입니다.'], 'ko').signOff,
    ).toBe('올림');
    expect(withoutRepeatedSignOff(addressee, ['진심을 담아 올립니다.'], 'en').signOff).toBe('올림');
  });
});
