/**
 * The glyphs a PDF's pages draw, read back from its content streams: each glyph's code, face and position on the page,
 * independent of the renderer that wrote them. Enough of PDF for what pdfkit writes (no object streams, no xref
 * streams, Type0 fonts with two-byte codes): objects found by `N 0 obj`, Flate streams inflated, and the text and
 * graphics state operators that move glyphs (q Q cm BT Tm Td Tf Tc TJ Tj) followed through each page's content.
 */

import { inflateSync } from 'node:zlib';

/** One glyph as drawn: its two-byte code in its font, the font's /BaseFont, and its origin in PDF user space. */
export interface PlacedGlyph {
  readonly page: number;
  readonly font: string;
  readonly code: number;
  readonly x: number;
  readonly y: number;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2 (PDF's row-vector convention: a point p maps to p · m1 · m2). */
function times(m1: Matrix, m2: Matrix): Matrix {
  const [a, b, c, d, e, f] = m1;
  const [A, B, C, D, E, F] = m2;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

/** Every `N 0 obj` of the file by number (the last one wins, as an incremental update would have it). */
function objects(bytes: Uint8Array): Map<number, PdfObject> {
  const text = Buffer.from(bytes).toString('latin1');
  const out = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\s*/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const at = body.indexOf('stream');
    if (at < 0 || !/^<</.test(body)) {
      out.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const dataStart = start + at + 'stream'.length + (text[start + at + 6] === '\r' ? 2 : 1);
    let data = Buffer.from(bytes.subarray(dataStart, dataStart + length));
    if (/\/Filter\s*\/FlateDecode/.test(dict)) data = inflateSync(data);
    out.set(Number(m[1]), { dict, stream: data });
    head.lastIndex = end;
  }
  return out;
}

const ref = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** The glyph widths (/W, /DW) of a Type0 font, by code (Identity-H: code = CID), in thousandths of an em. */
function fontWidths(
  objs: Map<number, PdfObject>,
  fontRef: number,
): { name: string; width: (code: number) => number } {
  const font = objs.get(fontRef)!.dict;
  const name = /\/BaseFont\s*\/([^\s/>]+)/.exec(font)?.[1] ?? String(fontRef);
  const descendants = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(font);
  if (!descendants) throw new Error(`font ${name} is not a Type0 font`);
  const cid = objs.get(Number(descendants[1]))!.dict;
  const dw = Number(/\/DW\s+([\d.]+)/.exec(cid)?.[1] ?? 1000);
  const widths = new Map<number, number>();
  const w = /\/W\s*\[([\s\S]*)\]/.exec(cid)?.[1] ?? '';
  const tokens = [...w.matchAll(/\[|\]|-?[\d.]+/g)].map((t) => t[0]);
  for (let i = 0; i < tokens.length; ) {
    const first = Number(tokens[i++]);
    if (tokens[i] === '[') {
      i++;
      for (let c = first; tokens[i] !== ']'; c++) widths.set(c, Number(tokens[i++]));
      i++;
    } else {
      const last = Number(tokens[i++]);
      const width = Number(tokens[i++]);
      for (let c = first; c <= last; c++) widths.set(c, width);
    }
  }
  return { name, width: (code) => widths.get(code) ?? dw };
}

/** The page objects in page-tree order. */
function pages(objs: Map<number, PdfObject>): number[] {
  const catalog = [...objs.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))!.dict;
  const out: number[] = [];
  const walk = (n: number): void => {
    const dict = objs.get(n)!.dict;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict);
    if (kids) for (const k of kids[1]!.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    else out.push(n);
  };
  walk(ref(catalog, 'Pages')!);
  return out;
}

/** Operands and operators of a content stream; strings as their bytes, arrays as lists. */
type Operand = number | string | Buffer | Operand[];

function* operations(content: string): Generator<{ op: string; args: Operand[] }> {
  const token =
    /\s*(?:(<<|>>)|<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)|(\[)|(\])|(\/[^\s/<>[\]()]+)|(-?[\d.]+)|([A-Za-z'"*]+))/gy;
  const stack: Operand[][] = [[]];
  let dict = 0;
  for (let m = token.exec(content); m; m = token.exec(content)) {
    const top = stack[stack.length - 1]!;
    if (m[1]) dict += m[1] === '<<' ? 1 : -1;
    else if (dict > 0)
      continue; // a marked-content property list: nothing that moves glyphs
    else if (m[2] !== undefined) top.push(Buffer.from(m[2].replace(/\s/g, ''), 'hex'));
    else if (m[3] !== undefined) top.push(Buffer.from(m[3], 'latin1'));
    else if (m[4]) stack.push([]);
    else if (m[5]) {
      const list = stack.pop()!;
      stack[stack.length - 1]!.push(list);
    } else if (m[6]) top.push(m[6]);
    else if (m[7]) top.push(Number(m[7]));
    else if (m[8]) {
      yield { op: m[8], args: top.splice(0) };
    }
  }
}

/** Every glyph the pages of `bytes` draw, in content order, with its origin in user space (y up). */
export function placedGlyphs(bytes: Uint8Array): PlacedGlyph[] {
  const objs = objects(bytes);
  const faces = new Map<number, ReturnType<typeof fontWidths>>();
  const face = (n: number): ReturnType<typeof fontWidths> => {
    let f = faces.get(n);
    if (!f) faces.set(n, (f = fontWidths(objs, n)));
    return f;
  };
  const out: PlacedGlyph[] = [];
  pages(objs).forEach((pageRef, page) => {
    const dict = objs.get(pageRef)!.dict;
    const resources = ref(dict, 'Resources');
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources ? objs.get(resources)!.dict : dict)?.[1] ?? '';
    const fonts = new Map<string, number>();
    for (const f of fontDict.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)) fonts.set(f[1]!, Number(f[2]));
    const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(dict)!;
    const streams = (contents[1] ?? `${contents[2]} 0 R`).matchAll(/(\d+) 0 R/g);
    const content = [...streams].map((s) => objs.get(Number(s[1]))!.stream!.toString('latin1')).join('\n');

    // The graphics state q saves and Q restores: the matrix and the text state.
    let state = {
      ctm: IDENTITY,
      font: undefined as ReturnType<typeof fontWidths> | undefined,
      size: 0,
      tc: 0,
    };
    const saved: (typeof state)[] = [];
    let tm: Matrix = IDENTITY;
    let line: Matrix = IDENTITY;
    const show = (codes: Buffer): void => {
      for (let i = 0; i + 1 < codes.length; i += 2) {
        const code = codes.readUInt16BE(i);
        const { ctm, font, size, tc } = state;
        const at = times(times([size, 0, 0, size, 0, 0], tm), ctm);
        out.push({ page, font: font!.name, code, x: at[4], y: at[5] });
        tm = times([1, 0, 0, 1, (font!.width(code) / 1000) * size + tc, 0], tm);
      }
    };
    for (const { op, args } of operations(content)) {
      const n = args as number[];
      if (op === 'q') saved.push({ ...state });
      else if (op === 'Q') state = saved.pop()!;
      else if (op === 'cm') state.ctm = times(n.slice(0, 6) as Matrix, state.ctm);
      else if (op === 'BT') tm = line = IDENTITY;
      else if (op === 'Tm') tm = line = n.slice(0, 6) as Matrix;
      else if (op === 'Td') tm = line = times([1, 0, 0, 1, n[0]!, n[1]!], line);
      else if (op === 'Tc') state.tc = n[0]!;
      else if (op === 'Tf') {
        state.font = face(fonts.get((args[0] as string).slice(1))!);
        state.size = n[1]!;
      } else if (op === 'Tj') show(args[0] as Buffer);
      else if (op === 'TJ') {
        for (const part of args[0] as Operand[]) {
          if (typeof part === 'number') tm = times([1, 0, 0, 1, (-part / 1000) * state.size, 0], tm);
          else show(part as Buffer);
        }
      }
    }
  });
  return out;
}
