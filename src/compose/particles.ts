/**
 * Korean particles that agree with the placeholder before them. A value writes both forms the way Korean software
 * does, right after the placeholder: `{{recipient.honorific}}은(는)`, `이(가)`, `을(를)`, `와(과)`, `(으)로`; the
 * letter gets the one that fits the last syllable of the value put there ("국왕 폐하는", "주석님은", "교황 성하와").
 * Only a notation right after `}}` is read this way; anywhere else it is text and prints as written.
 */

/** Notation → [form after a final consonant, form after a vowel, form after ㄹ (only (으)로 differs)]. */
const NOTATIONS: readonly (readonly [string, string, string, string?])[] = [
  ['은(는)', '은', '는'],
  ['는(은)', '은', '는'],
  ['이(가)', '이', '가'],
  ['가(이)', '이', '가'],
  ['을(를)', '을', '를'],
  ['를(을)', '을', '를'],
  ['과(와)', '과', '와'],
  ['와(과)', '과', '와'],
  ['(으)로', '으로', '로', '로'],
];

// Private-use marks: the notation becomes MARK + its index before i18next sees the value, so interpolation (and the
// Markdown escaping of the value) happens first, and the choice is made on the interpolated text.
const MARK = '\uE000';
const FIRST = 0xe001;
const NOTATION = new RegExp(`\\}\\}(${NOTATIONS.map(([n]) => n.replace(/[()]/g, '\\$&')).join('|')})`, 'g');
const MARKED = new RegExp(`${MARK}([\\uE001-\\uE0FF])`, 'g');

/** Marks each particle notation that follows a placeholder in a raw locale value. */
export function markParticles(raw: string): string {
  if (!raw.includes('}}')) return raw;
  return raw.replace(
    NOTATION,
    (_whole, notation: string) =>
      `}}${MARK}${String.fromCharCode(FIRST + NOTATIONS.findIndex(([n]) => n === notation))}`,
  );
}

/** Replaces each mark with the form that agrees with the text before it; the notation as written when that is unknown. */
export function resolveParticles(text: string): string {
  if (!text.includes(MARK)) return text;
  return text.replace(MARKED, (_whole, code: string, offset: number) => {
    const [notation, afterConsonant, afterVowel, afterRieul] = NOTATIONS[code.charCodeAt(0) - FIRST]!;
    const ending = finalSound(text.slice(0, offset));
    if (ending === undefined) return notation;
    if (ending === 'rieul' && afterRieul) return afterRieul;
    return ending === 'vowel' ? afterVowel : afterConsonant;
  });
}

type Ending = 'vowel' | 'consonant' | 'rieul';

/** How the text before a particle ends when read aloud in Korean; undefined when that cannot be known (Han, symbols). */
export function finalSound(before: string): Ending | undefined {
  const last = [...before.replace(/[\s)\]}"'”’」』》〉]+$/u, '')].pop();
  if (last === undefined) return undefined;
  const cp = last.codePointAt(0)!;
  if (cp >= 0xac00 && cp <= 0xd7a3) {
    const final = (cp - 0xac00) % 28;
    return final === 0 ? 'vowel' : final === 8 ? 'rieul' : 'consonant';
  }
  // Digits as Sino-Korean numerals: 영 일 이 삼 사 오 육 칠 팔 구.
  if (/[0-9]/.test(last))
    return (
      [
        'consonant',
        'rieul',
        'vowel',
        'consonant',
        'vowel',
        'vowel',
        'consonant',
        'rieul',
        'rieul',
        'vowel',
      ] as const
    )[Number(last)];
  // A Latin name as Korean reads it: -l is ㄹ, -m / -n / -ng a final consonant, other endings a vowel (Trump → 트럼프).
  if (/[a-z]/i.test(last)) {
    if (/l/i.test(last)) return 'rieul';
    return /[mn]/i.test(last) || /ng[\s)\]}"'”’]*$/iu.test(before) ? 'consonant' : 'vowel';
  }
  return undefined;
}
