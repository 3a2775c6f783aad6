/** Reading a tagged PDF back: the structure tree with text (pdfinfo -struct-text) and /Lang, /Alt (qpdf --json). */

import { execFileSync } from 'node:child_process';

/** A structure element as a reader sees it. */
export interface ReadNode {
  readonly role: string;
  readonly lang?: string;
  readonly alt?: string;
  /** All text inside the element, in reading order, lines joined without separators. */
  readonly text: string;
  readonly children: readonly ReadNode[];
}

type QpdfValue = string | number | boolean | null | QpdfValue[] | { [key: string]: QpdfValue };
type QpdfObjects = Record<string, { value?: QpdfValue; stream?: { dict: Record<string, QpdfValue> } }>;

/** Every object of the file, by `obj:N 0 R`, as qpdf's JSON v2 gives them. */
export function qpdfObjects(path: string): QpdfObjects {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json=2', '--json-key=qpdf', path], { encoding: 'utf8', maxBuffer: 256 << 20 }),
  ) as { qpdf: [unknown, QpdfObjects] };
  return json.qpdf[1];
}

/** The dictionary an indirect reference (`12 0 R`) or inline value stands for. */
export function deref(
  objects: QpdfObjects,
  value: QpdfValue | undefined,
): Record<string, QpdfValue> | undefined {
  if (typeof value === 'string' && / R$/.test(value)) {
    const entry = objects[`obj:${value}`];
    return (entry?.value ?? entry?.stream?.dict) as Record<string, QpdfValue> | undefined;
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** A qpdf text string (`u:…`) as plain text. */
export function pdfString(value: QpdfValue | undefined): string | undefined {
  return typeof value === 'string' && value.startsWith('u:') ? value.slice(2) : undefined;
}

/** The document catalog. */
export function catalog(objects: QpdfObjects): Record<string, QpdfValue> {
  const trailer = objects['trailer']!.value as Record<string, QpdfValue>;
  return deref(objects, trailer['/Root'])!;
}

interface TextNode {
  role: string;
  text: string;
  children: TextNode[];
}

/** pdfinfo -struct-text: elements indented two spaces a level (`Role (block)`, `Role:` with attributes), text lines in quotes. */
function structText(path: string): TextNode {
  const out = execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8' });
  const root: TextNode = { role: '(root)', text: '', children: [] };
  const stack: { depth: number; node: TextNode }[] = [{ depth: -1, node: root }];
  for (const line of out.split('\n')) {
    // Attribute lines (`/BBox [...]` under `Figure:`) carry layout, not structure.
    if (!line.trim() || line.trim().startsWith('/')) continue;
    const depth = (line.length - line.trimStart().length) / 2;
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const trimmed = line.trim();
    if (trimmed.startsWith('"')) {
      const text = trimmed.slice(1, -1);
      for (const { node } of stack) node.text += text;
      continue;
    }
    const node: TextNode = { role: trimmed.split(' ')[0]!.replace(/:$/, ''), text: '', children: [] };
    stack[stack.length - 1]!.node.children.push(node);
    stack.push({ depth, node });
  }
  return root;
}

/** Structure elements in pre-order, from the StructTreeRoot. */
function qpdfElements(objects: QpdfObjects): Record<string, QpdfValue>[] {
  const root = deref(objects, catalog(objects)['/StructTreeRoot']);
  const out: Record<string, QpdfValue>[] = [];
  const walk = (k: QpdfValue | undefined): void => {
    for (const kid of Array.isArray(k) ? k : k === undefined ? [] : [k]) {
      const dict = deref(objects, kid);
      if (!dict || dict['/S'] === undefined) continue; // MCIDs, marked-content and object references
      out.push(dict);
      walk(dict['/K']);
    }
  };
  walk(root?.['/K']);
  return out;
}

/** The Document element with text, /Lang and /Alt on every element. Throws when the two readings disagree. */
export function readStructure(path: string): ReadNode {
  const elements = qpdfElements(qpdfObjects(path));
  let index = 0;
  const join = (node: TextNode): ReadNode => {
    const dict = elements[index++];
    if (!dict || dict['/S'] !== `/${node.role}`)
      throw new Error(`structure mismatch at element ${index}: ${node.role} vs ${String(dict?.['/S'])}`);
    const lang = pdfString(dict['/Lang']);
    const alt = pdfString(dict['/Alt']);
    return {
      role: node.role,
      ...(lang ? { lang } : {}),
      ...(alt ? { alt } : {}),
      text: node.text,
      children: node.children.map(join),
    };
  };
  const [document] = structText(path).children.map(join);
  if (!document) throw new Error('no structure tree');
  return document;
}

/** Every element of a tree, in pre-order. */
export function flatten(node: ReadNode): ReadNode[] {
  return [node, ...node.children.flatMap(flatten)];
}
