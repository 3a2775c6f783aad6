/**
 * Making the random parts of docx's output deterministic after it has written them, through the package's own XML:
 * docx draws embedded-font keys (with which it obfuscates each font file) and hyperlink relationship ids from a random
 * source it offers no option for. Each is replaced here by one derived from the letter's seed and the part's own
 * content, so the same letter always gives the same bytes, without touching any global.
 */

import { createHash } from 'node:crypto';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** docx's relationship ids for hyperlinks and drawing links: `rId` and nanoid's 21 characters, lowercased. */
const RANDOM_ID = /^rId[a-z0-9_-]{21}$/;

/** Rewrites, in place, every random id and font key of the package's parts to one derived from `seed`. */
export function stabilizeIds(parts: Map<string, Uint8Array>, seed: number): void {
  stabilizeFontKeys(parts, seed);
  stabilizeRelationshipIds(parts);
}

/**
 * Each embedded font's key: docx XORs a font's first 32 bytes with its key (ECMA-376 Part 1, §17.8.1, obfuscation),
 * so a new key means the font file is obfuscated again. The new key is a hash of the seed and the plain font bytes.
 */
function stabilizeFontKeys(parts: Map<string, Uint8Array>, seed: number): void {
  const table = text(parts, 'word/fontTable.xml');
  const rels = text(parts, 'word/_rels/fontTable.xml.rels');
  if (table === undefined || rels === undefined) return;
  const targets = relationshipTargets(rels);
  const next = table.replace(
    /(<w:embed\w+ r:id="([^"]+)" w:fontKey=")\{([0-9A-Fa-f-]{36})\}"/g,
    (whole, head: string, id: string, oldKey: string) => {
      const path = targets.get(id);
      const font = path === undefined ? undefined : parts.get(`word/${path}`);
      if (!path || !font) return whole;
      const plain = obfuscated(font, oldKey);
      const newKey = guidFrom(createHash('sha256').update(`${seed}\0`).update(plain).digest());
      parts.set(`word/${path}`, obfuscated(plain, newKey));
      return `${head}{${newKey}}"`;
    },
  );
  parts.set('word/fontTable.xml', encoder.encode(next));
}

/**
 * Random relationship ids (hyperlinks) become `rIdLink1`, `rIdLink2`… in the order each relationships part lists them
 * (docx adds them in document order), in that part and in the part it belongs to.
 */
function stabilizeRelationshipIds(parts: Map<string, Uint8Array>): void {
  for (const relsPath of [...parts.keys()].filter((p) => p.endsWith('.rels'))) {
    const rels = text(parts, relsPath)!;
    const random = [...relationshipTargets(rels).keys()].filter((id) => RANDOM_ID.test(id));
    if (!random.length) continue;
    const renamed = new Map(random.map((id, i) => [id, `rIdLink${i + 1}`]));
    const rename = (xml: string) =>
      xml.replace(/(r:id|Id)="([^"]+)"/g, (whole, attr: string, id: string) =>
        renamed.has(id) ? `${attr}="${renamed.get(id)}"` : whole,
      );
    parts.set(relsPath, encoder.encode(rename(rels)));
    const owner = ownerOf(relsPath);
    const xml = text(parts, owner);
    if (xml !== undefined) parts.set(owner, encoder.encode(rename(xml)));
  }
}

/** `word/_rels/document.xml.rels` → `word/document.xml`. */
function ownerOf(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
}

function relationshipTargets(rels: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id !== undefined && target !== undefined) out.set(id, target);
  }
  return out;
}

/** The font's first 32 bytes XORed with the key's bytes in reverse order: the same operation obfuscates and restores. */
function obfuscated(font: Uint8Array, guid: string): Uint8Array {
  const key = guid
    .replace(/-/g, '')
    .match(/../g)!
    .map((hex) => parseInt(hex, 16))
    .reverse();
  const out = new Uint8Array(font);
  for (let i = 0; i < Math.min(32, out.length); i++) out[i] = out[i]! ^ key[i % key.length]!;
  return out;
}

/** A GUID's text (8-4-4-4-12 hex digits, uppercase) from the first 16 bytes of a digest. */
function guidFrom(digest: Uint8Array): string {
  const hex = Buffer.from(digest.subarray(0, 16)).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function text(parts: ReadonlyMap<string, Uint8Array>, path: string): string | undefined {
  const data = parts.get(path);
  return data === undefined ? undefined : decoder.decode(data);
}
