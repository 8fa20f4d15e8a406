/**
 * Folds a header for matching: Unicode NFKD with the combining marks dropped (so `Menedżer`
 * and `Währung` lose their accents), `ł` → `l` and `ß` → `ss` (which NFKD leaves alone), lower
 * case, zero-width characters removed, whitespace runs collapsed to one space, trimmed.
 * @example normaliseHeader(' Menedżer  Konta ') // "menedzer konta"
 * @example normaliseHeader('Straße') // "strasse"
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\u200b-\u200d\u2060\ufeff]/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key headers are compared by: {@link normaliseHeader} with every space, underscore,
 * hyphen and dot removed, so `ORDERDATE`, `order_date`, `Order-Date` and `Order Date` match.
 * @example headerKey('Order-Date') // "orderdate"
 * @example headerKey('Invoice No.') // "invoiceno"
 */
export function headerKey(text: string): string {
  return normaliseHeader(text).replace(/[\s_.-]+/g, '');
}

// A trailing note in parentheses or brackets: "Amount (EUR)", "Kwota [PLN]".
const TRAILING_NOTE = /\s*(?:\([^()]*\)|\[[^[\]]*\])\s*$/;

/**
 * The header without a trailing note in parentheses or brackets, or `null` when it has none.
 * Matching tries the header as it is first, then without the note.
 * @example withoutTrailingNote('Amount (EUR)') // "Amount"
 * @example withoutTrailingNote('Amount') // null
 */
export function withoutTrailingNote(text: string): string | null {
  const stripped = text.replace(TRAILING_NOTE, '');
  return stripped === text || stripped.trim() === '' ? null : stripped;
}
