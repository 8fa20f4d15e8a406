import { decodeXmlText } from './xmlText';

/** 10^k for k = 0..22: every one is an exact double. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `parseFloat` of the text in `[start, end)`, without making a string in the common case.
 *
 * Fast path (Clinger): a plain decimal `-?digits[.digits]` with at most 15 digits is
 * `m / 10^k` with both `m < 2^53` and `10^k` (k ≤ 22) exact doubles, so the one correctly
 * rounded division gives the correctly rounded value of the decimal — exactly what
 * `parseFloat` returns. Anything else (exponents, more digits, spaces, entities) goes through
 * `parseFloat` itself.
 * @example parseNumberBytes(Buffer.from('557.91'), 0, 6) // 557.91
 */
export function parseNumberBytes(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    const b = buf[i] as number;
    if (b >= 0x30 && b <= 0x39) {
      m = m * 10 + (b - 0x30);
      digits++;
      if (frac >= 0) frac++;
    } else if (b === 0x2e && frac < 0) {
      frac = 0;
    } else break;
  }
  if (i === end && digits > 0 && digits <= 15) {
    const v = frac > 0 ? m / (POW10[frac] as number) : m;
    return negative ? -v : v;
  }
  return parseFloat(decodeXmlText(buf, start, end));
}
