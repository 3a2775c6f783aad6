/** The letter's logical structure for a tagged PDF: elements built while blocks are set, content linked by tag ids. */

import type { FontBook } from '../fonts/index.js';
import type { Lang } from '../model/index.js';
import type { StyledRun } from './runs.js';
import type { PageItem, StructNode, StructRole } from './types.js';

interface Draft {
  readonly id: number;
  readonly role: StructRole;
  readonly lang?: string;
  readonly alt?: string;
  readonly title?: string;
  readonly children: Draft[];
}

/** Optional attributes of a new element. */
export interface StructAttributes {
  /** BCP 47 tag, only when it differs from the document's. */
  readonly lang?: string;
  readonly alt?: string;
  /** Bookmark text: set on headings the outline lists. */
  readonly title?: string;
}

/**
 * Grows the structure tree in reading order. Blocks open elements under their parent; runs are tagged with the
 * element that holds their text. Elements that end up without content (an empty paragraph) are dropped by `finish`.
 */
export class StructureBuilder {
  private nextId = 0;
  private readonly byId = new Map<number, Draft>();
  /** The Document element. */
  readonly root: number;

  constructor(
    private readonly docLang: Lang,
    private readonly fonts: FontBook,
  ) {
    this.root = this.open(undefined, 'Document');
  }

  /** A new element, last child of `parent` (none for the root); returns its id. */
  open(parent: number | undefined, role: StructRole, attrs: StructAttributes = {}): number {
    const draft: Draft = { id: this.nextId++, role, ...attrs, children: [] };
    this.byId.set(draft.id, draft);
    if (parent !== undefined) this.draft(parent).children.push(draft);
    return draft.id;
  }

  /**
   * Tag runs as the content of `parent`: text in the letter's language directly, text in another language in a Span
   * with its /Lang, a link's text in a Link element (its annotation joins the same element).
   */
  tagRuns(runs: readonly StyledRun[], parent: number): StyledRun[] {
    let group: { id: number; lang: Lang; link: string | undefined } | undefined;
    return runs.map((run) => {
      const foreign = run.spokenLang !== this.docLang;
      if (!foreign && !run.link) {
        group = undefined;
        return { ...run, tag: parent };
      }
      if (!group || group.lang !== run.spokenLang || group.link !== run.link) {
        const lang = foreign ? { lang: this.fonts.locale(run.spokenLang) } : {};
        group = {
          id: this.open(parent, run.link ? 'Link' : 'Span', lang),
          lang: run.spokenLang,
          link: run.link,
        };
      }
      return { ...run, tag: group.id };
    });
  }

  /** The finished tree, keeping only elements with content on some page (or a descendant with content). */
  finish(pages: readonly (readonly PageItem[])[]): StructNode {
    const used = new Set<number>();
    for (const items of pages) for (const item of items) if (item.tag !== undefined) used.add(item.tag);
    const prune = (draft: Draft): StructNode | undefined => {
      const children = draft.children.map(prune).filter((c): c is StructNode => c !== undefined);
      if (children.length === 0 && !used.has(draft.id) && draft.id !== this.root) return undefined;
      const { id, role, lang, alt, title } = draft;
      return {
        id,
        role,
        ...(lang ? { lang } : {}),
        ...(alt ? { alt } : {}),
        ...(title ? { title } : {}),
        children,
      };
    };
    return prune(this.draft(this.root))!;
  }

  private draft(id: number): Draft {
    const draft = this.byId.get(id);
    if (!draft) throw new Error(`no structure element ${id}`);
    return draft;
  }
}
