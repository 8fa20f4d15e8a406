import { Body1, Button, Link, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { translateIssueReason } from '../../reports/build/translateIssueReason';
import { usePaneLocale } from '../i18n/usePaneLocale';
import type { SourceCellRef } from '../paneActions';
import type { IssueRow } from '../results/runSummary';

export interface IssueListProps {
  readonly issues: readonly IssueRow[];
  /** The id of the heading that names the list. */
  readonly labelledBy: string;
  /** Selects the source cell an issue points at. */
  readonly onSelectSourceCell: (cell: SourceCellRef) => void;
  /** How many issues the list can show at most; the rest are only on the Data Issues sheet. */
  readonly maxIssues: number;
  /** Name of the Data Issues report sheet, where every issue is listed. */
  readonly issuesSheet: string;
  /** How many issues show at first, and how many more each "Show more" adds. */
  readonly pageSize?: number;
}

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  group: { margin: 0, padding: 0, listStyleType: 'none' },
  groupTitle: {
    ...typographyStyles.caption1Strong,
    margin: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: 'solid',
    borderBottomColor: tokens.colorNeutralStroke2,
    outlineStyle: 'none',
  },
  selectable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  where: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
    minWidth: 0,
  },
  rowLink: {
    ...typographyStyles.caption1Strong,
    flexShrink: 0,
    // High contrast: a link in the system's link colour (Fluent's button-link keeps ButtonText).
    '@media (forced-colors: active)': { color: 'LinkText' },
  },
  column: { overflowWrap: 'anywhere', minWidth: 0 },
  value: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  empty: { fontStyle: 'italic' },
  reason: { color: tokens.colorNeutralForeground1, overflowWrap: 'anywhere' },
  more: { alignSelf: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Consecutive issues of one sheet (transactions first, then each settings table). */
interface Group {
  readonly sheet: string;
  readonly start: number;
  readonly issues: readonly IssueRow[];
}

function groupBySheet(issues: readonly IssueRow[]): Group[] {
  const groups: { sheet: string; start: number; issues: IssueRow[] }[] = [];
  issues.forEach((issue, i) => {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.sheet === issue.sheet) last.issues.push(issue);
    else groups.push({ sheet: issue.sheet, start: i, issues: [issue] });
  });
  return groups;
}

/**
 * The Data Issues list for a narrow pane: one compact item per issue — the row as a link that
 * selects the source cell (the whole item is clickable with the mouse too), then column and raw
 * value on one line, then the reason in the pane's language, wrapping. Issues are grouped by
 * sheet when they come from more than one; the first `pageSize` show, and "Show more" adds the
 * next ones (moving focus to the first new one) up to `maxIssues`, after which a note says that
 * every issue is on the Data Issues sheet.
 */
export function IssueList({ issues, labelledBy, onSelectSourceCell, maxIssues, issuesSheet, pageSize = 10 }: IssueListProps): ReactElement {
  const { t, format, language } = usePaneLocale();
  const styles = useStyles();
  const limit = Math.min(issues.length, maxIssues);
  const [count, setCount] = useState(Math.min(pageSize, limit));
  const firstNew = useRef<HTMLLIElement | null>(null);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const shown = issues.slice(0, Math.min(count, limit));
  const groups = groupBySheet(shown);
  // Issues per sheet over the whole list (group titles count every issue, not only those shown).
  const perSheet = useMemo(() => {
    const counts = new Map<string, number>();
    for (const i of issues) counts.set(i.sheet, (counts.get(i.sheet) ?? 0) + 1);
    return counts;
  }, [issues]);
  const grouped = perSheet.size > 1;
  const next = Math.min(pageSize, limit - shown.length);

  useEffect(() => {
    if (focusFrom === null) return;
    const item = firstNew.current;
    const target = item?.querySelector<HTMLElement>('button') ?? item;
    target?.focus();
    setFocusFrom(null);
  }, [focusFrom]);

  const select = (issue: IssueRow) => {
    if (issue.row > 0) onSelectSourceCell({ sheet: issue.sheet, row: issue.row, column: issue.column });
  };

  const item = (issue: IssueRow, index: number) => (
    <li
      key={`${issue.sheet}:${issue.row}:${issue.column}:${index}`}
      ref={index === focusFrom ? firstNew : undefined}
      tabIndex={index === focusFrom ? -1 : undefined}
      className={mergeClasses(styles.item, issue.row > 0 && styles.selectable)}
      onClick={issue.row > 0 ? () => select(issue) : undefined}
    >
      <span className={styles.where}>
        {issue.row > 0 && (
          <Link
            as="button"
            className={styles.rowLink}
            aria-label={t('pane.results.issues.goTo', { sheet: issue.sheet, row: issue.row, column: issue.column })}
            onClick={(e) => {
              // The item's own click handler selects the cell; one call, not two.
              e.stopPropagation();
              select(issue);
            }}
          >
            {t('pane.results.issues.rowLink', { row: issue.row })}
          </Link>
        )}
        {issue.column !== '' && <span className={styles.column}>{issue.column}</span>}
        {issue.value.trim() === '' ? (
          <span className={mergeClasses(styles.value, styles.empty)}>{t('pane.results.issues.emptyValue')}</span>
        ) : (
          <span className={styles.value}>{issue.value}</span>
        )}
      </span>
      <Body1 className={styles.reason}>{translateIssueReason(issue, language)}</Body1>
    </li>
  );

  return (
    <>
      {grouped ? (
        <ul className={styles.list} aria-labelledby={labelledBy}>
          {groups.map((g) => (
            <li key={`${g.sheet}:${g.start}`}>
              <h4 className={styles.groupTitle} id={`${labelledBy}-${g.start}`}>
                {g.sheet} ({format.integer(perSheet.get(g.sheet) ?? 0)})
              </h4>
              <ul className={styles.group} aria-labelledby={`${labelledBy}-${g.start}`}>
                {g.issues.map((issue, k) => item(issue, g.start + k))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <ul className={styles.list} aria-labelledby={labelledBy}>
          {shown.map((issue, i) => item(issue, i))}
        </ul>
      )}
      {next > 0 && (
        <Button
          className={styles.more}
          appearance="secondary"
          size="small"
          onClick={() => {
            setFocusFrom(shown.length);
            setCount(shown.length + next);
          }}
        >
          {t('pane.results.issues.showMore', { count: format.integer(next) })}
        </Button>
      )}
      {next === 0 && issues.length > shown.length && (
        <Body1 className={styles.muted}>
          {t('pane.results.issues.more', { shown: format.integer(shown.length), count: format.integer(issues.length), sheet: issuesSheet })}
        </Body1>
      )}
    </>
  );
}
