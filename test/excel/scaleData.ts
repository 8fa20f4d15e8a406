/**
 * Deterministic transaction rows for the adapter's scale tests: 4 columns (Date as an Excel
 * serial, Account with a long tail of sizes, Manager, Amount with ~3 % credit notes), as a
 * workbook holds them when Office.js reads it.
 */
export const SCALE_HEADER = ['Date', 'Account', 'Manager', 'Amount'] as const;

const MANAGERS = Array.from({ length: 24 }, (_x, i) => `${['Zofia', 'Jürgen', 'José', 'Anna', 'Jan', 'María'][i % 6] ?? ''} ${['Wójcik', 'Müller', 'Núñez', 'Smith', 'Kowalski', 'García', 'Becker', 'Silva'][i % 8] ?? ''}`);

/** `n` data rows plus the header; the same `seed` gives the same rows. */
export function scaleRows(n: number, seed = 42): (string | number)[][] {
  let x = seed >>> 0;
  const next = (): number => {
    // xorshift32
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
  const out: (string | number)[][] = new Array<(string | number)[]>(n + 1);
  out[0] = [...SCALE_HEADER];
  const first = 45292; // 2024-01-01
  for (let i = 1; i <= n; i++) {
    const r = next();
    const account = Math.floor(20000 * r * r * r);
    const credit = next() < 0.03;
    const cents = Math.round((50 + next() * 5000) * 100) / 100;
    out[i] = [first + Math.floor(next() * 900), `Account ${account}`, MANAGERS[account % MANAGERS.length] ?? '', credit ? -cents : cents];
  }
  return out;
}
