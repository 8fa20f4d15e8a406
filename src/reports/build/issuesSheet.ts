/**
 * The Data Issues sheet (SPEC §1.3, §8): every rejected transaction row and every problem in
 * the quota, plan, key-account, target and FX tables, with sheet, row, column, the raw value
 * (always as text, however it looks) and the reason. Built only when there is something to fix.
 */
import type { Issue } from '../../core/issues/issue';
import { numberCell, textCell } from '../model/cells';
import type { ReportSheet } from '../model/reportModel';
import { legalTableName } from '../model/tableName';
import { fitColumnWidths, headerRowHeight } from './columnWidths';
import type { ReportContext } from './reportContext';
import type { ReportInput } from './reportInput';
import { SheetDraft } from './sheetDraft';
import { titleBlock } from './titleBlock';
import { padded } from './formatCode';
import { translateIssueReason } from './translateIssueReason';

/** Sheet key of Data Issues. */
export const ISSUES_KEY = 'issues';

/** What an issue means for the figures: the row was left out, or it was used but looks wrong. */
function effect(issue: Issue, rejectedRow: boolean): 'effect.rowNotUsed' | 'effect.lineNotUsed' | 'effect.warning' {
  if (rejectedRow) return 'effect.rowNotUsed';
  return (issue as Issue & { severity?: string }).severity === 'warning' ? 'effect.warning' : 'effect.lineNotUsed';
}

/**
 * Builds the Data Issues sheet, or `null` when there are no issues.
 * @example issuesSheet(input, ctx)?.tables?.[0]?.range.rowCount // issues + 1
 */
export function issuesSheet(input: ReportInput, ctx: ReportContext): ReportSheet | null {
  const rejected = input.intake.issues;
  const other = input.tableIssues;
  if (rejected.length + other.length === 0) return null;
  const { t } = ctx;
  const labels = [t('label.sheet'), t('label.row'), t('label.column'), t('label.value'), t('label.effect'), t('label.reason')];
  const d = new SheetDraft();
  titleBlock(d, t('title.issues'), ctx.subtitles, labels.length);
  d.addFreeRow([textCell(`${t('label.rowsRejected')}: ${rejected.length} · ${t('label.tableIssues')}: ${other.length}`, { style: 'label' })]);
  d.addFreeRow([textCell(t('note.issues'), { style: 'note' })]);
  d.skip();
  const headerRow = d.addRow(labels.map((l) => textCell(l, { style: 'header' })));
  const add = (issue: Issue, rejectedRow: boolean): void => {
    d.addRow([
      textCell(issue.sheet),
      issue.row > 0 ? numberCell(issue.row, { format: padded('0') }) : null,
      textCell(issue.column),
      // The raw value exactly as found, never as a formula or a number (it may be "=1+1" or "00123").
      textCell(issue.value),
      textCell(t(effect(issue, rejectedRow))),
      textCell(translateIssueReason(issue, ctx.language)),
    ]);
  };
  for (const i of rejected) add(i, true);
  for (const i of other) add(i, false);
  const last = d.nextRow - 1;
  d.tables.push({
    name: legalTableName(t('table.issues')),
    range: { row: headerRow, col: 0, rowCount: last - headerRow + 1, colCount: labels.length },
    style: 'TableStyleLight9',
    showRowStripes: true,
    autoFilter: true,
  });
  const body = { row: headerRow + 1, col: 4, rowCount: last - headerRow, colCount: 1 };
  d.conditionalFormats.push(
    { kind: 'text', range: body, operator: 'beginsWith', text: t('effect.rowNotUsed'), style: 'bad' },
    { kind: 'text', range: body, operator: 'beginsWith', text: t('effect.lineNotUsed'), style: 'bad' },
    { kind: 'text', range: body, operator: 'beginsWith', text: t('effect.warning'), style: 'warn' },
  );
  const widths = fitColumnWidths(d.rows(), labels.length, [{ min: 14, max: 30 }, { min: 7 }, { min: 12, max: 30 }, { min: 12, max: 40 }, { min: 14, max: 30 }, { min: 40, max: 110 }], d.freeRows());
  d.height(headerRow, headerRowHeight(labels, widths));
  return d.toSheet({
    key: ISSUES_KEY,
    name: t('sheet.issues'),
    tabColor: '#C00000',
    columns: widths,
    freeze: { rows: headerRow + 1, cols: 0 },
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { first: headerRow, count: 1 } },
  });
}
