/** Signing: PAdES for PDFs, OOXML package signatures and detached CMS for DOCX. Bytes in, bytes out. */

export { loadP12, type SigningKey } from './p12.js';
export { signPdf } from './pdf.js';
export { signDocx } from './docx.js';
export { expiryWarning, signingTimeFor, type SigningTime, type Validity } from './signing-time.js';
export { appendDss, classifyValidationFile, type ValidationData } from './dss.js';
export { revocationOf } from './revocation.js';
export { appendDocTimeStamp } from './doc-timestamp.js';
export { stampDigest } from './stamp.js';
export { fetchOcspResponse, ocspAnswerFor, ocspUrls } from './ocsp.js';

// What verify/ reads back: the structures this folder writes, and the rules signer and verifier share.
export { asn1TimeToIso, bytesOf, children, isContext, oidOf, type Asn1 } from './der.js';
export { fromDer, issuerAndSerial, OID, toDer } from './cms.js';
export { commonName } from './p12.js';
export { keyUsageProblem } from './key-usage.js';
export { signingTimeProblem, validityOf } from './signing-time.js';
export { checkToken, signatureDigest } from './tsp.js';
export { appendedDss } from './dss.js';
export { isDocTimeStamp, readDocTimeStamp } from './doc-timestamp.js';
export { isUnsignedPart } from './docx.js';
export { decode, NS, parseXml, RELATIONSHIP_TRANSFORM, transformedRelationships } from './docx-opc.js';
export { canonicalById, DSIG, signatureValueDigest } from './docx-xmldsig.js';
