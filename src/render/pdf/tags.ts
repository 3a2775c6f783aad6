/** The tagged PDF: pdfkit structure elements for the typeset structure tree, marked content, artifacts, bookmarks. */

import type { PagedLetter, PageItem, StructNode } from '../../typeset/index.js';

/** pdfkit's struct options also take a layout BBox (pdfkit coordinates); its typings stop at the strings. */
type StructOptions = PDFKit.Mixins.StructureElementOptions & { bbox?: [number, number, number, number] };
/** pdfkit's outline items also take a destination's top and left; its typings only know `expanded`. */
type OutlineOptions = { expanded?: boolean; top?: number; left?: number };

/**
 * Opens pdfkit structure elements lazily, in the order their content is drawn, so that an element's children (text
 * and inline Spans) keep reading order; ends each element right after its last content, so pdfkit writes it while
 * its page is current (pdfkit gives a link's OBJR the current page).
 */
export class Tagger {
  private readonly nodes = new Map<number, StructNode>();
  private readonly parents = new Map<number, number>();
  private readonly elements = new Map<number, PDFKit.PDFStructureElement>();
  /** By page, then item index: the elements whose last content the item is. */
  private readonly endings: (number[] | undefined)[][] = [];
  private readonly outline: { level: number; item: PDFKit.PDFOutline }[] = [];
  private readonly root: PDFKit.PDFStructureElement;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly paged: PagedLetter,
  ) {
    const walk = (node: StructNode): void => {
      this.nodes.set(node.id, node);
      for (const child of node.children) {
        this.parents.set(child.id, node.id);
        walk(child);
      }
    };
    walk(paged.structure);
    this.root = pdf.struct(paged.structure.role);
    pdf.addStructure(this.root);
    this.elements.set(paged.structure.id, this.root);
    this.planEndings();
  }

  /**
   * Draw one item inside its marked content: the content of its element, or an artifact when it has no tag. `paint`
   * draws it (one function for every item: a batch draws tens of thousands, so no closure each).
   */
  draw<T extends PageItem>(
    item: T,
    pageIndex: number,
    itemIndex: number,
    paint: (item: T, structParent?: PDFKit.PDFStructureElement) => void,
  ): void {
    const node = item.tag === undefined ? undefined : this.nodes.get(item.tag);
    if (!node) {
      // Page numbers repeat on every page and say nothing a reader needs: pagination artifacts, skipped by readers.
      this.pdf.markContent('Artifact', item.kind === 'text' ? { type: 'Pagination' } : {});
      paint(item);
      this.pdf.endMarkedContent();
      return;
    }
    const element = this.element(node.id, item);
    const content = this.pdf.markStructureContent(node.role);
    paint(item, element);
    this.pdf.endMarkedContent();
    element.add(content);
    const ended = this.endings[pageIndex]?.[itemIndex];
    if (ended) for (const id of ended) this.elements.get(id)?.end();
  }

  /** End the Document element: call after the last page, before `pdf.end()`. */
  finish(): void {
    this.root.end();
  }

  /**
   * Put a signature widget in a Form element (PDF/UA: every annotation is in the structure), next to the Document
   * element, whose children pdfkit has already written. Call with the widget before it is ended.
   */
  tagWidget(alt: string): (widget: PDFKit.PDFKitReference, page: PDFKit.PDFKitReference) => void {
    return (widget, page) => {
      const treeRoot = this.pdf.getStructTreeRoot() as unknown as { data: { K: unknown[] } };
      const form = this.pdf.ref({
        S: 'Form',
        P: treeRoot,
        Alt: new String(alt),
        K: { Type: 'OBJR', Obj: widget, Pg: page },
      });
      const key = this.pdf.createStructParentTreeNextKey();
      (widget.data as Record<string, unknown>)['StructParent'] = key;
      (this.pdf as unknown as { getStructParentTree(): { add(key: number, value: unknown): void } })
        .getStructParentTree()
        .add(key, form);
      treeRoot.data.K.push(form);
      form.end(undefined);
    };
  }

  private element(id: number, first: PageItem): PDFKit.PDFStructureElement {
    const open = this.elements.get(id);
    if (open) return open;
    const node = this.nodes.get(id)!;
    const parent = this.element(this.parents.get(id)!, first);
    const options: StructOptions = {
      ...(node.lang ? { lang: node.lang } : {}),
      ...(node.alt ? { alt: node.alt } : {}),
      ...(node.role === 'Figure' && first.kind === 'image'
        ? { bbox: [first.x, first.y, first.x + first.width, first.y + first.height] }
        : {}),
    };
    const element = this.pdf.struct(node.role, options as PDFKit.Mixins.StructureElementOptions);
    parent.add(element);
    this.elements.set(id, element);
    if (node.title) this.bookmark(node, first);
    return element;
  }

  /** A bookmark for a heading, nested under the last bookmark of a higher level. */
  private bookmark(node: StructNode, first: PageItem): void {
    const level = Number(node.role.slice(1)) || 1;
    while (this.outline.length && this.outline[this.outline.length - 1]!.level >= level) this.outline.pop();
    const parent = this.outline[this.outline.length - 1]?.item ?? this.pdf.outline;
    const size = first.kind === 'text' ? first.size : first.height;
    // pdfkit measures the destination's left from the page's right edge: a full width puts it at the left edge.
    const options: OutlineOptions = {
      expanded: true,
      top: Math.max(0, first.y - 1.2 * size),
      left: this.paged.geometry.width,
    };
    this.outline.push({ level, item: parent.addItem(node.title!, options as { expanded?: boolean }) });
  }

  /** Where each element's content ends: the last item, in drawing order, tagged with it or a descendant. */
  private planEndings(): void {
    // Element id → its last item (one position per item, shared by the item's element and its ancestors).
    const last = new Map<number, { readonly page: number; readonly index: number }>();
    this.paged.pages.forEach((page, p) =>
      page.items.forEach((item, index) => {
        const at = { page: p, index };
        for (let id = item.tag; id !== undefined && id !== this.paged.structure.id; id = this.parents.get(id))
          last.set(id, at);
      }),
    );
    for (const [id, { page, index }] of last) ((this.endings[page] ??= [])[index] ??= []).push(id);
  }
}
