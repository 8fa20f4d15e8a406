import {
  Body1,
  Card,
  CardHeader,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { forwardRef, useId, type ReactElement } from 'react';
import type { CatalogKey } from '../../reports/i18n/catalog';
import { usePaneLocale } from '../i18n/usePaneLocale';
import type { SourceCellRef } from '../paneActions';
import type { RunSummary } from '../results/runSummary';
import { Facts } from './Facts';
import { IssueList } from './IssueList';

export interface ResultsCardProps {
  readonly summary: RunSummary;
  /** Activates a report sheet by name. */
  readonly onActivateSheet: (name: string) => void;
  /** Selects the source cell a data issue points at. */
  readonly onSelectSourceCell: (cell: SourceCellRef) => void;
  /** How many issues the list shows; the rest are on the Data Issues sheet. */
  readonly maxIssues?: number;
}

const BAND_KEYS: Readonly<Record<RunSummary['band'], CatalogKey>> = {
  low: 'pane.results.band.low',
  moderate: 'pane.results.band.moderate',
  high: 'pane.results.band.high',
};

const useStyles = makeStyles({
  heading: { margin: 0 },
  card: { rowGap: tokens.spacingVerticalM },
  title: { ...typographyStyles.subtitle2, margin: 0 },
  sheets: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, margin: 0, paddingLeft: 0, listStyleType: 'none' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The results of a run: the headline numbers (as-of, report year, managers, revenue, team
 * attainment, payout, HHI and band, key-account share, rows rejected), links that open each
 * report sheet, and the Data Issues list, whose rows select their source cell.
 * The title takes focus when the card appears, so screen readers announce the results.
 */
export const ResultsCard = forwardRef<HTMLHeadingElement, ResultsCardProps>(function ResultsCard(
  { summary, onActivateSheet, onSelectSourceCell, maxIssues = 100 },
  titleRef,
): ReactElement {
  const { t, format } = usePaneLocale();
  const styles = useStyles();
  const titleId = useId();
  const issuesId = useId();
  const na = t('pane.results.notAvailable');
  const ratio = (x: number | null) => (x === null ? na : format.percent(x));

  return (
    <Card className={styles.card} aria-labelledby={titleId}>
      <CardHeader
        header={
          <h2 className={styles.title} id={titleId} ref={titleRef} tabIndex={-1}>
            {t('pane.results.title')}
          </h2>
        }
      />
      <Facts
        items={[
          { label: t('pane.results.asOf'), value: format.date(summary.asOf), nowrap: true },
          { label: t('pane.results.reportYear'), value: summary.reportYear },
          { label: t('pane.results.managers'), value: format.integer(summary.managers) },
          { label: t('pane.results.totalRevenue'), value: format.money(summary.totalRevenue, summary.currency), nowrap: true },
          { label: t('pane.results.teamAttainment'), value: ratio(summary.teamAttainment), nowrap: true },
          {
            label: t('pane.results.totalPayout'),
            value: summary.totalPayout === null ? t('pane.results.noPlan') : format.money(summary.totalPayout, summary.currency),
            nowrap: summary.totalPayout !== null,
          },
          {
            label: t('pane.results.hhi'),
            value: t('pane.results.hhiValue', { hhi: format.integer(summary.hhi), band: t(BAND_KEYS[summary.band]) }),
          },
          { label: t('pane.results.keyAccountShare'), value: ratio(summary.keyAccountShare), nowrap: true },
          {
            label: t('pane.results.rowsRejected'),
            value: t('pane.results.rowsRejectedValue', { rejected: format.integer(summary.rejected), rows: format.integer(summary.rows) }),
          },
        ]}
      />

      {summary.sheets
        .filter((s) => s.name !== s.wanted)
        .map((s) => (
          <MessageBar key={s.role} intent="warning" layout="multiline">
            <MessageBarBody>{t('pane.results.renamed', { wanted: s.wanted, name: s.name })}</MessageBarBody>
          </MessageBar>
        ))}

      {summary.sheets.length > 0 && (
        <nav className={styles.section} aria-label={t('pane.results.sheets')}>
          <Subtitle2 as="h3" className={styles.heading}>{t('pane.results.sheets')}</Subtitle2>
          <ul className={styles.sheets}>
            {summary.sheets.map((s) => (
              <li key={s.role}>
                <Link as="button" onClick={() => onActivateSheet(s.name)}>
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <section className={styles.section} aria-labelledby={issuesId}>
        <Subtitle2 as="h3" className={styles.heading} id={issuesId}>
          {t('pane.results.issues.title', { count: format.integer(summary.issues.length) })}
        </Subtitle2>
        {summary.issues.length === 0 ? (
          <Body1>{t('pane.results.issues.none')}</Body1>
        ) : (
          <>
            <Body1 className={styles.muted}>{t('pane.results.issues.intro')}</Body1>
            <IssueList
              issues={summary.issues}
              labelledBy={issuesId}
              onSelectSourceCell={onSelectSourceCell}
              maxIssues={maxIssues}
              issuesSheet={summary.sheets.find((s) => s.role === 'issues')?.name ?? ''}
            />
          </>
        )}
      </section>
    </Card>
  );
});
