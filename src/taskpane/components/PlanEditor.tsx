import {
  Body1,
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Subtitle2,
  tokens,
  type InputProps,
} from '@fluentui/react-components';
import { useId, useState, type ReactElement } from 'react';
import type { CommissionPlan, PlanBasis, PlanMethod, PlanPeriod } from '../../core/commission/commissionPlan';
import type { CatalogKey } from '../../reports/i18n/catalog';
import { usePaneLocale } from '../i18n/usePaneLocale';
import { nextRowId, validatePlanForm, type PlanForm } from '../plan/planForm';

export interface PlanEditorProps {
  /** The form to start from: the current plan, or the template for "New plan". */
  readonly initial: PlanForm;
  /** The plan is being saved: Save waits. */
  readonly saving?: boolean;
  /** A valid plan, checked with the core's own rules (the CLI's and the plan sheet's). */
  readonly onSave: (plan: CommissionPlan) => void;
  readonly onClose: () => void;
}

const PERIODS: readonly PlanPeriod[] = ['quarter', 'year'];
const BASES: readonly PlanBasis[] = ['attainment', 'revenue'];
const METHODS: readonly PlanMethod[] = ['marginal', 'retroactive'];
const CHOICE_KEYS: Readonly<Record<PlanPeriod | PlanBasis | PlanMethod, CatalogKey>> = {
  quarter: 'pane.plan.period.quarter',
  year: 'pane.plan.period.year',
  attainment: 'pane.plan.basis.attainment',
  revenue: 'pane.plan.basis.revenue',
  marginal: 'pane.plan.method.marginal',
  retroactive: 'pane.plan.method.retroactive',
};

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  control: { minWidth: 0, width: '100%' },
  table: { width: '100%', borderCollapse: 'collapse' },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    paddingBottom: tokens.spacingVerticalXS,
  },
  td: { verticalAlign: 'top', paddingRight: tokens.spacingHorizontalS, paddingBottom: tokens.spacingVerticalS },
  cellInput: { minWidth: 0, width: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  error: { color: tokens.colorStatusDangerForeground1 },
});

type RowField = 'from' | 'rate' | 'threshold' | 'amount';

/**
 * Creates or edits a commission plan (SPEC §5): period, basis, method, tiers (from, rate), the
 * attainment and amount caps, and bonuses (threshold, amount). Percentages are typed in % (50
 * for 50 %). Every rule of the core's plan validation shows its message at the field it names;
 * messages about empty fields wait until the field is left or Save is pressed.
 */
