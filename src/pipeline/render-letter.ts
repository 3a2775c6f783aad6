/** Rendering one composed letter into the bytes of its formats, signed when asked; renderers are loaded only when needed. */

import { isLetterError, type Diagnostic } from '../diag/index.js';
import type { FontBook } from '../fonts/index.js';
import { localize, type LetterDoc } from '../model/index.js';
import type { Format, LetterSpec, Localized } from '../load/index.js';
import type { SignatureFieldSpec } from '../render/pdf/index.js';
import type { PagedLetter } from '../typeset/index.js';
import type { SigningKey } from '../sign/index.js';
import { sha256 } from '../write/index.js';

/** One document of a letter: its format and how it is drawn. */
export interface DocumentTask {
  readonly format: Format;
  /** The PDF's signature field; set for every PDF of a signed build (the main thread knows the signer's name). */
  readonly signatureField?: SignatureFieldSpec;
  /** Whose signature block (letter.yaml index) the field goes in: the signatory the certificate names, else the first. */
  readonly signatory?: number;
  /** When a signed build's signatures are made (the build's clock or SOURCE_DATE_EPOCH, within the certificate's validity). */
  readonly signingTime?: Date;
  /** `--tsa URL`: time-stamp each signature there (PAdES/XAdES/CAdES B-T). */
  readonly tsa?: string;
  /** `--ltv`: the chain and revocation data for a PDF's DSS (PAdES B-LT), DER. */
  readonly ltv?: {
    readonly certificates: readonly Uint8Array[];
    readonly crls: readonly Uint8Array[];
    readonly ocsps: readonly Uint8Array[];
  };
  /** `--lta`: a document time-stamp from `tsa` after the DSS (PAdES B-LTA). */
  readonly lta?: boolean;
  /** Write the PDF as PDF/A-2b (`--pdfa`). */
  readonly pdfa?: boolean;
}

/**
 * What one letter needs to be drawn in every format asked for: plain data only, so it crosses to a worker thread by
 * structured clone. The letter is typeset once and each document drawn from that paged letter.
 */
export interface RenderTask {
  readonly doc: LetterDoc;
  readonly documents: readonly DocumentTask[];
}

export interface Rendered {
  readonly bytes: Uint8Array;
  readonly pages: number | null;
  /** Detached CMS signature of a signed DOCX. */
  readonly p7s?: Uint8Array;
  /** Signed documents: the sha256 of the same document as an unsigned build writes it (reproducible whatever the signing time). */
  readonly unsignedSha256?: string;
}

/** What a renderer gives back for one document: its bytes, or why it failed. */
export type WorkerResult =
  | {
      readonly kind: 'rendered';
      readonly bytes: Uint8Array;
      readonly pages: number | null;
      readonly p7s?: Uint8Array;
      readonly unsignedSha256?: string;
    }
  | { readonly kind: 'failed'; readonly message: string; readonly diagnostics?: readonly Diagnostic[] };

/**
 * Typeset the letter once, then draw each of its documents from that paged letter: the PDF writes its glyph runs, the
 * DOCX takes its page count (it numbers its pages, page 1 too, only when the letter runs past one, as the PDF). A
 * signed PDF is the one layout more: the same letter with a box kept free for its signature field. With `key`,
 * PAdES-signed PDFs and OOXML-signed DOCX files plus their `.p7s`. A document that fails comes back as its error, so
 * that the letter's other documents are still written.
 */
export async function renderLetter(
  task: RenderTask,
  fonts: FontBook,
  key?: SigningKey,
): Promise<(Rendered | { readonly error: unknown })[]> {
  const { typesetLetter } = await import('../typeset/index.js');
  await fonts.loadShaper();
  let paged: PagedLetter;
  try {
    paged = typesetLetter(task.doc, { fonts });
  } catch (error) {
    return task.documents.map(() => ({ error }));
  }
  const results: (Rendered | { error: unknown })[] = [];
  for (const document of task.documents) {
    try {
      results.push(await renderDocument(task.doc, paged, document, fonts, key));
    } catch (error) {
      results.push({ error });
    }
  }
  return results;
}

