import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarGroup,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { failureMessageKeys, type PaneFailure } from '../errors/paneFailure';
import { useTranslate } from '../i18n/useTranslate';

/** A failure on show, with an id to dismiss it by. */
export interface ShownFailure {
  readonly id: string;
  readonly failure: PaneFailure;
}

export interface ErrorBarProps {
  readonly failures: readonly ShownFailure[];
  readonly onDismiss: (id: string) => void;
}

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  detail: {
    display: 'block',
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
});

/**
 * Every failure, each in its own MessageBar: what went wrong, what to do, and the technical
 * detail (from Excel or the engine) in small print. Each can be dismissed.
 */
export function ErrorBar({ failures, onDismiss }: ErrorBarProps): ReactElement | null {
  const t = useTranslate();
  const styles = useStyles();
  if (failures.length === 0) return null;
  return (
    <MessageBarGroup className={styles.group}>
      {failures.map(({ id, failure }) => {
        const keys = failureMessageKeys(failure.kind);
        return (
          <MessageBar key={id} intent="error" layout="multiline" data-failure={failure.kind}>
            <MessageBarBody>
              <MessageBarTitle>{t(keys.title)}</MessageBarTitle> {t(keys.action)}
              {failure.detail !== undefined && (
                <span className={styles.detail}>{t('pane.error.details', { detail: failure.detail })}</span>
              )}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                appearance="transparent"
                aria-label={`${t('pane.error.dismiss')}: ${t(keys.title)}`}
                onClick={() => onDismiss(id)}
              >
                {t('pane.error.dismiss')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
    </MessageBarGroup>
  );
}
