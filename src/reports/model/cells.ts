/**
 * Constructors for model cells. Builders should use these rather than object literals:
 * {@link textCell} is where formula-injection safety is decided, and all of them keep
 * absent options absent (exactOptionalPropertyTypes, smaller JSON).
 */
import type { DayNumber } from '../../core/periods/dayNumber';
import { mustBeText } from '../safeText';
import type { BooleanCell, CachedValue, DateCell, EmptyCell, FormulaCell, NumberCell, StyleName, TextCell } from './reportModel';

export interface CellOptions {
  readonly style?: StyleName | undefined;
  readonly format?: string | undefined;
}

function withOptions<T extends object>(cell: T, o: CellOptions | undefined): T {
  if (o === undefined) return cell;
  const out: Record<string, unknown> = { ...(cell as Record<string, unknown>) };
  if (o.style !== undefined) out.style = o.style;
  if (o.format !== undefined) out.format = o.format;
  return out as T;
}

/**
 * A text cell; text an application could read as a formula, number, date or boolean is
 * marked `asText` (see `src/reports/safeText.ts`).
 * @example textCell('=HYPERLINK("http://x","y")') // { kind: 'text', text: '=HYPERLINK(…)', asText: true }
 */
export function textCell(text: string, o?: CellOptions): TextCell {
  const cell: TextCell = mustBeText(text) ? { kind: 'text', text, asText: true } : { kind: 'text', text };
  return withOptions(cell, o);
}

/** A number cell. Throws on NaN/±Infinity (a bug upstream; JSON cannot carry them). */
export function numberCell(value: number, o?: CellOptions): NumberCell {
  if (!Number.isFinite(value)) throw new RangeError(`number cell needs a finite number, got ${value}`);
  return withOptions<NumberCell>({ kind: 'number', value: Object.is(value, -0) ? 0 : value }, o);
}

/** A date cell from a day number (Excel serial). */
export function dateCell(day: DayNumber, o?: CellOptions): DateCell {
  if (!Number.isInteger(day) || day < 1) throw new RangeError(`date cell needs a positive integer day number, got ${day}`);
  return withOptions<DateCell>({ kind: 'date', day }, o);
}

export function booleanCell(value: boolean, o?: CellOptions): BooleanCell {
  return withOptions<BooleanCell>({ kind: 'boolean', value }, o);
}

/**
 * A formula cell with the engine's value as cached result.
 * @example formulaCell('=SUM(B2:B4)', 6, { format: '#,##0' })
 */
export function formulaCell(formula: string, cached: CachedValue, o?: CellOptions): FormulaCell {
  if (!formula.startsWith('=') || formula.length < 2) throw new RangeError(`formula must start with '=': ${formula}`);
  if (typeof cached === 'number' && !Number.isFinite(cached)) throw new RangeError(`cached value must be finite: ${formula}`);
  return withOptions<FormulaCell>({ kind: 'formula', formula, cached: Object.is(cached, -0) ? 0 : cached }, o);
}

/** An empty cell that carries a style (e.g. the rest of a filled header row). */
export function emptyCell(o?: CellOptions): EmptyCell {
  return withOptions<EmptyCell>({ kind: 'empty' }, o);
}
