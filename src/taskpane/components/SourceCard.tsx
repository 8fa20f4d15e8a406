import { Body1, Button, Card, CardHeader, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, type ReactElement } from 'react';
import type { SheetRole } from '../../app/sheetRoles';
import type { CatalogKey } from '../../reports/i18n/catalog';
import { usePaneLocale } from '../i18n/usePaneLocale';
import type { DetectedSource } from '../paneActions';
import { Facts } from './Facts';

/** Why Create reports is not available yet, if it is not. */
export type RunBlocker = 'mapping' | 'settings';

export interface SourceCardProps {
  /** The source found, if any. */
  readonly source: DetectedSource | undefined;
  /** A detection is under way. */
  readonly detecting: boolean;
  /** A run is under way: both buttons wait. */
  readonly running: boolean;
  readonly blocker?: RunBlocker | undefined;
  readonly onCreateReports: () => void;
  readonly onUseSelection: () => void;
}

const ROLE_KEYS: Readonly<Record<SheetRole, CatalogKey>> = {
  quotas: 'pane.role.quotas',
  plan: 'pane.role.plan',
  keyAccounts: 'pane.role.keyAccounts',
  targets: 'pane.role.targets',
  fx: 'pane.role.fx',
};

const BLOCKER_KEYS: Readonly<Record<RunBlocker, CatalogKey>> = {
  mapping: 'pane.source.blocked.mapping',
  settings: 'pane.source.blocked.settings',
};

const useStyles = makeStyles({
  heading: { margin: 0 },
  card: { rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  hint: { color: tokens.colorStatusDangerForeground1 },
});

/**
 * What the pane found to report on (sheet, range, rows, auxiliary sheets), with the one-click
 * "Create reports" and "Use selection" to point it at another range.
 */
export function SourceCard(props: SourceCardProps): ReactElement {
  const { source, detecting, running, blocker } = props;
  const { t, format } = usePaneLocale();
  const styles = useStyles();
  const titleId = useId();
  const hintId = useId();

  let body: ReactElement;
  if (detecting) {
    body = <Spinner size="tiny" labelPosition="after" label={t('pane.source.detecting')} />;
  } else if (source === undefined) {
    body = <Body1>{t('pane.source.notFound')}</Body1>;
  } else {
    const found =
      source.kind === 'table'
        ? t('pane.source.kind.table', { name: source.tableName ?? '' })
        : t(source.kind === 'selection' ? 'pane.source.kind.selection' : 'pane.source.kind.usedRange');
    const also = source.auxiliary.map((role) => t(ROLE_KEYS[role]));
    body = (
      <Facts
        items={[
          { label: t('pane.source.found'), value: found },
          { label: t('pane.source.sheet'), value: source.sheet },
          { label: t('pane.source.range'), value: source.address },
          { label: t('pane.source.rows'), value: format.integer(source.rowCount) },
          { label: t('pane.source.also'), value: also.length > 0 ? format.list(also) : t('pane.source.none') },
        ]}
      />
    );
  }

  const canRun = source !== undefined && !detecting && !running && blocker === undefined;
  return (
    <Card className={styles.card} aria-labelledby={titleId}>
      <CardHeader header={<Subtitle2 as="h2" className={styles.heading} id={titleId}>{t('pane.source.title')}</Subtitle2>} />
      {body}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={!canRun}
          onClick={props.onCreateReports}
          {...(blocker !== undefined && source !== undefined && { 'aria-describedby': hintId })}
        >
          {t('pane.source.createReports')}
        </Button>
        <Button disabled={detecting || running} onClick={props.onUseSelection}>
          {t('pane.source.useSelection')}
        </Button>
      </div>
      {blocker !== undefined && source !== undefined && (
        <Body1 id={hintId} className={styles.hint}>
          {t(BLOCKER_KEYS[blocker])}
        </Body1>
      )}
    </Card>
  );
}
