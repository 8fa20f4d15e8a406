'use strict';
/**
 * mulberry32: a small, well-known seeded PRNG shared by the generators (sample workbook,
 * benchmark data, ETS golden series), so the same seed always gives the same data.
 * @param {number} seed
 * @returns {() => number} uniform numbers in [0, 1)
 */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
module.exports = { prng };
