/** The Markdown a template rendered, with container directives for the letter's parts, parsed into the document model. */

import { refusedLink } from './links.js';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { parseWhole, type MarkdownMemo } from './markdown-memo.js';
import type { BlockContent, DefinitionContent, ListItem, PhrasingContent, RootContent } from 'mdast';
import { LetterError, problem } from '../diag/index.js';
import {
  PARTS,
  type Align,
  type Block,
  type Inline,
  type Part,
  type Section,
  type Signature,
} from '../model/index.js';

export interface MarkdownContext {
  /** Where the Markdown came from, for errors: the template file. */
  readonly file: string;
  /** Signature blocks, referenced from the Markdown as `::signature{index=N}`. */
  readonly signatures: readonly Signature[];
}

/**
 * Parses the rendered template; every top-level block must sit inside a `:::part` container. With a batch's `memo`,
 * the pieces this letter shares with the letters before it are not parsed again (the same model either way).
 */
export function parseLetterMarkdown(markdown: string, ctx: MarkdownContext, memo?: MarkdownMemo): Section[] {
  let nodes = memo ? memo.parse(markdown) : parseWhole(markdown);
  // A template's mistake is reported at its line in the whole output, which only the whole parse knows.
  if (memo && !nodes.every(isPart)) nodes = parseWhole(markdown);
  const sections: Section[] = [];
  for (const node of nodes) {
    if (node.type === 'containerDirective' && isPart(node)) {
      sections.push(section(node, ctx));
    } else if (node.type !== 'html' && node.type !== 'definition') {
      const line = node.position?.start.line ?? 1;
      throw new LetterError(
        problem(
          'template-error',
          `the template rendered ${node.type === 'containerDirective' ? `an unknown part ':::${node.name}'` : 'text outside a `:::part` block'} (line ${line} of its output)`,
          { file: ctx.file },
          `wrap every block in one of ${PARTS.map((p) => `:::${p}`).join(', ')}`,
        ),
      );
    }
  }
  return ccWithSignatures(sections);
}

function isPart(node: RootContent): boolean {
  return node.type === 'containerDirective' && (PARTS as readonly string[]).includes(node.name);
}

/**
 * `cc:` belongs to the signature block: never alone on the last page. Every part from the signatures to the cc line
 * (the date under Chinese signatures, the enclosures) keeps with the next, whatever the template's attributes say.
 */
function ccWithSignatures(sections: Section[]): Section[] {
  const cc = sections.findIndex((s) => s.part === 'cc');
  const signatures = sections
    .slice(0, Math.max(cc, 0))
    .map((s) => s.part)
    .lastIndexOf('signatures');
  if (cc < 0 || signatures < 0) return sections;
  return sections.map((s, i) =>
    i >= signatures && i < cc && !s.keepWithNext ? { ...s, keepWithNext: true } : s,
  );
}

function section(node: ContainerDirective, ctx: MarkdownContext): Section {
  const attrs = node.attributes ?? {};
  const part = node.name as Part;
  return {
    part,
    align: toAlign(attrs['align']),
    keepTogether: attrs['keep'] === 'together' || 'keep' in attrs || part === 'signatures',
    keepWithNext: attrs['keep-next'] !== undefined || part === 'close',
    firstLineIndent: Number(attrs['indent'] ?? 0) || 0,
    blocks: blocks(node.children, ctx),
  };
}

function toAlign(value: string | null | undefined): Align {
  return value === 'center' || value === 'end' || value === 'justify' ? value : 'start';
}

function blocks(
  nodes: readonly (RootContent | BlockContent | DefinitionContent)[],
  ctx: MarkdownContext,
): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        out.push({ type: 'paragraph', inlines: inlines(node.children) });
        break;
      case 'heading':
        out.push({
          type: 'heading',
          level: Math.min(3, Math.max(1, node.depth)) as 1 | 2 | 3,
          inlines: inlines(node.children),
        });
        break;
      case 'blockquote': {
        const attribution = node.children.find(
          (c): c is LeafDirective => c.type === 'leafDirective' && c.name === 'attribution',
        );
        const rest = node.children.filter((c) => c !== attribution);
        out.push({
          type: 'quote',
          blocks: blocks(rest, ctx),
          ...(attribution ? { attribution: inlines(attribution.children) } : {}),
        });
        break;
      }
      case 'list':
        out.push({
          type: 'list',
          ordered: node.ordered === true,
          items: node.children.map((item: ListItem) => blocks(item.children, ctx)),
        });
        break;
      case 'thematicBreak':
        out.push({ type: 'pagebreak' });
        break;
      case 'leafDirective':
        out.push(...leaf(node, ctx));
        break;
      case 'code':
        out.push({ type: 'paragraph', inlines: [{ type: 'text', value: node.value }] });
        break;
      default:
        break;
    }
  }
  return out;
}

function leaf(node: LeafDirective, ctx: MarkdownContext): Block[] {
  if (node.name === 'pagebreak') return [{ type: 'pagebreak' }];
  // `::vocative[President Xi Jinping,]`: the mid-letter re-address, flush like the salutation (Chinese 顶格).
  if (node.name === 'vocative') return [{ type: 'paragraph', inlines: inlines(node.children), flush: true }];
  if (node.name === 'signature') {
    const index = Number(node.attributes?.['index']);
    const signature = ctx.signatures[index];
    if (!signature)
      throw new LetterError(
        problem(
          'template-error',
          `::signature{index=${node.attributes?.['index'] ?? ''}} names no signatory`,
          { file: ctx.file },
          'use indexes of letter.yaml signatories, from 0',
        ),
      );
    return [signature];
  }
  // An unknown leaf directive is text the author meant literally (`::note` in a sentence).
  return [
    { type: 'paragraph', inlines: [{ type: 'text', value: `::${node.name}` }, ...inlines(node.children)] },
  ];
}

function inlines(nodes: readonly PhrasingContent[], lang?: string): Inline[] {
  const out: Inline[] = [];
  const text = (value: string) => {
    const last = out[out.length - 1];
    // Adjacent text (split by escapes or unknown directives) becomes one run, so line breaking sees whole words.
    if (last?.type === 'text' && last.lang === lang)
      out[out.length - 1] = { ...last, value: last.value + value };
    else out.push(lang ? { type: 'text', value, lang } : { type: 'text', value });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text(node.value.replace(/\r?\n/g, ' '));
        break;
      case 'inlineCode':
        text(node.value);
        break;
      case 'html':
        text(node.value);
        break;
      case 'strong':
        out.push({ type: 'strong', children: inlines(node.children, lang) });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: inlines(node.children, lang) });
        break;
      case 'link':
        // Values are checked where they are read (compose/sources.ts); a link a template writes itself is held to the
        // same rule here: one the letter may not carry prints as its text, never as a clickable target.
        if (refusedLink(node.url)) out.push(...inlines(node.children, lang));
        else out.push({ type: 'link', url: node.url, children: inlines(node.children, lang) });
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'textDirective':
        out.push(...textDirective(node, lang, text));
        break;
      default:
        if ('children' in node) out.push(...inlines(node.children as PhrasingContent[], lang));
        else if ('value' in node) text(String(node.value));
    }
  }
  return out;
}

/** `:span[习近平]{lang=zh}` marks a span in another language; any other `:name` is literal text. */
function textDirective(node: TextDirective, lang: string | undefined, text: (v: string) => void): Inline[] {
  const spanLang = node.attributes?.['lang'];
  if (node.name === 'span' && spanLang) return inlines(node.children, spanLang);
  text(`:${node.name}`);
  return inlines(node.children, lang);
}
