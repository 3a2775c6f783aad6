/** Time-stamping a signature during a build: a checked RFC 3161 token, or a LetterError that names --tsa and what to do. */

import { LetterError, problem, shownUrl, type Code } from '../diag/index.js';
import { requestTimeStamp, signatureDigest } from './tsp.js';

/** A stamp function for signDetachedStamped: asks the TSA at `url` for a token over the signature value. */
export function timeStamper(url: string): (signatureValue: Uint8Array) => Promise<Uint8Array> {
  return async (signatureValue) => (await stampDigest(url, signatureDigest(signatureValue))).token;
}

/**
 * A checked token over `digest` from the TSA at `url`. A failure is `code`: 'sign-failed' while signing a document,
 * 'tsa-unreachable' when a build asks the TSA before writing anything.
 */
export async function stampDigest(url: string, digest: Uint8Array, code: Code = 'sign-failed') {
  try {
    return await requestTimeStamp(url, digest);
  } catch (e) {
    throw new LetterError(
      problem(
        code,
        `cannot time-stamp the signature: ${(e as Error).message}`,
        { value: shownUrl(url) },
        'check the URL given to --tsa and that the time-stamp authority answers RFC 3161 requests, or build without --tsa',
      ),
    );
  }
}
