/** The packages the CLI's bundle leaves to Node's require (scripts/left-to-node.mjs). */
export declare const LEFT_TO_NODE: readonly string[];
