/** Rendering one composed letter into the bytes of one format, signed when asked; renderers are loaded only when needed. */

import type { FontBook } from '../fonts/index.js';
import type { LetterDoc } from '../model/index.js';
import type { Format, LetterSpec } from '../load/index.js';
import type { SignatureFieldSpec } from '../render/pdf/index.js';
import type { SigningKey } from '../sign/index.js';
import { sha256 } from '../write/index.js';
import { localize } from '../compose/localize.js';

/** What one document needs to be drawn: plain data only, so it crosses to a worker thread by structured clone. */
export interface RenderTask {
  readonly doc: LetterDoc;
  readonly format: Format;
  /** The PDF's signature field; set for every PDF of a signed build (the main thread knows the signer's name). */
  readonly signatureField?: SignatureFieldSpec;
  /** When a signed build's signatures are made (the build's clock or SOURCE_DATE_EPOCH, within the certificate's validity). */
  readonly signingTime?: Date;
  /** `--tsa URL`: time-stamp each signature there (PAdES/XAdES/CAdES B-T). */
  readonly tsa?: string;
  /** Write the PDF as PDF/A-2b (`--pdfa`). */
  readonly pdfa?: boolean;
}

export interface Rendered {
  readonly bytes: Uint8Array;
  readonly pages: number | null;
  /** Detached CMS signature of a signed DOCX. */
  readonly p7s?: Uint8Array;
  /** Signed documents: the sha256 of the same document as an unsigned build writes it (reproducible whatever the signing time). */
  readonly unsignedSha256?: string;
}

/** The document's bytes in its format; with `key`, a PAdES-signed PDF or an OOXML-signed DOCX plus its `.p7s`. */
export async function renderDocument(task: RenderTask, fonts: FontBook, key?: SigningKey): Promise<Rendered> {
  const { doc, format } = task;
  const signingTime = key ? task.signingTime : undefined;
  if (format === 'pdf') {
    const { renderPdf } = await import('../render/pdf/index.js');
    const pdfa = task.pdfa ? { pdfa: true } : {};
    // The unsigned document first, as an unsigned build writes it: its sha256 goes into the manifest beside the
    // signed one's, so CI can check a signed build reproduces whatever the signing time.
    const unsigned = await renderPdf(doc, { fonts, ...pdfa });
    // Laid out as the DOCX's count would be (no room kept for a signature field): the DOCX of this letter reuses it.
    typesetPageCounts.set(doc, unsigned.pages);
    if (!key || !signingTime || !task.signatureField) return unsigned;
    const { bytes, pages } = await renderPdf(doc, { fonts, signatureField: task.signatureField, ...pdfa });
    const { signPdf } = await import('../sign/index.js');
    return { bytes: await signPdf(bytes, key, { signingTime, ...tsa(task) }), pages, unsignedSha256: sha256(unsigned.bytes) };
  }
  const { renderDocx } = await import('../render/docx/index.js');
  // The letter's own page count: the DOCX numbers its pages (page 1 too) only when the letter runs past one, as the PDF.
  const pages = await typesetPages(doc, fonts);
  const { bytes } = await renderDocx(doc, { fonts, typesetPages: pages });
  if (!key || !signingTime) return { bytes, pages };
  const { signDocx } = await import('../sign/index.js');
  const signed = await signDocx(bytes, key, { signingTime, ...tsa(task) });
  return { bytes: signed.docx, pages, p7s: signed.p7s, unsignedSha256: sha256(bytes) };
}

const tsa = (task: RenderTask): { tsa?: string } => (task.tsa ? { tsa: task.tsa } : {});

/**
 * A DOCX's pages for the manifest: those of the same letter as letter lays it out (the PDF's). A word processor lays
 * the DOCX out itself and may break pages elsewhere; this is the count the letter was made for.
 */
async function typesetPages(doc: LetterDoc, fonts: FontBook): Promise<number> {
  const known = typesetPageCounts.get(doc);
  if (known !== undefined) return known;
  const { typesetLetter } = await import('../typeset/index.js');
  return typesetLetter(doc, { fonts }).pages.length;
}

/**
 * Page counts of letters already typeset for their PDF in this thread: both formats of a letter share one composed
 * LetterDoc here (a worker gets its own copy per task, and typesets again).
 */
const typesetPageCounts = new WeakMap<LetterDoc, number>();

/**
 * The visible signature field of one letter's PDF: reason, place and contact from letter.yaml's `sign:`. Its /M and
 * the date shown are the signing time, which the DOCX signatures of the same build claim too; the letter's own dates
 * stay as they are.
 */
export function signatureFieldFor(doc: LetterDoc, letter: LetterSpec, key: Pick<SigningKey, 'signerName'>, signingTime: Date): SignatureFieldSpec {
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
    appearanceLines: [signerName, doc.meta.author, signingTime.toISOString().slice(0, 10)],
  };
}
