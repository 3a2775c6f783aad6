/** word/styles.xml, written here rather than through docx's style options, which cannot express w:wordWrap on,
 *  w:kinsoku or document-default languages. */

import { QUOTE_RULE, type Align } from '../../model/index.js';
import { BODY_SIZE, type ParagraphLook, type RunLook, type StyleDef, type StyleSheet } from './styles.js';
import { el, W_NS, XML_HEAD } from './xml.js';

/** The fonts and language every run starts from (docDefaults); runs still name their own fonts and language. */
export interface Defaults {
  readonly latinFamily: string;
  readonly eastAsianFamily: string;
  /** Language of Latin-slot and of East Asian text (w:lang val / eastAsia). */
  readonly locale: string;
  readonly eastAsianLocale: string;
}

const twips = (pt: number): number => Math.round(pt * 20);

/** ST_Jc: Word 2007+ and LibreOffice read left/right; start/end are Strict-only. */
export const JC = {
  start: 'left',
  center: 'center',
  end: 'right',
  justify: 'both',
} as const satisfies Readonly<Record<Align, string>>;

/** word/styles.xml for the sheet. */
export function stylesXml(sheet: StyleSheet, defaults: Defaults): string {
  const fontSize = sheet.styles.find((s) => s.id === 'Normal')?.run?.size ?? BODY_SIZE;
  const docDefaults = el('w:docDefaults', {}, [
    el(
      'w:rPrDefault',
      {},
      el('w:rPr', {}, [
        el('w:rFonts', {
          'w:ascii': defaults.latinFamily,
          'w:hAnsi': defaults.latinFamily,
          'w:eastAsia': defaults.eastAsianFamily,
          'w:cs': defaults.latinFamily,
        }),
        el('w:sz', { 'w:val': fontSize * 2 }),
        el('w:szCs', { 'w:val': fontSize * 2 }),
        el('w:lang', { 'w:val': defaults.locale, 'w:eastAsia': defaults.eastAsianLocale, 'w:bidi': 'ar-SA' }),
      ]),
    ),
    el('w:pPrDefault', {}, el('w:pPr', {}, lineBreakingRules())),
  ]);
  return `${XML_HEAD}${el('w:styles', { 'xmlns:w': W_NS }, [docDefaults, ...sheet.styles.map(styleXml)])}`;
}

/**
 * East Asian line breaking, on every paragraph (in docDefaults and again in Normal, from which every style derives).
 * - w:kinsoku: no line starts with closing CJK punctuation or ends with an opening one (Chinese, SPEC §7).
 * - w:wordWrap on: Word breaks Korean between words (eojeol), not between any two syllables. [MS-OI29500] 2.1.67: Word
 *   applies it to Korean text only; docx's own `wordWrap` option writes w:val="0", the opposite.
 * - w:autoSpaceDE/DN off: no extra gap between Hangul/Han and Latin letters or digits; the text has its own spaces,
 *   as in the PDF.
 * - w:overflowPunct is left out on purpose: Word (ECMA-376 §17.3.1.21: omitted = on) and LibreOffice (its own default)
 *   then both let a line's last mark hang past the margin, the same way. An explicit value splits them: LibreOffice
 *   reads it inverted (writerfilter DomainMapper sets ParaIsHangingPunctuation to `nIntValue == 0`; measured: val 0
 *   hangs, val 1 does not), so no value stops both. w:topLinePunct is left out too (off in Word, ignored by
 *   LibreOffice): no compression of a mark at a line's start, as in the PDF.
 */
function lineBreakingRules(): string[] {
  return [
    el('w:kinsoku', { 'w:val': '1' }),
    el('w:wordWrap', { 'w:val': '1' }),
    el('w:autoSpaceDE', { 'w:val': '0' }),
    el('w:autoSpaceDN', { 'w:val': '0' }),
  ];
}

function styleXml(style: StyleDef): string {
  const isDefault = style.id === 'Normal';
  const isDefaultOfType = isDefault || style.id === 'DefaultParagraphFont';
  return el(
    'w:style',
    { 'w:type': style.type, 'w:default': isDefaultOfType ? '1' : undefined, 'w:styleId': style.id },
    [
      el('w:name', { 'w:val': style.name }),
      style.basedOn ? el('w:basedOn', { 'w:val': style.basedOn }) : '',
      style.type === 'paragraph' && !isDefault ? el('w:next', { 'w:val': style.next ?? style.id }) : '',
      style.quick ? el('w:qFormat') : '',
      style.paragraph || isDefault ? pPr(style.paragraph ?? {}, isDefault, style.run?.size) : '',
      style.run ? rPr(style.run) : '',
    ],
  );
}

