/**
 * A project template's own text (the words and marks it writes around the values) must be drawable too: composing
 * checks every value it reads, but a character written in the template itself was found only while typesetting, as a
 * failed document (exit 1, no position, the manifest written). Checked here, before anything renders, at its place.
 */

import type { Diagnostic } from '../diag/index.js';
import { uncoveredProblem, type FontBook } from '../fonts/index.js';
import { handlebarsWithCompiler, LANG_SUFFIX, locationAt, type Project } from '../load/index.js';
import type { Lang } from '../model/index.js';

interface TextPiece {
  readonly text: string;
  /** Offset of the text in the template's source. */
  readonly offset: number;
}

/** Characters of the project's own templates that no face of a language they serve covers, each once per language. */
export function templateTextErrors(project: Project, fonts: FontBook, langs: readonly Lang[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const template of project.templates.values()) {
    // The tool's own templates were checked when it was built; one file under two names is checked once.
    if (!template.own || seen.has(template.file)) continue;
    seen.add(template.file);
    // `closing.zh.hbs` serves Chinese letters only; `closing.hbs` every language that has no `closing.<lang>` of its own.
    // A template letter.yaml names by path (`file:./letter.hbs`) has no language, whatever its extension looks like.
    const only = template.name.startsWith('file:') ? undefined : LANG_SUFFIX.exec(template.name)?.[2];
    const served =
      only === undefined
        ? langs.filter((l) => !project.templates.has(`${template.name}.${l}`))
        : langs.filter((l) => l === only);
    if (!served.length) continue;
    const pieces = textPieces(template.source);
    for (const lang of served) {
      const reported = new Set<number>();
      for (const piece of pieces) {
        for (const cp of fonts.uncovered(piece.text, lang)) {
          if (reported.has(cp)) continue;
          reported.add(cp);
          const at = locationAt(template.source, piece.offset + piece.text.indexOf(String.fromCodePoint(cp)));
          out.push(
            uncoveredProblem(cp, lang, {
              file: template.file,
              line: at.line,
              column: at.column,
              key: 'template text',
              lang,
            }),
          );
        }
      }
    }
  }
  return out;
}

/** The template's literal text, outside every {{…}}; none for a template that does not parse (load reported it). */
function textPieces(source: string): TextPiece[] {
  let ast: unknown;
  try {
    ast = handlebarsWithCompiler().parse(source);
  } catch {
    return [];
  }
  const starts = lineStarts(source);
  const pieces: TextPiece[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const n = node as {
      type?: string;
      original?: unknown;
      loc?: { start: { line: number; column: number } };
    };
    if (n.type === 'ContentStatement' && typeof n.original === 'string' && n.loc) {
      pieces.push({ text: n.original, offset: starts[n.loc.start.line - 1]! + n.loc.start.column });
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') visit(value);
  };
  visit(ast);
  return pieces;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
