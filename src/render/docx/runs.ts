/** Inline content → docx runs: one run per face change, each naming its fonts (w:rFonts) and languages (w:lang). */

import { EmphasisMarkType, ExternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import {
  emphasisDotsFor,
  hasRightToLeftLetters,
  isCjkLanguage,
  isRightToLeftLanguage,
  withDashJoiners,
  type Inline,
  type Lang,
  type Origin,
} from '../../model/index.js';
import { variantOf, type FontBook } from '../../fonts/index.js';
import type { DrawContext } from './context.js';
import { defaultFaces, faceRuns, isEastAsianPiece, latinLocale, splitBySlot, type FaceRun } from './faces.js';
import { STYLE } from './styles.js';

/** How the runs being built look: what the paragraph style gives and what the inline markup adds. */
export interface RunState {
  /** Effective weight and slant (style + markup), for picking the font file the subsets come from. */
  readonly bold: boolean;
  readonly italic: boolean;
  /** The character style of the innermost markup (Strong, Emphasis, Hyperlink); one per run in OOXML. */
  readonly charStyle?: string;
  /** Bold/italic a second, nested piece of markup adds on top of the character style. */
  readonly directBold?: boolean;
  readonly directItalic?: boolean;
}

/** Runs (and hyperlinks) for a paragraph's inlines. */
export function inlineChildren(
  inlines: readonly Inline[],
  ctx: DrawContext,
  state: RunState,
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        out.push(...textRuns(inline.value, inline.lang ?? ctx.lang, ctx, state, inline.origin));
        break;
      case 'break':
        out.push(new TextRun({ break: 1, ...fontsFor(ctx.lang, ctx, undefined) }));
        break;
      case 'strong':
        out.push(...inlineChildren(inline.children, ctx, withMarkup(state, STYLE.strong, 'bold')));
        break;
      case 'emphasis':
        out.push(...inlineChildren(inline.children, ctx, withMarkup(state, STYLE.emphasis, 'italic')));
        break;
      case 'link': {
        const inner = withMarkup(state, STYLE.hyperlink);
        const children = inlineChildren(inline.children, ctx, inner).filter(
          (c): c is TextRun => c instanceof TextRun,
        );
        out.push(new ExternalHyperlink({ link: inline.url, children }));
        break;
      }
    }
  }
  return out;
}

function withMarkup(state: RunState, charStyle: string, adds?: 'bold' | 'italic'): RunState {
  const bold = state.bold || adds === 'bold';
  const italic = state.italic || adds === 'italic';
  if (state.charStyle === undefined) return { bold, italic, charStyle };
  // One character style per run. A link keeps Hyperlink for what is inside it; otherwise the innermost markup takes
  // the style and what the outer markup gave stays on as direct bold/italic.
  if (state.charStyle === STYLE.hyperlink) {
    return {
      ...state,
      bold,
      italic,
      directBold: state.directBold || adds === 'bold',
      directItalic: state.directItalic || adds === 'italic',
    };
  }
  return {
    bold,
    italic,
    charStyle,
    directBold: state.directBold || state.charStyle === STYLE.strong,
    directItalic: state.directItalic || state.charStyle === STYLE.emphasis,
  };
}

/** Runs for a piece of text in one language, split where the face changes, recording the glyphs each face draws. */
export function textRuns(
  text: string,
  lang: Lang,
  ctx: DrawContext,
  state: RunState,
  origin?: Origin,
): TextRun[] {
  // A word joiner after an en dash that joins two words, which the word processor's breaker honours (model/joins.ts).
  return faceRuns(withDashJoiners(text), lang, ctx.fonts, origin)
    .flatMap((run) => slanted(run, state, ctx.fonts))
    .map(({ run, italic }) => {
      const variant = variantOf(state.bold, italic);
      ctx.usage.add(run.latinFace, variant, run.latinChars);
      ctx.usage.add(run.eastAsianFace, variant, run.eastAsianChars);
      return new TextRun({
        text: run.text,
        ...(state.charStyle ? { style: state.charStyle } : {}),
        ...(state.directBold ? { bold: true } : {}),
        // Upright where the style says italic but the face has none; see slanted(). Emphasis there keeps its mark.
        ...(italic !== state.italic ? { italics: false } : state.directItalic ? { italics: true } : {}),
        ...(italic !== state.italic && isEmphasis(state)
          ? { emphasisMark: { type: emphasisMark(run, ctx) } }
          : {}),
        // w:rtl: the run is right-to-left text (Arabic letters); Latin and digits inside keep their own direction.
        ...(hasRightToLeftLetters(run.text) ? { rightToLeft: true } : {}),
        ...fontsFor(lang, ctx, run),
      });
    });
}

