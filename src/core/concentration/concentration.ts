import { orderByValueDesc } from '../aggregate/orderByValueDesc';
import { compareCodePoints } from './compareNames';

/** ABC cut-offs on the cumulative share (SPEC §4): A below `a`, B below `b`, else C. */
export interface AbcCutoffs {
  readonly a: number;
  readonly b: number;
}

/** SPEC §4 defaults: 80 % and 95 %. */
export const DEFAULT_ABC_CUTOFFS: AbcCutoffs = { a: 0.8, b: 0.95 };

export type AbcClass = 'A' | 'B' | 'C';
/** 2023 US merger guidelines: high > 1 800, moderate 1 000–1 800, low < 1 000. */
export type HhiBand = 'low' | 'moderate' | 'high';

/** An account with positive revenue, in rank order. */
export interface RankedAccount {
  /** Index into the transactions' `accounts`. */
  readonly account: number;
  readonly name: string;
  /** Net revenue in cents (> 0). */
  readonly revenue: number;
  /** 1-based rank. */
  readonly rank: number;
  /** revenue / total of positive accounts. */
  readonly share: number;
  /** Cumulative share C_k including this account. */
  readonly cumulative: number;
  readonly abcClass: AbcClass;
}

/** An account with transactions but net revenue ≤ 0: not ranked (SPEC §4). */
export interface NonPositiveAccount {
  readonly account: number;
  readonly name: string;
  readonly revenue: number;
}

/** Concentration of one scope and period (SPEC §4). */
export interface Concentration {
  /** T: total of positive accounts, cents. */
  readonly total: number;
  readonly accounts: readonly RankedAccount[];
  /** Accounts with transactions and revenue ≤ 0, by name. */
  readonly nonPositive: readonly NonPositiveAccount[];
  /** CR1, CR5, CR10: sum of the top n shares (all shares when fewer accounts); 0 when none. */
  readonly cr: { readonly 1: number; readonly 5: number; readonly 10: number };
  /** Σ (100 · s)², 0–10 000; 0 when no account has positive revenue. */
  readonly hhi: number;
  readonly band: HhiBand;
  readonly classCounts: { readonly A: number; readonly B: number; readonly C: number };
}

// A cut-off as its 15-digit decimal, digits / den, remembered per value (a report uses two).
const cutoffFractions = new Map<number, { readonly digits: bigint; readonly den: bigint }>();

function cutoffFraction(cutoff: number): { readonly digits: bigint; readonly den: bigint } {
  let f = cutoffFractions.get(cutoff);
  if (f === undefined) {
    const [mantissa = '0', exponent = '0'] = cutoff.toExponential(14).split('e');
    const scale = 14 - Number(exponent);
    let digits = BigInt(mantissa.replace('.', ''));
    let den = 1n;
    if (scale >= 0) den = 10n ** BigInt(scale);
    else digits *= 10n ** BigInt(-scale);
    if (cutoffFractions.size >= 64) cutoffFractions.clear();
    f = { digits, den };
    cutoffFractions.set(cutoff, f);
  }
  return f;
}

// Smallest whole number of cents c with c ≥ cutoff · total, exactly: cutoff as its 15-digit decimal.
function cutoffCents(cutoff: number, total: number): number {
  const { digits, den } = cutoffFraction(cutoff);
  const num = digits * BigInt(total);
  const q = num / den;
  return Number(num % den === 0n ? q : num > 0n ? q + 1n : q);
}

const TWO_24 = 2 ** 24;
const TWO_48 = 2 ** 48;
const TWO_52 = 2 ** 52;

/**
 * Σ r² of positive whole numbers, exactly, without a BigInt per term: r = hi·2^24 + lo, so
 * r² = hi²·2^48 + 2·hi·lo·2^24 + lo², and while r < 2^48 each of hi², hi·lo, lo² is below 2^48;
 * their sums stay exact in doubles as long as each is moved into a BigInt before it passes
 * 2^52. Larger r are squared as BigInts.
 */
class SquareSum {
  private high = 0;
  private middle = 0;
  private low = 0;
  private big = 0n;

  add(r: number): void {
    if (r >= TWO_48) {
      const b = BigInt(r);
      this.big += b * b;
      return;
    }
    const lo = r % TWO_24;
    const hi = (r - lo) / TWO_24;
    this.high += hi * hi;
    this.middle += hi * lo;
    this.low += lo * lo;
    if (this.high >= TWO_52) {
      this.big += BigInt(this.high) << 48n;
      this.high = 0;
    }
    if (this.middle >= TWO_52) {
      this.big += BigInt(this.middle) << 25n;
      this.middle = 0;
    }
    if (this.low >= TWO_52) {
      this.big += BigInt(this.low);
      this.low = 0;
    }
  }

