/** Itemizing inlines into styled runs: one face, variant, size and language each, with per-character font fallback. */

import { LetterError, problem } from '../diag/index.js';
import { codePointLabel, isInvisible, type FontBook, type Variant } from '../fonts/index.js';
import type { Inline, Lang, Origin } from '../model/index.js';
import { isIdeographic } from './segment/classes.js';
import type { FontRef } from './types.js';

/** Size and weight a block sets its inlines in. */
export interface TextStyle {
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
}

/** Text in one face: the unit that is measured and drawn. A hard line break is a run whose text is `\n`. */
export interface StyledRun {
  readonly text: string;
  readonly font: FontRef;
  readonly size: number;
  readonly lang: Lang;
  readonly link?: string;
}

interface State {
  readonly style: TextStyle;
  readonly lang: Lang;
  readonly link?: string;
}

/**
 * Split inlines into runs by the face FontBook picks for each character in the run's language (a `Text` with `lang`
 * uses that language's chain). A character no face covers is an error naming it, its key and language: a blank box
 * in a letter to a head of state is worse than no letter.
 */
export function styleRuns(inlines: readonly Inline[], lang: Lang, style: TextStyle, fonts: FontBook): StyledRun[] {
  const runs: StyledRun[] = [];
  const push = (text: string, font: FontRef, state: State): void => {
    const prev = runs[runs.length - 1];
    if (prev && sameStyle(prev, font, state) && prev.text !== '\n' && text !== '\n') {
      runs[runs.length - 1] = { ...prev, text: prev.text + text };
    } else {
      runs.push({ text, font, size: state.style.size, lang: state.lang, ...(state.link ? { link: state.link } : {}) });
    }
  };

  const walk = (nodes: readonly Inline[], state: State): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          itemize(normalizeSpace(node.value), { ...state, lang: node.lang ?? state.lang }, node.origin);
          break;
        case 'strong':
          walk(node.children, { ...state, style: { ...state.style, bold: true } });
          break;
        case 'emphasis':
          walk(node.children, { ...state, style: { ...state.style, italic: true } });
          break;
        case 'link':
          walk(node.children, { ...state, link: node.url });
          break;
        case 'break':
          push('\n', lastFont() ?? { face: fonts.chain(state.lang)[0]!, variant: variantOf(state.style) }, state);
          break;
      }
    }
  };

  const lastFont = (): FontRef | undefined => runs[runs.length - 1]?.font;

  const itemize = (text: string, state: State, origin: Origin | undefined): void => {
    const variant = variantOf(state.style);
    let current: FontRef | undefined;
    let pending = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (isInvisible(cp)) {
        if (cp === 0x20 || cp === 0xa0) pending += ch; // spaces are drawn; joiners and BOMs are dropped
        continue;
      }
      const face = fonts.faceFor(cp, state.lang);
      if (face === undefined) throw uncovered(cp, state.lang, origin, fonts);
      if (!current || current.face !== face) {
        if (pending) push(pending, current ?? lastFont() ?? { face, variant }, state);
        pending = '';
        current = { face, variant };
      }
      pending += ch;
    }
    if (pending) push(pending, current ?? lastFont() ?? { face: fonts.chain(state.lang)[0]!, variant }, state);
  };

  walk(inlines, { style, lang });
  return runs;
}

function sameStyle(run: StyledRun, font: FontRef, state: State): boolean {
  return (
    run.font.face === font.face &&
    run.font.variant === font.variant &&
    run.size === state.style.size &&
    run.lang === state.lang &&
    run.link === state.link
  );
}

function variantOf(style: TextStyle): Variant {
  if (style.bold) return style.italic ? 'boldItalic' : 'bold';
  return style.italic ? 'italic' : 'regular';
}

// Markdown soft line breaks arrive as newlines inside text: a space between words, nothing between two ideographs
// (CSS Text 3 segment-break transformation).
function normalizeSpace(value: string): string {
  return value.replace(/[ \t]*[\r\n]+[ \t]*|\t/g, (match, offset: number) => {
    if (match === '\t') return ' ';
    const before = value.codePointAt(offset - 1);
    const after = value.codePointAt(offset + match.length);
    return before !== undefined && after !== undefined && isIdeographic(before) && isIdeographic(after) ? '' : ' ';
  });
}

function uncovered(cp: number, lang: Lang, origin: Origin | undefined, fonts: FontBook): LetterError {
  const label = codePointLabel(cp);
  const key = origin?.key ?? '(no key)';
  const message =
    `character ${label} '${String.fromCodePoint(cp)}' in ${key} (${lang}) is not covered by any font ` +
    `(tried ${fonts.chain(lang).join(', ')})`;
  const where = origin ? { file: origin.file, ...(origin.line ? { line: origin.line } : {}), ...(origin.column ? { column: origin.column } : {}) } : {};
  return new LetterError(problem('uncovered-character', message, where, 'remove the character or add a font that has it to fonts/fonts.json'));
}
