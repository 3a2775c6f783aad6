/** The render worker (one per pool thread): parses the fonts once, then turns composed letters into document bytes. */

import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { isLetterError, type Diagnostic } from '../diag/index.js';
import { fontBookFor, type FontBook, type ProjectFonts, type Variant } from '../fonts/index.js';
import type { SigningKey } from '../sign/index.js';
import { renderDocument, type RenderTask } from './render.js';

/** Handed to every worker once, in memory (never argv or the environment): the signing key's file and password, the fonts. */
export interface PoolWorkerData {
  readonly sign?: { readonly p12: Uint8Array; readonly password: string; readonly file: string };
  /** The main thread's font files (FontBook.sharedFiles): every worker reads the same memory. */
  readonly fonts?: Readonly<Record<string, SharedArrayBuffer>>;
  /** The project's own fonts, merged over the tool's (FontBook.project): the same book as the main thread's. */
  readonly projectFonts?: ProjectFonts;
}

/** What a worker sends back: the bytes (moved, not copied), or why the document failed. */
export type WorkerResult =
  | { readonly kind: 'rendered'; readonly bytes: Uint8Array; readonly pages: number | null; readonly p7s?: Uint8Array; readonly unsignedSha256?: string }
  | { readonly kind: 'failed'; readonly message: string; readonly diagnostics?: readonly Diagnostic[] };

// Started as the worker loads, while the main thread composes: the renderers' modules, and each face's tables (cmap,
// GSUB, metrics) that fontkit parses on first layout, so that the first documents of each language do not pay for them.
// A promise, not a top-level await, so that the worker also bundles as CommonJS (scripts/bundle.mjs).
const ready = Promise.all([import('../render/pdf/index.js'), import('../render/docx/index.js')]).then(() => {
  const fonts = workerFonts();
  const shared = (workerData as PoolWorkerData | undefined)?.fonts;
  if (shared) fonts.adoptShared(shared);
  warmFonts(fonts);
});

/** The font book of the build this worker serves: the tool's faces, and the project's own merged over them. */
function workerFonts(): FontBook {
  return fontBookFor((workerData as PoolWorkerData | undefined)?.projectFonts);
}

let key: Promise<SigningKey> | undefined;

/** The key is opened on the first signed document of this worker and kept; the main thread has already checked it. */
function signingKey(): Promise<SigningKey> | undefined {
  const sign = (workerData as PoolWorkerData | undefined)?.sign;
  if (!sign) return undefined;
  key ??= import('../sign/index.js').then(({ loadP12 }) => loadP12(sign.p12, sign.password, sign.file));
  return key;
}

/** Piscina's task handler. Errors come back as data: a LetterError's diagnostics do not survive a thrown clone. */
export default async function renderInWorker(task: RenderTask): Promise<unknown> {
  try {
    await ready;
    const rendered = await renderDocument(task, workerFonts(), await signingKey());
    const bytes = ownBuffer(rendered.bytes);
    const p7s = rendered.p7s ? ownBuffer(rendered.p7s) : undefined;
    const unsigned = rendered.unsignedSha256 ? { unsignedSha256: rendered.unsignedSha256 } : {};
    const result: WorkerResult = { kind: 'rendered', bytes, pages: rendered.pages, ...(p7s ? { p7s } : {}), ...unsigned };
    return move({
      [transferableSymbol]: [bytes.buffer, ...(p7s ? [p7s.buffer] : [])],
      [valueSymbol]: result,
    } as unknown as ArrayBuffer);
  } catch (e) {
    const failed: WorkerResult = isLetterError(e)
      ? { kind: 'failed', message: e.message, diagnostics: e.diagnostics }
      : { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    return failed;
  }
}

function warmFonts(fonts: FontBook): void {
  for (const face of fonts.faces.values()) {
    for (const variant of Object.keys(face.files) as Variant[]) fonts.open(face.id, variant).layout('Aa 1, 가나. 中文。');
  }
}

/**
 * The bytes in an ArrayBuffer of their own. Moving a view of Node's shared Buffer pool would detach the pool under
 * every other small Buffer of this thread, so a view that does not span its whole buffer is copied first.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes;
  return new Uint8Array(bytes);
}