  total(): bigint {
    return this.big + (BigInt(this.high) << 48n) + (BigInt(this.middle) << 25n) + BigInt(this.low);
  }
}

/**
 * Ranks accounts and measures concentration (SPEC §4) from per-account net revenue.
 * `accounts[i]` (an index into `names`) has net revenue `revenue[i]` cents; list every account
 * with a transaction in the scope and period, once. Accounts with revenue > 0 are ranked by
 * revenue descending, ties by case-insensitive code-point order of the name, then the exact
 * name. Shares, CR_n and cumulative shares are single divisions of exact integer sums; the HHI
 * band and the ABC classes are decided exactly (bigint), so a value on a boundary is never
 * pushed across it by float rounding.
 * @example concentration(Int32Array.of(0, 1, 2, 3), Float64Array.of(30, 30, 20, 20), ['a', 'b', 'c', 'd']).hhi // 2600
 */
export function concentration(
  accounts: Int32Array,
  revenue: Float64Array,
  names: readonly string[],
  cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS,
): Concentration {
  const positive: number[] = [];
  const nonPositive: NonPositiveAccount[] = [];
  let total = 0;
  for (let i = 0; i < accounts.length; i++) {
    const r = revenue[i] as number;
    const a = accounts[i] as number;
    if (r > 0) {
      positive.push(i);
      total += r;
    } else {
      nonPositive.push({ account: a, name: names[a] ?? '', revenue: r });
    }
  }
  const folded = new Map<number, string>();
  const foldedName = (i: number) => {
    let f = folded.get(i);
    if (f === undefined) {
      f = (names[accounts[i] as number] ?? '').toLowerCase();
      folded.set(i, f);
    }
    return f;
  };
  orderByValueDesc(
    positive,
    revenue,
    (x, y) =>
      compareCodePoints(foldedName(x), foldedName(y)) ||
      compareCodePoints(names[accounts[x] as number] ?? '', names[accounts[y] as number] ?? ''),
  );
  nonPositive.sort((x, y) => compareCodePoints(x.name.toLowerCase(), y.name.toLowerCase()) || compareCodePoints(x.name, y.name));

  const aCut = cutoffCents(cutoffs.a, total);
  const bCut = cutoffCents(cutoffs.b, total);
  const ranked: RankedAccount[] = [];
  const counts = { A: 0, B: 0, C: 0 };
  let cumulative = 0;
  const squares = new SquareSum();
  let top1 = 0;
  let top5 = 0;
  let top10 = 0;
  for (let k = 0; k < positive.length; k++) {
    const i = positive[k] as number;
    const r = revenue[i] as number;
    const before = cumulative; // C_{k−1}: the account that crosses a cut-off still belongs below it
    const abcClass: AbcClass = before < aCut ? 'A' : before < bCut ? 'B' : 'C';
    counts[abcClass]++;
    cumulative += r;
    if (k < 1) top1 = cumulative;
    if (k < 5) top5 = cumulative;
    if (k < 10) top10 = cumulative;
    squares.add(r);
    const a = accounts[i] as number;
    ranked.push({ account: a, name: names[a] ?? '', revenue: r, rank: k + 1, share: r / total, cumulative: cumulative / total, abcClass });
  }
  const sumSquares = squares.total();

  let hhi = 0;
  let band: HhiBand = 'low';
  if (total > 0) {
    // HHI = 10 000 · Σ R² / T², compared with the band limits in integers.
    const t2 = BigInt(total) * BigInt(total);
    const scaled = 10000n * sumSquares;
    const q = scaled / t2;
    hhi = Number(q) + Number(scaled - q * t2) / Number(t2);
    band = scaled > 1800n * t2 ? 'high' : scaled >= 1000n * t2 ? 'moderate' : 'low';
  }
  const share = (x: number) => (total > 0 ? x / total : 0);
  return {
    total,
    accounts: ranked,
    nonPositive,
    cr: { 1: share(top1), 5: share(top5), 10: share(top10) },
    hhi,
    band,
    classCounts: counts,
  };
}

/**
 * The HHI band of a value (SPEC §4): high > 1 800, moderate 1 000–1 800, low < 1 000.
 * @example hhiBand(1800) // 'moderate'
 */
export function hhiBand(hhi: number): HhiBand {
  return hhi > 1800 ? 'high' : hhi >= 1000 ? 'moderate' : 'low';
}
