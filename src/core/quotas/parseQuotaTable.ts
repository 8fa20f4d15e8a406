import type { CellValue, Grid } from '../intake/cellValue';
import { issueMessage, type IssueMessage } from '../issues/messages';
import { missingColumnMessage } from '../issues/missingColumnMessage';
import type { FiscalStartMonth } from '../periods/fiscalStartMonth';
import { parsePeriodLabel } from '../periods/parsePeriodLabel';
import { periodLabel, type FiscalPeriod } from '../periods/periodLabel';
import { cellText, isBlankCell, isBlankRow } from './cellText';
import { deriveQuotas } from './deriveQuotas';
import { cellAt, findColumns } from './findColumns';
import { nameResolver } from './nameResolver';
import { parseQuotaAmount, type DecimalSeparator } from './parseQuotaAmount';
import { QUOTA_HEADERS } from './quotaHeaders';
import { quotaKey, type Quota, type QuotaTable } from './quotaTable';
import { tableIssue, type TableIssue } from './tableIssue';

/** Reading options of {@link parseQuotaTable}. */
export interface QuotaTableOptions {
  /** Decimal separator for text amounts with a lone `1,000`-style separator (default `.`). */
  readonly decimalSeparator?: DecimalSeparator;
}

/** A parsed quota table and everything questionable found on the way. */
export interface QuotaTableResult {
  readonly table: QuotaTable;
  readonly issues: readonly TableIssue[];
}

interface Cell {
  readonly row: number;
  readonly manager: string;
  readonly managerColumn: string;
  readonly managerValue: CellValue;
  readonly period: FiscalPeriod | null;
  readonly periodColumn: string;
  readonly periodValue: CellValue;
  readonly quotaColumn: string;
  readonly quotaValue: CellValue;
}

/**
 * Reads a Quotas sheet or CSV (SPEC §3) into quarterly and annual quotas per manager, in cents.
 *
 * Two layouts are recognised from the header row (first non-blank row; headers in English,
 * Spanish, Polish or German, case/accent/space-insensitive):
 * - long: `Manager | Period | Quota`, one line per manager and period;
 * - wide: `Manager | 2026-Q1 | 2026-Q2 | … | 2026` — every header that is a period label is a period.
 *
 * Lines are never dropped silently. Errors (line not used): missing manager, unreadable period,
 * unreadable quota, negative quota. Warnings (line used): a duplicate manager + period (the first
 * line wins, later ones are reported), a manager who has no transactions, an explicit annual
 * quota that differs from its four explicit quarters. A blank quota cell means "no quota".
 * Manager names are matched to `knownManagers` trimmed and case-insensitively and then spelled
 * as there. Quarterly quotas missing from a year with an annual quota are derived (annual / 4,
 * see {@link derivedQuarterCents}); an annual quota missing from a year with four quarters is
 * their sum; both are marked `derived`.
 *
 * @example parseQuotaTable({ sheet: 'Quotas', firstRow: 1, rows: [['Manager', 'Period', 'Quota'], ['Anna', '2026', 400000]] }, 1, ['Anna'])
 * // table.managers.get('Anna') has 2026 = 400 000.00 and four derived quarters of 100 000.00
 */
