/** The render worker: opens the faces its letters use once, then turns composed letters into document bytes, one at a time. */

import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { fontBookFor, type FontBook, type ProjectFonts } from '../fonts/index.js';
import type { Format } from '../load/index.js';
import type { SigningKey } from '../sign/index.js';
import { renderLetter, toWorkerResult, type RenderTask } from './render-letter.js';

/** Handed to every worker once, in memory (never argv or the environment): the signing key's file and password, the fonts. */
export interface PoolWorkerData {
  readonly sign?: { readonly p12: Uint8Array; readonly password: string; readonly file: string };
  /** The project's own fonts, merged over the tool's (FontBook.project): the same book as the main thread's. */
  readonly projectFonts?: ProjectFonts;
  /** The formats of the build's documents: the renderers to load before the first letter comes. */
  readonly formats?: readonly Format[];
  /** Which code cache the bundled worker loads (dist/bundle/render-worker.js): 'no-turbofan' when TurboFan is off. */
  readonly codeCache?: 'no-turbofan';
}

export type { WorkerResult } from './render-letter.js';

// Started as the worker loads, while the main thread composes: the renderers' modules and harfbuzz, which its first
// letter needs. Nothing is shaped ahead: its first letter of each language comes while this thread still loads (a build
// hands it over as soon as it is composed), and fontkit's layouts that were warmed here before are no longer what
// shapes (harfbuzz does): warming them cost a W2 worker ~0.5 s of CPU on the core the main thread needs.
// A promise, not a top-level await, so that the worker also bundles as CommonJS (scripts/bundle.mjs).
const ready = Promise.all([
  import('../render/pdf/index.js'),
  // A build of PDFs alone never loads docx: its module's set-up would only add to the worker's start.
  (workerData as PoolWorkerData | undefined)?.formats?.includes('docx') === false
    ? undefined
    : import('../render/docx/index.js'),
  workerFonts().loadShaper(),
]);

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
