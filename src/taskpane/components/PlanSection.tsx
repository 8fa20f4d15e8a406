import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { CommissionPlan } from '../../core/commission/commissionPlan';
import { toNumber, type ExactDecimal } from '../../core/commission/exactDecimal';
import { translateIssueReason } from '../../reports/build/translateIssueReason';
import { PLAN_CHOICE_KEYS } from '../plan/planChoiceKeys';
import { usePaneLocale } from '../i18n/usePaneLocale';
import type { PlanForm } from '../plan/planForm';
import type { PlanState } from '../plan/planState';
import { Facts } from './Facts';
import { PlanEditor } from './PlanEditor';

export interface PlanSectionProps {
  readonly plan: PlanState;
  /** The form being edited, or `null` when the editor is closed. */
  readonly editing: PlanForm | null;
  /** Changes whenever a new editing session starts, so the editor starts from `editing`. */
  readonly editorKey: number;
  readonly saving: boolean;
  /** The plan was just saved: say so. */
  readonly saved: boolean;
  readonly onNew: () => void;
  readonly onEdit: () => void;
  readonly onSave: (plan: CommissionPlan) => void;
  readonly onClose: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});


/**
 * The commission plan: what the workbook has (a summary, the problems of an invalid plan sheet,
 * or nothing yet), "New plan" / "Edit plan", and the editor.
 */
export function PlanSection(props: PlanSectionProps): ReactElement {
  const { plan, editing } = props;
  const { t, format, language } = usePaneLocale();
  const styles = useStyles();

  if (plan.status === 'loading') return <Spinner size="tiny" />;
  if (editing !== null) {
    return <PlanEditor key={props.editorKey} initial={editing} saving={props.saving} onSave={props.onSave} onClose={props.onClose} />;
  }

  // Plan values are exact decimals; shown through the locale's formats (display only).
  const percent = (x: ExactDecimal) => format.percent(toNumber(x), 2);
  const number = (x: ExactDecimal) => format.decimal(toNumber(x));
  const where = (e: { row: number; column: string }) =>
    [e.row > 0 ? `${t('pane.results.issues.row')} ${e.row}` : '', e.column].filter((s) => s !== '').join(' · ');
  return (
    <div className={styles.root}>
      {props.saved && (
        <MessageBar intent="success">
          <MessageBarBody>{t('pane.plan.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {plan.status === 'none' && <Body1>{t('pane.plan.none')}</Body1>}
      {plan.status === 'invalid' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('pane.plan.sheetInvalid.title')}</MessageBarTitle> {t('pane.plan.sheetInvalid.body')}
            <ul className={styles.issues}>
              {plan.errors.map((e, i) => (
                <li key={i}>{[where(e), translateIssueReason(e, language)].filter((s) => s !== '').join(': ')}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {plan.status === 'plan' && (
        <Facts
          items={[
            { label: t('pane.plan.summary.period'), value: t(PLAN_CHOICE_KEYS[plan.plan.period]) },
            { label: t('pane.plan.summary.basis'), value: t(PLAN_CHOICE_KEYS[plan.plan.basis]) },
            { label: t('pane.plan.summary.method'), value: t(PLAN_CHOICE_KEYS[plan.plan.method]) },
            {
              label: t('pane.plan.summary.tiers'),
              value: format.list(
                plan.plan.tiers.map((tier) => `${plan.plan.basis === 'attainment' ? percent(tier.from) : number(tier.from)} → ${percent(tier.rate)}`),
              ),
            },
          ]}
        />
      )}
      <div className={styles.actions}>
        {plan.status === 'plan' && (
          <Button appearance="primary" onClick={props.onEdit}>
            {t('pane.plan.edit')}
          </Button>
        )}
        <Button appearance={plan.status === 'plan' ? 'secondary' : 'primary'} onClick={props.onNew}>
          {t('pane.plan.new')}
        </Button>
      </div>
    </div>
  );
}
