/** The options the letter schema's validator is compiled with, at build time (scripts/validators.mjs) and at run time. */

/**
 * All errors, each with the data it is about (verbose). The schema is ours and checked against the draft-07
 * meta-schema by a test (test/load/schema.test.ts), so compiling skips that check and the optimiser pass.
 */
export const VALIDATOR_OPTIONS = {
  allErrors: true,
  strict: false,
  verbose: true,
  validateSchema: false,
  code: { optimize: false },
} as const;