/** CT_PPrBase, in schema order (Word rejects out-of-order elements). */
function pPr(look: ParagraphLook, isDefault: boolean, size?: number): string {
  const onOff = (name: string, value: boolean | undefined): string =>
    value === undefined ? '' : el(name, { 'w:val': value ? '1' : '0' });
  const spacing =
    look.before !== undefined || look.after !== undefined || look.line !== undefined
      ? el('w:spacing', {
          'w:before': look.before !== undefined ? twips(look.before) : undefined,
          'w:after': look.after !== undefined ? twips(look.after) : undefined,
          'w:line': look.line !== undefined ? Math.round(look.line * 240) : undefined,
          'w:lineRule': look.line !== undefined ? 'auto' : undefined,
        })
      : '';
  return el('w:pPr', {}, [
    onOff('w:keepNext', look.keepNext),
    onOff('w:keepLines', look.keepLines),
    look.ruleLeft !== undefined ? ruleLeft(look.ruleLeft) : '',
    ...(isDefault ? lineBreakingRules() : []),
    spacing,
    indent(look, size),
    onOff('w:contextualSpacing', look.contextual),
    look.align ? el('w:jc', { 'w:val': JC[look.align] }) : '',
    look.outlineLevel !== undefined ? el('w:outlineLvl', { 'w:val': look.outlineLevel }) : '',
  ]);
}

/** w:pBdr with a left rule (model/quote.ts); consecutive paragraphs of the style share one unbroken rule. */
function ruleLeft(space: number): string {
  // w:sz in eighths of a point; w:space in points.
  return el(
    'w:pBdr',
    {},
    el('w:left', {
      'w:val': 'single',
      'w:sz': Math.round(QUOTE_RULE.widthPt * 8),
      'w:space': Math.round(space),
      'w:color': QUOTE_RULE.color,
    }),
  );
}

/** First-line indent in em: w:firstLineChars (hundredths of a character) for Word, which follows the font size;
 *  w:firstLine in twips at `size` for LibreOffice, which ignores the *Chars attributes. */
export function firstLineIndent(em: number, size: number): { firstLineChars: number; firstLine: number } {
  return { firstLineChars: Math.round(em * 100), firstLine: twips(em * size) };
}

/** w:ind of a style: left and right indents in points, and the first-line indent (see firstLineIndent). */
export function indent(
  look: Pick<ParagraphLook, 'indentLeft' | 'indentRight' | 'firstLineEm'>,
  size = BODY_SIZE,
): string {
  const { indentLeft, indentRight, firstLineEm } = look;
  if (indentLeft === undefined && indentRight === undefined && firstLineEm === undefined) return '';
  const first = firstLineEm !== undefined ? firstLineIndent(firstLineEm, size) : undefined;
  return el('w:ind', {
    'w:left': indentLeft !== undefined ? twips(indentLeft) : undefined,
    'w:right': indentRight !== undefined ? twips(indentRight) : undefined,
    'w:firstLineChars': first?.firstLineChars,
    'w:firstLine': first?.firstLine,
  });
}

/** CT_RPr, in schema order. Bold and italic are written when set either way: `false` undoes what a base style gave. */
function rPr(look: RunLook): string {
  const toggle = (name: string, value: boolean | undefined): string =>
    value === undefined
      ? ''
      : value
        ? el(name) + el(`${name}Cs`)
        : el(name, { 'w:val': '0' }) + el(`${name}Cs`, { 'w:val': '0' });
  return el('w:rPr', {}, [
    toggle('w:b', look.bold),
    toggle('w:i', look.italic),
    look.color ? el('w:color', { 'w:val': look.color }) : '',
    look.size ? el('w:sz', { 'w:val': look.size * 2 }) + el('w:szCs', { 'w:val': look.size * 2 }) : '',
    look.underline ? el('w:u', { 'w:val': 'single' }) : '',
  ]);
}
