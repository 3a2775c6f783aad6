// Types of projects.mjs, for the tests that build the benchmark's projects (test/build/paragraph-memo.test.ts).

export declare const ROOT: string;
export declare const EXAMPLE: string;
/** Twelve heads of state and the UN Secretary-General of the batch fixture, and eight more from the directory. */
export declare const TWENTY: readonly string[];
/** The 195 heads of state of the built-in directory (needs `npm run build`). */
export declare function headsOfState(): Promise<string[]>;
/** A copy of the example letter (all its text, en/ko/zh) addressed to `ids` instead of its own recipient. */
export declare function exampleTo(ids: readonly string[]): string;