export function PlanEditor({ initial, saving = false, onSave, onClose }: PlanEditorProps): ReactElement {
  const { t, format } = usePaneLocale();
  const styles = useStyles();
  const summaryId = useId();
  const [form, setForm] = useState<PlanForm>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const result = validatePlanForm(form, format.decimalMark);
  const errors = result.ok ? {} : result.errors;
  const attainment = form.basis === 'attainment';

  const touch = (key: string) => setTouched((s) => (s.has(key) ? s : new Set([...s, key])));
  /** Props that show the message at `path` (a JSON path) when it is due. */
  const validation = (path: string, text: string, touchKey: string) => {
    const e = errors[path];
    if (e === undefined) return {};
    const due = submitted || touched.has(touchKey) || text.trim() !== '';
    return due ? { validationState: 'error' as const, validationMessage: t(e.key, e.params) } : {};
  };

  const update = (patch: Partial<PlanForm>) => setForm((f) => ({ ...f, ...patch }));
  const setTier = (id: number, field: 'from' | 'rate', value: string) =>
    setForm((f) => ({ ...f, tiers: f.tiers.map((row) => (row.id === id ? { ...row, [field]: value } : row)) }));
  const setBonus = (id: number, field: 'threshold' | 'amount', value: string) =>
    setForm((f) => ({ ...f, bonuses: f.bonuses.map((row) => (row.id === id ? { ...row, [field]: value } : row)) }));

  const percentInput: Partial<InputProps> = { inputMode: 'decimal', contentAfter: '%' };
  const amountInput: Partial<InputProps> = { inputMode: 'decimal' };

  const cell = (
    path: string,
    touchKey: string,
    label: string,
    value: string,
    onValue: (v: string) => void,
    extra: Partial<InputProps>,
  ) => (
    <td className={styles.td}>
      <Field {...validation(path, value, touchKey)}>
        <Input
          className={styles.cellInput}
          aria-label={label}
          value={value}
          onChange={(_e, data) => onValue(data.value)}
          onBlur={() => touch(touchKey)}
          {...extra}
        />
      </Field>
    </td>
  );

  const choice = <T extends PlanPeriod | PlanBasis | PlanMethod>(
    label: CatalogKey,
    options: readonly T[],
    value: T,
    onValue: (v: T) => void,
  ) => (
    <Field label={t(label)}>
      <Dropdown
        className={styles.control}
        value={t(CHOICE_KEYS[value])}
        selectedOptions={[value]}
        onOptionSelect={(_e, data) => {
          const picked = options.find((o) => o === data.optionValue);
          if (picked !== undefined) onValue(picked);
        }}
      >
        {options.map((o) => (
          <Option key={o} value={o}>
            {t(CHOICE_KEYS[o])}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  const single = (path: 'capAttainment' | 'capAmount', label: CatalogKey, extra: Partial<InputProps>) => (
    <Field label={t(label)} hint={t('pane.plan.cap.hint')} {...validation(path, form[path], path)}>
      <Input
        className={styles.control}
        value={form[path]}
        onChange={(_e, data) => update({ [path]: data.value })}
        onBlur={() => touch(path)}
        {...extra}
      />
    </Field>
  );

  const save = () => {
    if (result.ok) onSave(result.plan);
    else setSubmitted(true);
  };
  const tiersError = errors.tiers;
  const rowKey = (kind: 't' | 'b', id: number, field: RowField) => `${kind}${id}.${field}`;

  return (
    <div className={styles.root}>
      {choice('pane.plan.period', PERIODS, form.period, (period) => update({ period }))}
      {choice('pane.plan.basis', BASES, form.basis, (basis) => update({ basis }))}
      {choice('pane.plan.method', METHODS, form.method, (method) => update({ method }))}

      <Subtitle2 as="h3" className={styles.heading}>{t('pane.plan.tiers')}</Subtitle2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              {t(attainment ? 'pane.plan.tierFromPercent' : 'pane.plan.tierFromAmount')}
            </th>
            <th className={styles.th} scope="col">
              {t('pane.plan.tierRate')}
            </th>
            <td />
          </tr>
        </thead>
        <tbody>
          {form.tiers.map((row, i) => {
            const n = i + 1;
            return (
              <tr key={row.id}>
                {cell(`tiers[${i}].from`, rowKey('t', row.id, 'from'), t('pane.plan.tierFromLabel', { n }), row.from, (v) => setTier(row.id, 'from', v), attainment ? percentInput : amountInput)}
                {cell(`tiers[${i}].rate`, rowKey('t', row.id, 'rate'), t('pane.plan.tierRateLabel', { n }), row.rate, (v) => setTier(row.id, 'rate', v), percentInput)}
                <td className={styles.td}>
                  <Button
                    appearance="subtle"
                    aria-label={t('pane.plan.removeTier', { n })}
                    onClick={() => update({ tiers: form.tiers.filter((r) => r.id !== row.id) })}
                  >
                    {t('pane.plan.remove')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {tiersError !== undefined && (
        <Body1 role="alert" className={styles.error}>
          {t(tiersError.key, tiersError.params)}
        </Body1>
      )}
      <div className={styles.actions}>
        <Button onClick={() => update({ tiers: [...form.tiers, { id: nextRowId(form), from: '', rate: '' }] })}>
          {t('pane.plan.addTier')}
        </Button>
      </div>

      {single('capAttainment', 'pane.plan.capAttainment', percentInput)}
      {single('capAmount', 'pane.plan.capAmount', amountInput)}

      <Subtitle2 as="h3" className={styles.heading}>{t('pane.plan.bonuses')}</Subtitle2>
      {form.bonuses.length === 0 ? (
        <Body1>{t('pane.plan.noBonuses')}</Body1>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {t('pane.plan.bonusThreshold')}
              </th>
              <th className={styles.th} scope="col">
                {t('pane.plan.bonusAmount')}
              </th>
              <td />
            </tr>
          </thead>
          <tbody>
            {form.bonuses.map((row, i) => {
              const n = i + 1;
              return (
                <tr key={row.id}>
                  {cell(`bonuses[${i}].threshold`, rowKey('b', row.id, 'threshold'), t('pane.plan.bonusThresholdLabel', { n }), row.threshold, (v) => setBonus(row.id, 'threshold', v), percentInput)}
                  {cell(`bonuses[${i}].amount`, rowKey('b', row.id, 'amount'), t('pane.plan.bonusAmountLabel', { n }), row.amount, (v) => setBonus(row.id, 'amount', v), amountInput)}
                  <td className={styles.td}>
                    <Button
                      appearance="subtle"
                      aria-label={t('pane.plan.removeBonus', { n })}
                      onClick={() => update({ bonuses: form.bonuses.filter((r) => r.id !== row.id) })}
                    >
                      {t('pane.plan.remove')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className={styles.actions}>
        <Button onClick={() => update({ bonuses: [...form.bonuses, { id: nextRowId(form), threshold: '', amount: '' }] })}>
          {t('pane.plan.addBonus')}
        </Button>
      </div>

      {submitted && !result.ok && (
        <Body1 id={summaryId} role="alert" className={styles.error}>
          {t('pane.plan.error.fixToSave')}
        </Body1>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={saving}
          onClick={save}
          {...(submitted && !result.ok && { 'aria-describedby': summaryId })}
        >
          {t('pane.plan.save')}
        </Button>
        <Button onClick={onClose}>{t('pane.plan.close')}</Button>
      </div>
    </div>
  );
}
