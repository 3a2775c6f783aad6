/** Sandboxed Handlebars: values escaped for Markdown, partials resolved by language first, no file or prototype access. */

import Handlebars from 'handlebars';
import { LetterError, problem } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import type { TemplateSource } from '../load/index.js';
import { escapeMarkdown } from './escape.js';
import { LANG_SUFFIX } from '../load/paths.js';

export type Render = (context: object) => string;

/** Compiles the letter's template once per language, with that language's partials. */
export class TemplateSet {
  private readonly compiled = new Map<Lang, Render>();

  // Syntax, partials and helpers were checked when the project was loaded (load/template-check.ts).
  constructor(
    private readonly sources: ReadonlyMap<string, TemplateSource>,
    private readonly main: string,
  ) {}

  /** The render function for one language: `partials/closing.zh` wins over `partials/closing` for zh. */
  forLang(lang: Lang): Render {
    let render = this.compiled.get(lang);
    if (!render) {
      render = this.compile(lang);
      this.compiled.set(lang, render);
    }
    return render;
  }

  private compile(lang: Lang): Render {
    const hb = sandboxedHandlebars();
    const partials = new Map<string, TemplateSource>();
    for (const [name, source] of this.sources) {
      if (!name.startsWith('partials/')) continue;
      const bare = name.slice('partials/'.length);
      const m = LANG_SUFFIX.exec(bare);
      if (m) {
        if (m[2] === lang) partials.set(m[1]!, source);
      } else if (!this.sources.has(`partials/${bare}.${lang}`)) partials.set(bare, source);
    }
    for (const [name, source] of partials) hb.registerPartial(name, hb.compile(source.source, { strict: false }));
    const main = this.sources.get(this.main)!;
    const template = hb.compile(main.source, { strict: false });
    return (context) => {
      try {
        return template(context, { allowProtoMethodsByDefault: false, allowProtoPropertiesByDefault: false });
      } catch (e) {
        throw new LetterError(problem('template-error', `template '${main.file}' failed for '${lang}': ${(e as Error).message.split('\n')[0]}`, { file: main.file }, 'check the partial names and helpers the template uses'));
      }
    };
  }
}

/** An isolated Handlebars whose `{{x}}` escapes for Markdown (not HTML) and whose helpers only format values. */
function sandboxedHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  // Per-instance escaping (libs.md §8): overriding Utils.escapeExpression would change every instance in the process.
  const Base = (hb as unknown as { JavaScriptCompiler: new () => object }).JavaScriptCompiler;
  class MarkdownCompiler extends Base {}
  const proto = MarkdownCompiler.prototype as unknown as {
    appendEscaped(this: CompilerInternals): void;
    compiler: unknown;
  };
  proto.appendEscaped = function appendEscaped(this: CompilerInternals) {
    this.pushSource(this.appendToBuffer(['container.helpers.__escape(', this.popStack(), ', {})']));
  };
  proto.compiler = MarkdownCompiler;
  (hb as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = MarkdownCompiler;
  hb.registerHelper('__escape', (value: unknown) => {
    if (value === null || value === undefined) return '';
    if (value instanceof hb.SafeString) return value.toHTML();
    return escapeMarkdown(String(value));
  });
  /** Lines joined with Markdown hard breaks (an address block). */
  hb.registerHelper('lines', (value: unknown) => {
    const lines = Array.isArray(value) ? value : [value];
    return new hb.SafeString(lines.map((l) => (l instanceof hb.SafeString ? l.toHTML() : escapeMarkdown(String(l ?? '')))).join('\\\n'));
  });
  /** Text prefixed for a Markdown block quote, line by line. */
  hb.registerHelper('blockquote', (value: unknown) => {
    const text = value instanceof hb.SafeString ? value.toHTML() : escapeMarkdown(String(value ?? ''));
    return new hb.SafeString(text.split('\n').map((l) => `> ${l}`).join('\n'));
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // `{{log}}` writes to the console: it would corrupt `--json` output on stdout. load/template-check.ts lists the rest.
  hb.unregisterHelper('log');
  return hb;
}

interface CompilerInternals {
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  popStack(): unknown;
}
