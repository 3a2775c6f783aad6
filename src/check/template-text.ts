/**
 * A project template's own text (the words and marks it writes around the values) must be drawable too: composing
 * checks every value it reads, but a character written in the template itself was found only while typesetting, as a
 * failed document (exit 1, no position, the manifest written). Checked here, before anything renders, at its place:
 * in the templates this letter runs, outside what Markdown never prints (HTML comments, link targets) and outside
 * inline partials' bodies. Text inside a block ({{#if}}, {{#each}}) may never print (a branch for another language):
 * a warning there, and typesetting still refuses the character if it does print.
 */

import type { Diagnostic } from '../diag/index.js';
import { uncoveredProblem, type FontBook } from '../fonts/index.js';
import {
  lineStarts,
  locationAt,
  parsedTemplate,
  partialCalledAs,
  templatesInUse,
  type Project,
  type TemplateSource,
} from '../load/index.js';
import type { Lang } from '../model/index.js';

interface TextPiece {
  readonly text: string;
  /** Offset of the text in the template's source. */
  readonly offset: number;
  /** Inside a block's body or its {{else}}: printed only when the block says so. */
  readonly conditional: boolean;
}

/**
 * Characters of the project's own templates that no face of a language they serve covers, each once per language:
 * errors, or warnings for text inside a block.
 */
export function templateTextProblems(
  project: Project,
  fonts: FontBook,
  langs: readonly Lang[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const own = [...project.templates.values()].filter((t) => t.own);
  if (!own.length) return out;
  const inUse = templatesInUse(project.templates, project.letter.template);
  for (const template of own) {
    // The tool's own templates were checked when it was built; one file under two names is checked once.
    if (!inUse.has(template) || seen.has(template.file)) continue;
    seen.add(template.file);
    // The letter's template serves every language (compose renders it for each); a partial, the languages it is
    // called in (`closing.zh.hbs` Chinese letters only, `closing.hbs` every language without a `closing.<lang>`).
    const served = template.name.startsWith('partials/')
      ? langs.filter((l) => partialCalledAs(project.templates, template.name, l) !== undefined)
      : langs;
    if (!served.length) continue;
    const pieces = textPieces(template);
    for (const lang of served) {
      const reported = new Set<number>();
      for (const piece of pieces) {
        for (const cp of fonts.uncovered(piece.text, lang)) {
          if (reported.has(cp)) continue;
          reported.add(cp);
          const at = locationAt(template.source, piece.offset + piece.text.indexOf(String.fromCodePoint(cp)));
          const found = uncoveredProblem(cp, lang, {
            file: template.file,
            line: at.line,
            column: at.column,
            key: 'template text',
            lang,
          });
          out.push(piece.conditional ? { ...found, severity: 'warning' } : found);
        }
      }
    }
  }
  return out;
}

/** What Markdown reads but never prints: HTML comments, and the target of a link or image (`](…)`). */
const UNPRINTED = /<!--[\s\S]*?(?:-->|$)|\]\([^)]*\)?/g;

/**
 * The template's literal text that may print, outside every {{…}}, with what Markdown never prints blanked; none for a
 * template that does not parse (load reported it).
 */
function textPieces(template: TemplateSource): TextPiece[] {
  let ast: unknown;
  try {
    ast = parsedTemplate(template);
  } catch {
    return [];
  }
  const starts = lineStarts(template.source);
  const pieces: TextPiece[] = [];
  const visit = (node: unknown, conditional: boolean): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, conditional);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const n = node as {
      type?: string;
      original?: unknown;
      loc?: { start: { line: number; column: number } };
    };
    if (n.type === 'ContentStatement' && typeof n.original === 'string' && n.loc) {
      // Blanked to spaces, so that the offsets of what is left stay those of the source.
      const text = n.original.replace(UNPRINTED, (hidden) => ' '.repeat(hidden.length));
      pieces.push({ text, offset: starts[n.loc.start.line - 1]! + n.loc.start.column, conditional });
      return;
    }
    // An inline partial's body prints only where it is called (its text is checked there by typesetting).
    if (n.type === 'DecoratorBlock') return;
    const block = n.type === 'BlockStatement';
    for (const [key, value] of Object.entries(node))
      if (key !== 'loc') visit(value, conditional || (block && (key === 'program' || key === 'inverse')));
  };
  visit(ast, false);
  return pieces;
}
