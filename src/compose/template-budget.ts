/**
 * What one document's template evaluation may cost. Nesting is bounded before parsing (load/template-nesting.ts),
 * but ten nested `{{#each}}` over twenty values is 20^10 bodies in 240 bytes: evaluation counts the block bodies and
 * partials it runs and the characters it produces, and stops with a positioned refusal instead of a heap abort.
 */

import { LetterError, problem } from '../diag/index.js';
import { MAX_NESTING } from '../load/index.js';

/** Block bodies (each `{{#each}}` item, each `{{#if}}` branch taken) and partials run for one document. */
export const MAX_TEMPLATE_STEPS = 100_000;
/** Characters of Markdown one document's template may produce (a long letter is a few hundred thousand). */
export const MAX_TEMPLATE_OUTPUT = 8_000_000;
/** Partials inside partials: a partial that includes itself would otherwise recurse until the stack overflows. */
export const MAX_PARTIAL_DEPTH = MAX_NESTING;

export interface SourceLoc {
  readonly start: { readonly line: number; readonly column: number };
}

/** The running count for one evaluation; a block's text is counted once, however many blocks enclose it. */
export class TemplateBudget {
  private steps = 0;
  private partials = 0;
  private output = 0;
  /** Per running block body or partial: characters already counted inside it (values, inner bodies). */
  private readonly counted: number[] = [];
  /** Per running block body or partial: the file it is in and the block's (or partial call's) position. */
  private readonly at: { file: string; loc: SourceLoc | undefined }[] = [];

  constructor(private readonly mainFile: string) {}

  /** Runs one block body, counting it and the text it adds. */
  body(loc: SourceLoc | undefined, run: () => string): string {
    return this.run(this.file(), loc, this.file(), run);
  }

  /** Runs a partial from `file`, called at `loc` in the template running now. */
  partial(file: string, loc: SourceLoc | undefined, run: () => string): string {
    if (this.partials >= MAX_PARTIAL_DEPTH) {
      throw this.refusal(
        this.file(),
        loc,
        `partials nested more than ${MAX_PARTIAL_DEPTH} levels deep`,
        'a partial must not include itself, directly or through others',
      );
    }
    this.partials++;
    try {
      return this.run(this.file(), loc, file, run);
    } finally {
      this.partials--;
    }
  }

  /** Counts a value written into the text. */
  value<T extends string>(text: T): T {
    this.add(text.length);
    return text;
  }

  /** The file of the template or partial running now. */
  file(): string {
    return this.at[this.at.length - 1]?.file ?? this.mainFile;
  }

  private run(caller: string, loc: SourceLoc | undefined, file: string, run: () => string): string {
    if (++this.steps > MAX_TEMPLATE_STEPS) {
      throw this.refusal(
        caller,
        loc,
        `the template runs more than ${MAX_TEMPLATE_STEPS.toLocaleString('en')} block bodies and partials for one letter`,
        'nested {{#each}} multiply: iterate over one list at a time',
      );
    }
    this.counted.push(0);
    this.at.push({ file, loc });
    let out: string;
    let inside: number;
    try {
      out = run();
    } finally {
      inside = this.counted.pop()!;
      this.at.pop();
    }
    if (this.counted.length) this.counted[this.counted.length - 1]! += inside;
    this.add(Math.max(0, out.length - inside));
    return out;
  }

  private add(characters: number): void {
    this.output += characters;
    if (this.counted.length) this.counted[this.counted.length - 1]! += characters;
    if (this.output > MAX_TEMPLATE_OUTPUT) {
      const inner = this.at[this.at.length - 1];
      throw this.refusal(
        this.file(),
        inner?.loc,
        `the template produces more than ${MAX_TEMPLATE_OUTPUT.toLocaleString('en')} characters for one letter`,
        'a value or block is repeated too often; check the {{#each}} blocks',
      );
    }
  }

  private refusal(file: string, loc: SourceLoc | undefined, message: string, hint: string): LetterError {
    const where = loc ? { file, line: loc.start.line, column: loc.start.column + 1 } : { file };
    return new LetterError(problem('input-too-large', message, where, hint));
  }
}
