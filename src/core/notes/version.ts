/** Bump when the parse result changes shape or meaning: it invalidates every cached parse. */
export const PARSER_VERSION = 10;
