import type { QuarterNumber } from './fiscalQuarter';
import type { FiscalStartMonth } from './fiscalStartMonth';
import type { FiscalPeriod } from './periodLabel';

// Fiscal-year prefixes in the four languages: FY (en), GJ (Geschäftsjahr), AF/EF (año / ejercicio
// fiscal), RO (rok obrotowy). Only after such a prefix may a year have two digits (FY27 = FY2027).
const YEAR = String.raw`(?:(FY|GJ|AF|EF|RO)\s*'?\s*(\d{4}|\d{2})|(\d{4}))`;
// Quarter: Q (en, de), T (es: trimestre), K (pl: kwartał); either `Q1` or `1Q`.
const QUARTER = String.raw`(?:[QTK]\s*([1-4])|([1-4])\s*[QTK])`;
const SEP = String.raw`\s*[-/_.,]?\s*`;

const YEAR_ONLY = new RegExp(`^${YEAR}$`);
const YEAR_QUARTER = new RegExp(`^${YEAR}${SEP}${QUARTER}$`);
const QUARTER_YEAR = new RegExp(`^${QUARTER}${SEP}${YEAR}$`);

function yearFrom(prefixed: string | undefined, plain: string | undefined): number | null {
  const text = prefixed ?? plain;
  if (text === undefined) return null;
  const n = Number(text);
  const year = text.length === 2 ? 2000 + n : n;
  return year >= 1900 && year <= 9999 ? year : null;
}

/**
 * Reads a period label from a quota table (SPEC §3) into a {@link FiscalPeriod}.
 *
 * Accepted (case- and space-insensitive): `2026-Q1`, `2026 Q1`, `2026Q1`, `Q1 2026`, `Q1-2026`,
 * `Q1/2026`, `1Q 2026`, `FY2027-Q3`, `FY2027 Q3`, `Q3 FY2027`, `FY27-Q3`, `2026`, `FY2027`,
 * `FY 2027`, `FY27`, and the number 2026. `T1`/`K1` (Spanish trimestre, Polish kwartał) and the
 * prefixes `GJ`, `AF`, `EF`, `RO` are read like `Q1` and `FY`.
 *
 * A year number always names a **fiscal** year, with or without the `FY` prefix: with M = 4,
 * `2026-Q1` and `FY2026-Q1` are both April–June 2025 (the fiscal year that ends in 2026). With
 * M = 1 fiscal and calendar years coincide, so the two readings agree. Two-digit years are read
 * only after a prefix and mean 20xx. `fiscalStart` is taken so the call states the calendar it
 * reads for; the result does not depend on it.
 *
 * @returns the period, or `null` when the text is not a period label.
 * @example parsePeriodLabel('Q1 2026', 1) // { kind: 'quarter', fiscalYear: 2026, quarter: 1 }
 * @example parsePeriodLabel('FY27', 4) // { kind: 'year', fiscalYear: 2027 }
 */
export function parsePeriodLabel(text: string | number, fiscalStart: FiscalStartMonth): FiscalPeriod | null {
  void fiscalStart;
  if (typeof text === 'number') {
    return Number.isInteger(text) && text >= 1900 && text <= 9999 ? { kind: 'year', fiscalYear: text } : null;
  }
  const s = text.trim().toUpperCase().replace(/\s+/g, ' ');
  let m = YEAR_ONLY.exec(s);
  if (m) {
    const fy = yearFrom(m[2], m[3]);
    return fy === null ? null : { kind: 'year', fiscalYear: fy };
  }
  m = YEAR_QUARTER.exec(s);
  if (m) {
    const fy = yearFrom(m[2], m[3]);
    const q = Number(m[4] ?? m[5]) as QuarterNumber;
    return fy === null ? null : { kind: 'quarter', fiscalYear: fy, quarter: q };
  }
  m = QUARTER_YEAR.exec(s);
  if (m) {
    const q = Number(m[1] ?? m[2]) as QuarterNumber;
    const fy = yearFrom(m[4], m[5]);
    return fy === null ? null : { kind: 'quarter', fiscalYear: fy, quarter: q };
  }
  return null;
}
