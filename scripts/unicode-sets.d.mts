/** The expression defining each set of src/unicode/sets.ts, matching one code point at a time. */
export declare const DEFINITIONS: Readonly<Record<string, RegExp>>;
/** The inclusive ranges [first, last] of the code points `expression` matches. */
export declare function rangesOf(expression: RegExp): [number, number][];
/** Ranges as src/unicode/sets.ts holds them. */
export declare function encode(ranges: readonly (readonly [number, number])[]): string;
