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
import { PLAN_CHOICE_KEYS, type PlanChoice } from '../plan/planChoiceKeys';
import { nextRowId, validatePlanForm, type BonusRow, type PlanForm, type TierRow } from '../plan/planForm';

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

type RowList = 'tiers' | 'bonuses';
type RowField = Exclude<keyof TierRow | keyof BonusRow, 'id'>;

/** One input column of the tiers or bonuses table. */
interface RowColumn {
  readonly field: RowField;
  readonly header: CatalogKey;
  /** The input's accessible name, with the row number `{n}`. */
  readonly label: CatalogKey;
  readonly input: Partial<InputProps>;
}

const ROW_TEXT: Readonly<Record<RowList, { readonly touchPrefix: string; readonly remove: CatalogKey }>> = {
  tiers: { touchPrefix: 't', remove: 'pane.plan.removeTier' },
  bonuses: { touchPrefix: 'b', remove: 'pane.plan.removeBonus' },
};

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
  /** Sets one field of one tier or bonus row. */
  const setRow = (list: RowList, id: number, field: RowField, value: string) =>
    setForm((f) => ({ ...f, [list]: f[list].map((row) => (row.id === id ? { ...row, [field]: value } : row)) }));
  const addRow = (list: RowList) =>
    setForm((f) => ({
      ...f,
      ...(list === 'tiers' ? { tiers: [...f.tiers, { id: nextRowId(f), from: '', rate: '' }] } : { bonuses: [...f.bonuses, { id: nextRowId(f), threshold: '', amount: '' }] }),
    }));

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
    <td key={path} className={styles.td}>
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

  const choice = <T extends PlanChoice>(
    label: CatalogKey,
    options: readonly T[],
    value: T,
    onValue: (v: T) => void,
  ) => (
    <Field label={t(label)}>
      <Dropdown
        className={styles.control}
        value={t(PLAN_CHOICE_KEYS[value])}
        selectedOptions={[value]}
        onOptionSelect={(_e, data) => {
          const picked = options.find((o) => o === data.optionValue);
          if (picked !== undefined) onValue(picked);
        }}
      >
        {options.map((o) => (
          <Option key={o} value={o}>
            {t(PLAN_CHOICE_KEYS[o])}
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

  /** The tiers or bonuses as a table: one input per column, and Remove, on each row. */
  const rowTable = (list: RowList, columns: readonly RowColumn[]) => {
    const rows: readonly (TierRow | BonusRow)[] = form[list];
    const { touchPrefix, remove } = ROW_TEXT[list];
    return (
      <table className={styles.table}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.field} className={styles.th} scope="col">
                {t(c.header)}
              </th>
            ))}
            <td />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const n = i + 1;
            const text = row as unknown as Readonly<Record<RowField, string>>;
            return (
              <tr key={row.id}>
                {columns.map((c) =>
                  cell(`${list}[${i}].${c.field}`, `${touchPrefix}${row.id}.${c.field}`, t(c.label, { n }), text[c.field], (v) => setRow(list, row.id, c.field, v), c.input),
                )}
                <td className={styles.td}>
                  <Button appearance="subtle" aria-label={t(remove, { n })} onClick={() => setForm((f) => ({ ...f, [list]: f[list].filter((r) => r.id !== row.id) }))}>
                    {t('pane.plan.remove')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  };

  return (
    <div className={styles.root}>
      {choice('pane.plan.period', PERIODS, form.period, (period) => update({ period }))}
      {choice('pane.plan.basis', BASES, form.basis, (basis) => update({ basis }))}
      {choice('pane.plan.method', METHODS, form.method, (method) => update({ method }))}

      <Subtitle2 as="h3" className={styles.heading}>{t('pane.plan.tiers')}</Subtitle2>
      {rowTable('tiers', [
        { field: 'from', header: attainment ? 'pane.plan.tierFromPercent' : 'pane.plan.tierFromAmount', label: 'pane.plan.tierFromLabel', input: attainment ? percentInput : amountInput },
        { field: 'rate', header: 'pane.plan.tierRate', label: 'pane.plan.tierRateLabel', input: percentInput },
      ])}
      {tiersError !== undefined && (
        <Body1 role="alert" className={styles.error}>
          {t(tiersError.key, tiersError.params)}
        </Body1>
      )}
      <div className={styles.actions}>
        <Button onClick={() => addRow('tiers')}>{t('pane.plan.addTier')}</Button>
      </div>

      {single('capAttainment', 'pane.plan.capAttainment', percentInput)}
      {single('capAmount', 'pane.plan.capAmount', amountInput)}

      <Subtitle2 as="h3" className={styles.heading}>{t('pane.plan.bonuses')}</Subtitle2>
      {form.bonuses.length === 0 ? (
        <Body1>{t('pane.plan.noBonuses')}</Body1>
      ) : (
        rowTable('bonuses', [
          { field: 'threshold', header: 'pane.plan.bonusThreshold', label: 'pane.plan.bonusThresholdLabel', input: percentInput },
          { field: 'amount', header: 'pane.plan.bonusAmount', label: 'pane.plan.bonusAmountLabel', input: amountInput },
        ])
      )}
      <div className={styles.actions}>
        <Button onClick={() => addRow('bonuses')}>{t('pane.plan.addBonus')}</Button>
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
