/** Money: integer cents, exact decimal rates, one explicit rounding (DESIGN.md §3). */
export { asCents, MAX_CENTS, type Cents } from './cents';
export { roundHalfAwayFromZero } from './roundHalfAwayFromZero';
export { normaliseDecimal, decimalToText, pow10, type Decimal } from './decimal';
export { parseDecimal } from './parseDecimal';
export { decimalFromNumber } from './decimalFromNumber';
export { centsFromDigits, shiftDecimalPoint } from './centsFromDigits';
export { centsFromNumber } from './centsFromNumber';
export { multiplyCentsByRate } from './multiplyCentsByRate';
export { formatCents } from './formatCents';
