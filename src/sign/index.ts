/** Signing: PAdES for PDFs, OOXML package signatures and detached CMS for DOCX. Bytes in, bytes out. */

export { loadP12, type SigningKey } from './p12.js';
export { signPdf } from './pdf.js';
export { signDocx } from './docx.js';
export { signingTimeFor, type SigningTime, type Validity } from './signing-time.js';
export { certificatesFromPem } from './trust.js';
export { appendDss, classifyValidationFile, type ValidationData } from './dss.js';
export { revocationOf } from './revocation.js';
export { appendDocTimeStamp } from './doc-timestamp.js';
export { fetchOcspResponse, ocspAnswerFor, ocspUrls } from './ocsp.js';
