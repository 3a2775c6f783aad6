/** The render worker: opens its languages' faces once, then turns composed letters into document bytes, one at a time. */

import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { fontBookFor, type FontBook, type ProjectFonts, type Variant } from '../fonts/index.js';
import type { Lang } from '../model/index.js';
import type { SigningKey } from '../sign/index.js';
import { renderLetter, toWorkerResult, type RenderTask } from './render-letter.js';

/** Handed to every worker once, in memory (never argv or the environment): the signing key's file and password, the fonts. */
export interface PoolWorkerData {
  /** The languages this thread draws (planThreads): their faces are opened and warmed before the first letter comes. */
  readonly langs: readonly Lang[];
  readonly sign?: { readonly p12: Uint8Array; readonly password: string; readonly file: string };
  /** The project's own fonts, merged over the tool's (FontBook.project): the same book as the main thread's. */
  readonly projectFonts?: ProjectFonts;
}

export type { WorkerResult } from './render-letter.js';

// Started as the worker loads, while the main thread composes: the renderers' modules, and the tables (cmap, GSUB,
// metrics) of its languages' faces that fontkit parses on first layout, so that its first letter does not wait for them.
// A promise, not a top-level await, so that the worker also bundles as CommonJS (scripts/bundle.mjs).
const ready = Promise.all([import('../render/pdf/index.js'), import('../render/docx/index.js')]).then(() =>
  warmFonts(workerFonts(), (workerData as PoolWorkerData | undefined)?.langs ?? []),
);

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

// The letter before this one: the pool hands over two at once (render-pool.ts), and they are drawn one after the other.
let previous: Promise<unknown> = Promise.resolve();

/** Piscina's task handler: a letter's documents, their bytes moved (not copied); errors come back as data. */
export default function renderInWorker(task: RenderTask): Promise<unknown> {
  const result = previous.then(() => renderOne(task));
  previous = result;
  return result;
}

async function renderOne(task: RenderTask): Promise<unknown> {
  try {
    await ready;
    const results = (await renderLetter(task, workerFonts(), await signingKey()))
      .map(toWorkerResult)
      .map((r) =>
        r.kind === 'rendered'
          ? { ...r, bytes: ownBuffer(r.bytes), ...(r.p7s ? { p7s: ownBuffer(r.p7s) } : {}) }
          : r,
      );
    const buffers = results.flatMap((r) =>
      r.kind === 'rendered' ? [r.bytes.buffer, ...(r.p7s ? [r.p7s.buffer] : [])] : [],
    );
    return move({ [transferableSymbol]: buffers, [valueSymbol]: results } as unknown as ArrayBuffer);
  } catch (e) {
    const failed = toWorkerResult({ error: e });
    return task.documents.map(() => failed);
  }
}

/** The first face of each language's chain, in every variant it has: the one that sets most of that language's text. */
function warmFonts(fonts: FontBook, langs: readonly Lang[]): void {
  for (const id of new Set(langs.map((lang) => fonts.chain(lang)[0]))) {
    const face = id === undefined ? undefined : fonts.faces.get(id);
    if (!face) continue;
    for (const variant of Object.keys(face.files) as Variant[])
      fonts.open(face.id, variant).layout('Aa 1, 가나. 中文。');
  }
}

/**
 * The bytes in an ArrayBuffer of their own. Moving a view of Node's shared Buffer pool would detach the pool under
 * every other small Buffer of this thread, so a view that does not span its whole buffer is copied first.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  )
    return bytes;
  return new Uint8Array(bytes);
}