/** Whether the text is `*emphasis*` (not merely italic because its paragraph style is, as an English quote). */
function isEmphasis(state: RunState): boolean {
  return state.charStyle === STYLE.emphasis || state.directItalic === true;
}

/**
 * w:em for emphasis drawn from a CJK face (model/emphasis.ts): `dot` over the characters, `underDot` under them.
 * docx types the option as its one named value, 'dot'; ECMA-376 §17.18.24 ST_Em has underDot too, written as given.
 */
function emphasisMark(run: FaceRun, ctx: DrawContext): typeof EmphasisMarkType.DOT {
  const face = isEastAsianPiece(run) ? run.eastAsianFace : run.latinFace;
  return (
    emphasisDotsFor(ctx.fonts.languageOfFace(face)) === 'under' ? 'underDot' : EmphasisMarkType.DOT
  ) as typeof EmphasisMarkType.DOT;
}

/**
 * Which of a run's characters are set in italics. The PDF slants only text whose face has an italic file (the
 * Latin face); the CJK faces have none, so their text stays upright there (fonts.file falls back to regular). Word
 * would slant it all, synthesising an oblique for Hangul and Han, and w:i covers every slot of a run: a run whose
 * two faces differ is split by slot, and the pieces from a face without italics get w:i off.
 */
function slanted(run: FaceRun, state: RunState, fonts: FontBook): { run: FaceRun; italic: boolean }[] {
  if (!state.italic) return [{ run, italic: false }];
  const slants = (face: string): boolean =>
    fonts.file(face, variantOf(state.bold, true)) !== fonts.file(face, variantOf(state.bold, false));
  const latin = slants(run.latinFace);
  const eastAsian = slants(run.eastAsianFace);
  if (latin === eastAsian) return [{ run, italic: latin }];
  return splitBySlot(run).map((piece) => ({
    run: piece,
    italic: isEastAsianPiece(piece) ? eastAsian : latin,
  }));
}

/**
 * w:rFonts and w:lang of a run. ECMA-376 CT_Language: @w:eastAsia is the language of the run's East Asian text;
 * set per run, because Korean, Chinese and Latin alternate within one letter. LibreOffice keeps Korean words whole
 * only when the Hangul's language (w:eastAsia) is Korean: with en-US it breaks between any two syllables.
 */
export function fontsFor(lang: Lang, ctx: DrawContext, run: FaceRun | undefined) {
  const faces = run ? { latin: run.latinFace, eastAsian: run.eastAsianFace } : defaultFaces(ctx.fonts, lang);
  const latin = ctx.family(faces.latin);
  const locale = ctx.fonts.locale(lang);
  return {
    font: {
      ascii: latin,
      hAnsi: latin,
      cs: latin,
      eastAsia: ctx.family(faces.eastAsian),
      ...(run?.eastAsianHint ? { hint: 'eastAsia' } : {}),
    },
    language: {
      value: latinLocale(lang, locale, ctx.fonts),
      eastAsia: eastAsianLocale(lang, ctx, run) ?? locale,
      bidirectional: bidiLocale(lang, locale),
    },
  };
}

/**
 * w:lang/@w:bidi, the language of the run's right-to-left text: the letter's own in a right-to-left letter, Arabic
 * otherwise. Word names these languages with a region (its Arabic is ar-SA): a bare tag gets the usual one.
 */
function bidiLocale(lang: Lang, locale: string): string {
  if (!isRightToLeftLanguage(lang)) return 'ar-SA';
  if (locale.includes('-')) return locale;
  return { ar: 'ar-SA', he: 'he-IL', fa: 'fa-IR', ur: 'ur-PK' }[locale] ?? locale;
}

/**
 * In a letter in a language Word does not treat as East Asian (English), the East Asian text of a run is in the
 * language of the face that draws it: a Chinese title inside an English letter is zh-CN, Hangul ko-KR.
 */
function eastAsianLocale(lang: Lang, ctx: DrawContext, run: FaceRun | undefined): string | undefined {
  if (isCjkLanguage(lang) || !run || run.eastAsianChars.trim() === '') return undefined;
  const spoken = ctx.fonts.languageOfFace(run.eastAsianFace);
  return spoken ? ctx.fonts.locale(spoken) : undefined;
}