export function parseQuotaTable(
  grid: Grid,
  fiscalStart: FiscalStartMonth,
  knownManagers: readonly string[],
  options: QuotaTableOptions = {},
): QuotaTableResult {
  const issues: TableIssue[] = [];
  const managers = new Map<string, Map<number, Quota>>();
  const table: QuotaTable = { fiscalStart, managers };
  const match = findColumns(grid, QUOTA_HEADERS);
  const { headerIndex, headers, columns } = match;
  if (headerIndex < 0) return { table, issues };

  const missing = (field: 'manager' | 'period' | 'quota') =>
    issues.push(
      tableIssue('quotas.missingColumn', grid.sheet, grid.firstRow + headerIndex, field, '',
        missingColumnMessage(field, headers), 'error'),
    );
  if (columns.manager < 0) {
    missing('manager');
    return { table, issues };
  }

  // Wide layout: no period/quota columns, but headers that are period labels.
  const periodColumns: { index: number; period: FiscalPeriod }[] = [];
  if (columns.period < 0 || columns.quota < 0) {
    headers.forEach((h, index) => {
      if (index === columns.manager) return;
      const period = h === '' ? null : parsePeriodLabel(h, fiscalStart);
      if (period) periodColumns.push({ index, period });
    });
    if (periodColumns.length === 0) {
      if (columns.period < 0) missing('period');
      if (columns.quota < 0) missing('quota');
      return { table, issues };
    }
  }

  const resolve = nameResolver(knownManagers);
  const unknownReported = new Set<string>();
  const managerHeader = headers[columns.manager] ?? 'manager';
  const cells: Cell[] = [];
  for (let i = headerIndex + 1; i < grid.rows.length; i++) {
    const row = grid.rows[i];
    if (isBlankRow(row)) continue;
    const sheetRow = grid.firstRow + i;
    const managerValue = cellAt(row, columns.manager);
    const manager = cellText(managerValue).trim();
    if (periodColumns.length === 0) {
      const periodValue = cellAt(row, columns.period);
      cells.push({
        row: sheetRow, manager, managerColumn: managerHeader, managerValue,
        period: readPeriod(periodValue, fiscalStart),
        periodColumn: headers[columns.period] ?? 'period', periodValue,
        quotaColumn: headers[columns.quota] ?? 'quota', quotaValue: cellAt(row, columns.quota),
      });
    } else {
      for (const { index, period } of periodColumns) {
        const quotaValue = cellAt(row, index);
        if (isBlankCell(quotaValue)) continue;
        const column = headers[index] ?? '';
        cells.push({
          row: sheetRow, manager, managerColumn: managerHeader, managerValue, period,
          periodColumn: column, periodValue: column, quotaColumn: column, quotaValue,
        });
      }
    }
  }

  for (const c of cells) {
    const err = (code: string, column: string, value: CellValue, message: IssueMessage) =>
      issues.push(tableIssue(code, grid.sheet, c.row, column, cellText(value), message, 'error'));
    if (c.manager === '') {
      err('quotas.managerMissing', c.managerColumn, c.managerValue, issueMessage('quotas.managerMissing'));
      continue;
    }
    if (c.period === null) {
      err('quotas.periodUnparseable', c.periodColumn, c.periodValue, issueMessage('quotas.periodUnparseable'));
      continue;
    }
    if (isBlankCell(c.quotaValue)) continue;
    const cents = parseQuotaAmount(c.quotaValue, options.decimalSeparator);
    if (cents === null) {
      err('quotas.amountUnparseable', c.quotaColumn, c.quotaValue, issueMessage('value.notAnAmount'));
      continue;
    }
    if (cents < 0) {
      err('quotas.negative', c.quotaColumn, c.quotaValue, issueMessage('quotas.negative'));
      continue;
    }
    const known = resolve(c.manager);
    const name = known ?? c.manager;
    if (known === null && !unknownReported.has(name)) {
      unknownReported.add(name);
      issues.push(tableIssue('quotas.unknownManager', grid.sheet, c.row, c.managerColumn, c.manager,
        issueMessage('quotas.unknownManager', { name: c.manager }), 'warning'));
    }
    const periods = managers.get(name) ?? new Map<number, Quota>();
    managers.set(name, periods);
    const key = quotaKey(c.period.fiscalYear, c.period.kind === 'year' ? 0 : c.period.quarter);
    const first = periods.get(key);
    if (first) {
      issues.push(tableIssue('quotas.duplicate', grid.sheet, c.row, c.quotaColumn, cellText(c.quotaValue),
        issueMessage('quotas.duplicate', { name, period: periodLabel(c.period, fiscalStart), row: first.row }), 'warning'));
      continue;
    }
    periods.set(key, { cents, derived: false, row: c.row });
  }

  for (const [name, periods] of managers) {
    for (const fy of deriveQuotas(periods)) {
      const annual = periods.get(quotaKey(fy, 0));
      const label = periodLabel({ kind: 'year', fiscalYear: fy }, fiscalStart);
      issues.push(tableIssue('quotas.annualMismatch', grid.sheet, annual?.row ?? 0, 'quota', String((annual?.cents ?? 0) / 100),
        issueMessage('quotas.annualMismatch', { name, period: label }), 'warning'));
    }
  }
  return { table, issues };
}

function readPeriod(value: CellValue, fiscalStart: FiscalStartMonth): FiscalPeriod | null {
  if (typeof value === 'number' || typeof value === 'string') return parsePeriodLabel(value, fiscalStart);
  return null;
}