/** A rendered document, or its error as data (a LetterError's diagnostics do not survive a thrown clone). */
export function toWorkerResult(result: Rendered | { readonly error: unknown }): WorkerResult {
  if ('error' in result) {
    const e = result.error;
    if (isLetterError(e)) return { kind: 'failed', message: e.message, diagnostics: e.diagnostics };
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
  const { bytes, pages, p7s, unsignedSha256 } = result;
  return {
    kind: 'rendered',
    bytes,
    pages,
    ...(p7s ? { p7s } : {}),
    ...(unsignedSha256 ? { unsignedSha256 } : {}),
  };
}

async function renderDocument(
  doc: LetterDoc,
  paged: PagedLetter,
  task: DocumentTask,
  fonts: FontBook,
  key?: SigningKey,
): Promise<Rendered> {
  const signingTime = key ? task.signingTime : undefined;
  const pages = paged.pages.length;
  if (task.format === 'pdf') {
    const { drawPdf } = await import('../render/pdf/index.js');
    const pdfa = task.pdfa ? { pdfa: true } : {};
    // The unsigned document first, as an unsigned build writes it: its sha256 goes into the manifest beside the
    // signed one's, so CI can check a signed build reproduces whatever the signing time.
    const unsigned = await drawPdf(paged, { fonts, ...pdfa });
    if (!key || !signingTime || !task.signatureField) return { bytes: unsigned.bytes, pages };
    const { typesetLetter } = await import('../typeset/index.js');
    const reserved = typesetLetter(doc, { fonts, reserveSignatureField: { signatory: task.signatory ?? 0 } });
    const { bytes } = await drawPdf(reserved, { fonts, signatureField: task.signatureField, ...pdfa });
    const { signPdf, appendDss, appendDocTimeStamp } = await import('../sign/index.js');
    const signed = await signPdf(bytes, key, { signingTime, ...tsa(task) });
    const longTerm = task.ltv ? appendDss(signed, task.ltv) : signed;
    const archived = task.lta && task.tsa ? await appendDocTimeStamp(longTerm, task.tsa) : longTerm;
    return { bytes: archived, pages: reserved.pages.length, unsignedSha256: sha256(unsigned.bytes) };
  }
  const { renderDocx } = await import('../render/docx/index.js');
  // A word processor lays the DOCX out itself and may break pages elsewhere; this is the count the letter was made for.
  const { bytes } = await renderDocx(doc, { fonts, typesetPages: pages, displayLines: paged.displayLines });
  if (!key || !signingTime) return { bytes, pages };
  const { signDocx } = await import('../sign/index.js');
  const signed = await signDocx(bytes, key, { signingTime, ...tsa(task) });
  return { bytes: signed.docx, pages, p7s: signed.p7s, unsignedSha256: sha256(bytes) };
}

const tsa = (task: DocumentTask): { tsa?: string } => (task.tsa ? { tsa: task.tsa } : {});

/**
 * The visible signature field of one letter's PDF: reason, place and contact from letter.yaml's `sign:`. It shows, in
 * the letter's language, who signed (the certificate's CN) and when: the signing time, which the DOCX signatures of
 * the same build claim too; the letter's own dates stay as they are.
 */
export function signatureFieldFor(
  doc: LetterDoc,
  letter: LetterSpec,
  key: Pick<SigningKey, 'signerName'>,
  signingTime: Date,
): SignatureFieldSpec {
  const { signerName } = key;
  const lang = doc.lang;
  const reason = localize(letter.sign?.reason, lang) ?? doc.meta.title;
  const location = localize(letter.sign?.location, lang) ?? localize(letter.place, lang) ?? '';
  const contact = letter.sign?.contact ?? letter.signatories.find((s) => s.email)?.email ?? '';
  return {
    name: 'Signature1',
    reason,
    location,
    contactInfo: contact,
    signerName,
    signingTime,
    appearanceLines: [
      doc.signedByLabel ?? 'Digitally signed by',
      signerName,
      `${signingTime.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    ],
    lang,
  };
}

/**
 * The signatory whose block holds the field: the first whose organisation (in any language), short name or person
 * matches the certificate's organisation (O) or common name (CN), ignoring case; else the first signatory.
 */
export function signingSignatory(
  letter: LetterSpec,
  key: Pick<SigningKey, 'signerName' | 'organisation'>,
): number {
  const fold = (text: string) => text.normalize('NFC').trim().toLowerCase();
  const names = new Set([key.organisation, key.signerName].filter((n): n is string => Boolean(n)).map(fold));
  const values = (value: Localized | undefined): string[] =>
    value === undefined ? [] : typeof value === 'string' ? [value] : Object.values(value);
  const index = letter.signatories.findIndex((s) =>
    [...values(s.org), ...(s.short ? [s.short] : []), ...values(s.person?.name)].some((name) =>
      names.has(fold(name)),
    ),
  );
  return Math.max(index, 0);
}
