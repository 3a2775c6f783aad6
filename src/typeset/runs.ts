/** Itemizing inlines into styled runs: one face, variant, size and language each, with per-character font fallback. */

import { isInvisible, variantOf, type FontBook } from '../fonts/index.js';
import { emphasisDotsFor, type EmphasisDots, type Inline, type Lang, type Origin } from '../model/index.js';
import { isIdeographic } from './segment/classes.js';
import { spokenLangs } from './spoken.js';
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
  /** The language a screen reader reads the run in (by script or span, see spoken.ts); the tagged PDF's /Lang. */
  readonly spokenLang: Lang;
  readonly link?: string;
  /** Emphasis in a face without italics (CJK): marked with dots by each character (model/emphasis.ts). */
  readonly emphasisDots?: EmphasisDots;
  /** The structure element the run's text belongs to (set by the block that owns the run). */
  readonly tag?: number;
}

interface State {
  readonly style: TextStyle;
  readonly lang: Lang;
  /** Set inside a `Text` that carries its own language. */
  readonly spanLang?: Lang;
  readonly link?: string;
  /** Inside `*emphasis*` (a quote set in italics by its block is not). */
  readonly emphasis?: boolean;
}

/**
 * Split inlines into runs by the face FontBook picks for each character in the run's language (a `Text` with `lang`
 * uses that language's chain). A character no face covers is an error naming it, its key and language: a blank box
 * in a letter to a head of state is worse than no letter.
 */
export function styleRuns(
  inlines: readonly Inline[],
  lang: Lang,
  style: TextStyle,
  fonts: FontBook,
): StyledRun[] {
  const runs: StyledRun[] = [];
  // Emphasis drawn from a face without an italic file keeps its mark as dots (the PDF's side of DOCX's w:em).
  const dotsFor = (font: FontRef, state: State): EmphasisDots | undefined =>
    state.emphasis &&
    fonts.file(font.face, font.variant) === fonts.file(font.face, variantOf(state.style.bold, false))
      ? emphasisDotsFor(fonts.languageOfFace(font.face))
      : undefined;
  const push = (text: string, font: FontRef, spokenLang: Lang, state: State): void => {
    const prev = runs[runs.length - 1];
    const dots = dotsFor(font, state);
    if (
      prev &&
      sameStyle(prev, font, spokenLang, state) &&
      prev.emphasisDots === dots &&
      prev.text !== '\n' &&
      text !== '\n'
    ) {
      runs[runs.length - 1] = { ...prev, text: prev.text + text };
    } else {
      runs.push({
        text,
        font,
        size: state.style.size,
        lang: state.lang,
        spokenLang,
        ...(state.link ? { link: state.link } : {}),
        ...(dots ? { emphasisDots: dots } : {}),
      });
    }
  };

  const walk = (nodes: readonly Inline[], state: State): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          itemize(
            normalizeSpace(node.value),
            node.lang ? { ...state, lang: node.lang, spanLang: node.lang } : state,
            node.origin,
          );
          break;
        case 'strong':
          walk(node.children, { ...state, style: { ...state.style, bold: true } });
          break;
        case 'emphasis':
          walk(node.children, { ...state, style: { ...state.style, italic: true }, emphasis: true });
          break;
        case 'link':
          walk(node.children, { ...state, link: node.url });
          break;
        case 'break':
          push(
            '\n',
            lastFont() ?? {
              face: fonts.chain(state.lang)[0]!,
              variant: variantOf(state.style.bold, state.style.italic),
            },
            lastSpoken() ?? state.lang,
            state,
          );
          break;
      }
    }
  };

  const lastFont = (): FontRef | undefined => runs[runs.length - 1]?.font;
  const lastSpoken = (): Lang | undefined => runs[runs.length - 1]?.spokenLang;
  // Spaces that open a text join the run before them when its style allows (as they always did), else the run after.
  const leadingSpoken = (font: FontRef, state: State): Lang | undefined => {
    const prev = runs[runs.length - 1];
    return prev && prev.text !== '\n' && sameStyle(prev, font, prev.spokenLang, state)
      ? prev.spokenLang
      : undefined;
  };

  const itemize = (text: string, state: State, origin: Origin | undefined): void => {
    const variant = variantOf(state.style.bold, state.style.italic);
    const spoken = spokenLangs(text, lang, state.spanLang);
    let current: FontRef | undefined;
    let currentSpoken: Lang | undefined;
    // The open run's text: `pending`, then text[from, i) (cut once, not added to character by character).
    let pending = '';
    let from = 0;
    for (let i = 0, index = 0; i < text.length; index++) {
      const at = i;
      const cp = text.codePointAt(at)!;
      i += cp > 0xffff ? 2 : 1;
      const chSpoken = spoken[index]!;
      if (isInvisible(cp)) {
        // Spaces are drawn; joiners and BOMs are dropped.
        if (cp !== 0x20 && cp !== 0xa0) {
          pending += text.slice(from, at);
          from = i;
        }
        continue;
      }
      const face = fonts.clusterFace(text, at, state.lang, current?.face, origin);
      // A space never starts a run of its own: it stays with the text before it, in that text's face and language.
      if (!current || current.face !== face || currentSpoken !== chSpoken) {
        pending += text.slice(from, at);
        if (pending) {
          const font = current ?? lastFont() ?? { face, variant };
          push(pending, font, currentSpoken ?? leadingSpoken(font, state) ?? chSpoken, state);
        }
        pending = '';
        from = at;
        current = { face, variant };
        currentSpoken = chSpoken;
      }
    }
    pending += text.slice(from);
    if (pending) {
      const font = current ?? lastFont() ?? { face: fonts.chain(state.lang)[0]!, variant };
      push(pending, font, currentSpoken ?? leadingSpoken(font, state) ?? state.spanLang ?? lang, state);
    }
  };

  walk(inlines, { style, lang });
  return runs;
}

function sameStyle(run: StyledRun, font: FontRef, spokenLang: Lang, state: State): boolean {
  return (
    run.spokenLang === spokenLang &&
    run.font.face === font.face &&
    run.font.variant === font.variant &&
    run.size === state.style.size &&
    run.lang === state.lang &&
    run.link === state.link
  );
}

// Markdown soft line breaks arrive as newlines inside text: a space between words, nothing between two ideographs
// (CSS Text 3 segment-break transformation).
function normalizeSpace(value: string): string {
  // Most texts have neither: no expression to run (nor, at a letter's first, to compile).
  if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('\t') < 0) return value;
  return value.replace(/[ \t]*[\r\n]+[ \t]*|\t/g, (match, offset: number) => {
    if (match === '\t') return ' ';
    const before = value.codePointAt(offset - 1);
    const after = value.codePointAt(offset + match.length);
    return before !== undefined && after !== undefined && isIdeographic(before) && isIdeographic(after)
      ? ''
      : ' ';
  });
}
