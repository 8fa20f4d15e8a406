/** Types of scripts/prng.js (plain Node) for the TypeScript tests that use the same generator. */
export declare function prng(seed: number): () => number;
