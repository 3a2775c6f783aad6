/** Rendering one composed letter into the bytes of one format, signed when asked; renderers are loaded only when needed. */

import type { FontBook } from '../fonts/index.js';
import type { LetterDoc } from '../model/index.js';
import type { Format, Project } from '../load/index.js';
import type { SigningKey } from '../sign/index.js';
import { localize } from '../compose/localize.js';

export interface Rendered {
  readonly bytes: Uint8Array;
  readonly pages: number | null;
  /** Detached CMS signature of a signed DOCX. */
  readonly p7s?: Uint8Array;
}

export interface SignRequest {
  readonly key: SigningKey;
  readonly project: Project;
}

/** The document's bytes in `format`; with `sign`, a PAdES-signed PDF or an OOXML-signed DOCX plus its `.p7s`. */
export async function renderDocument(doc: LetterDoc, format: Format, fonts: FontBook, sign?: SignRequest): Promise<Rendered> {
  if (format === 'pdf') {
    const { renderPdf } = await import('../render/pdf/index.js');
    const signatureField = sign ? signatureFieldFor(doc, sign) : undefined;
    const { bytes, pages } = await renderPdf(doc, { fonts, ...(signatureField ? { signatureField } : {}) });
    if (!sign) return { bytes, pages };
    const { signPdf } = await import('../sign/index.js');
    return { bytes: await signPdf(bytes, sign.key, { signingTime: doc.meta.created }), pages };
  }
  const { renderDocx } = await import('../render/docx/index.js');
  const { bytes } = await renderDocx(doc, { fonts });
  if (!sign) return { bytes, pages: null };
  const { signDocx } = await import('../sign/index.js');
  const signed = await signDocx(bytes, sign.key, { signingTime: doc.meta.created });
  return { bytes: signed.docx, pages: null, p7s: signed.p7s };
}

function signatureFieldFor(doc: LetterDoc, sign: SignRequest) {
  const { letter } = sign.project;
  const lang = doc.lang;
  const reason = localize(letter.sign?.reason, lang) ?? doc.meta.title;
  const location = localize(letter.sign?.location, lang) ?? localize(letter.place, lang) ?? '';
  const contact = letter.sign?.contact ?? letter.signatories.find((s) => s.email)?.email ?? '';
  return {
    name: 'Signature1',
    reason,
    location,
    contactInfo: contact,
    signerName: sign.key.signerName,
    signingTime: doc.meta.created,
    appearanceLines: [sign.key.signerName, doc.meta.author, doc.meta.created.toISOString().slice(0, 10)],
  };
}
