/** Signing a DOCX: an OOXML package signature inside it, and a detached CMS (.p7s) over the signed file. */

import { LetterError, problem } from '../diag/index.js';
import { signDetached, signDetachedStamped } from './cms.js';
import {
  CONTENT_TYPE,
  contentTypeOf,
  decode,
  encode,
  parseXml,
  REL_TYPE,
  relationships,
  relsPart,
  transformedRelationships,
  withRelationship,
  withSignatureContentTypes,
} from './docx-opc.js';
import {
  sha256Base64,
  signatureValueDigest,
  signatureXml,
  withSignatureTimeStamp,
  type ManifestEntry,
} from './docx-xmldsig.js';
import { stampDigest, timeStamper } from './stamp.js';
import type { SigningKey } from './p12.js';
import { readZip, writeZip } from '../zip/index.js';

const CONTENT_TYPES = '[Content_Types].xml';
const ORIGIN = '_xmlsignatures/origin.sigs';
const ORIGIN_RELS = '_xmlsignatures/_rels/origin.sigs.rels';
const SIGNATURE = '_xmlsignatures/sig1.xml';

/** Parts a package signature does not cover (ECMA-376 Part 2 §13.2.4): content types, and the signatures themselves. */
export function isUnsignedPart(part: string): boolean {
  return part === CONTENT_TYPES || part.startsWith('_xmlsignatures/');
}

/**
 * Signs a DOCX: adds `_xmlsignatures/` (origin, relationships, sig1.xml) with an XML-DSig over every part, then makes a
 * detached CMS (DER, with signing time) over the signed DOCX's bytes. Deterministic: same input, key and time give the
 * same bytes. A DOCX that is already signed is rejected rather than re-signed, since that would break the signature.
 */
export async function signDocx(
  docx: Uint8Array,
  key: SigningKey,
  opts: { signingTime: Date; tsa?: string },
): Promise<{ docx: Uint8Array; p7s: Uint8Array }> {
  const parts = readZipOrFail(docx);
  if ([...parts.keys()].some((p) => p.startsWith('_xmlsignatures/'))) {
    throw new LetterError(
      problem('sign-failed', 'the DOCX is already signed', {}, 'sign the unsigned DOCX the renderer wrote'),
    );
  }
  const contentTypesXml = parts.get(CONTENT_TYPES);
  const rootRels = parts.get('_rels/.rels');
  if (!contentTypesXml || !rootRels) {
    throw new LetterError(
      problem(
        'sign-failed',
        'the DOCX has no [Content_Types].xml or _rels/.rels',
        {},
        'check the DOCX renderer',
      ),
    );
  }

  // 1. Declare the signature parts: content types, the origin relationship from the package, origin → sig1.xml.
  parts.set(CONTENT_TYPES, encode(withSignatureContentTypes(decode(contentTypesXml), SIGNATURE)));
  parts.set('_rels/.rels', encode(withRelationship(decode(rootRels), REL_TYPE.origin, ORIGIN)));

  // 2. Digest every other part; .rels parts through the RelationshipTransform, leaving out the origin relationship,
  //    which a later signature may share.
  const contentTypes = parseXml(decode(parts.get(CONTENT_TYPES)!));
  const entries: ManifestEntry[] = [];
  for (const part of [...parts.keys()].filter((p) => !isUnsignedPart(p)).sort()) {
    const type = contentTypeOf(part, contentTypes);
    if (!type)
      throw new LetterError(
        problem('sign-failed', `the DOCX part ${part} has no content type`, {}, 'check the DOCX renderer'),
      );
    const uri = `/${part}?ContentType=${type}`;
    const bytes = parts.get(part)!;
    if (type === CONTENT_TYPE.relationships) {
      const xml = decode(bytes);
      const ids = relationships(xml)
        .filter((r) => r.type !== REL_TYPE.origin)
        .map((r) => r.id)
        .sort();
      const selected = new Set(ids);
      entries.push({
        uri,
        digest: sha256Base64(transformedRelationships(xml, (r) => selected.has(r.id))),
        relationshipIds: ids,
      });
    } else {
      entries.push({ uri, digest: sha256Base64(bytes) });
    }
  }

  // 3. The signature part and its wiring; new parts go last, in a fixed order, so the zip is stable.
  parts.set(ORIGIN, new Uint8Array(0));
  parts.set(ORIGIN_RELS, encode(relsPart([{ id: 'rId1', type: REL_TYPE.signature, target: 'sig1.xml' }])));
  let xml = signatureXml(entries, key, opts.signingTime);
  // XAdES-T: a time-stamp over the signature value, checked before anything is written.
  if (opts.tsa)
    xml = withSignatureTimeStamp(xml, (await stampDigest(opts.tsa, signatureValueDigest(xml))).token);
  parts.set(SIGNATURE, encode(xml));
  // Entries dated 1980-01-01 and all deflated: the signed package's bytes as they have been since signing landed.
  const signed = writeZip(parts, { when: SIGNED_ZIP_DATE, level: () => 6 });

  // 4. The detached CMS over the finished file, for readers that check a .p7s rather than the package signature.
  const p7s = opts.tsa
    ? await signDetachedStamped(signed, key, { signingTime: opts.signingTime }, timeStamper(opts.tsa))
    : signDetached(signed, key, { signingTime: opts.signingTime });
  return { docx: signed, p7s: new Uint8Array(p7s) };
}

const SIGNED_ZIP_DATE = new Date(Date.UTC(1980, 0, 1));

function readZipOrFail(docx: Uint8Array): Map<string, Uint8Array> {
  try {
    return readZip(docx);
  } catch (e) {
    throw new LetterError(
      problem(
        'sign-failed',
        `the DOCX is not a readable zip: ${(e as Error).message}`,
        {},
        'check the DOCX renderer',
      ),
    );
  }
}
