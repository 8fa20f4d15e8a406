import { Body1, Button, Card, CardHeader, Field, makeStyles, ProgressBar, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, type ReactElement } from 'react';
import { usePaneLocale } from '../i18n/usePaneLocale';

export interface RunProgressProps {
  readonly phase: 'reading' | 'computing' | 'writing';
  /** Units done of `total` in this phase: rows read, steps computed, sheets written. */
  readonly done: number;
  /** 0 when not known yet (the bar then moves without a value). */
  readonly total: number;
  /** What is being worked on, e.g. the sheet being written. */
  readonly detail?: string | undefined;
  readonly cancelRequested: boolean;
  readonly onCancel: () => void;
}

const useStyles = makeStyles({
  heading: { margin: 0 },
  card: { rowGap: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The run's phase with a progress bar ("Reading rows: 12,000 of 250,000") and Cancel. */
export function RunProgress({ phase, done, total, detail, cancelRequested, onCancel }: RunProgressProps): ReactElement {
  const { t, format } = usePaneLocale();
  const styles = useStyles();
  const titleId = useId();
  const counts = { done: format.integer(done), total: format.integer(total) };
  let label: string;
  if (total <= 0) label = t('pane.progress.starting');
  else if (phase === 'reading') label = t('pane.progress.reading', counts);
  else if (phase === 'computing') label = t('pane.progress.computing', counts);
  else if (detail !== undefined && detail !== '') label = t('pane.progress.writingSheet', { ...counts, sheet: detail });
  else label = t('pane.progress.writing', counts);
  const value = total > 0 ? Math.min(1, Math.max(0, done / total)) : undefined;

  return (
    <Card className={styles.card} aria-labelledby={titleId} aria-busy="true">
      <CardHeader header={<Subtitle2 as="h2" className={styles.heading} id={titleId}>{t('pane.progress.title')}</Subtitle2>} />
      <Field label={label} validationState="none">
        <ProgressBar thickness="large" {...(value !== undefined && { value, max: 1 })} />
      </Field>
      {cancelRequested && (
        <Body1 role="status" className={styles.note}>
          {t('pane.progress.cancelling')}
        </Body1>
      )}
      <div>
        <Button disabledFocusable={cancelRequested} onClick={onCancel}>
          {t('pane.progress.cancel')}
        </Button>
      </div>
    </Card>
  );
}
