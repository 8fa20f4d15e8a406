import {
  Body1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Field as DataField } from '../../core/intake/fields';
import type { CatalogKey } from '../../reports/i18n/catalog';
import { columnLetters } from '../../reports/a1';
import { usePaneLocale } from '../i18n/usePaneLocale';
import { isRequiredField, missingRequired, PANE_FIELDS, type FieldMapping } from '../mapping/fieldMapping';

export interface MappingPanelProps {
  /** Header cells of the source, left to right. */
  readonly headers: readonly string[];
  /** 0-based sheet column of the first header cell (for column letters). */
  readonly firstColumn: number;
  readonly mapping: FieldMapping;
  /** While a run is under way the mapping cannot change. */
  readonly disabled?: boolean;
  readonly onChange: (field: DataField, column: number | undefined) => void;
}

/** Catalog key of each field's name. */
export const FIELD_KEYS: Readonly<Record<DataField, CatalogKey>> = {
  date: 'pane.field.date',
  account: 'pane.field.account',
  manager: 'pane.field.manager',
  amount: 'pane.field.amount',
  product: 'pane.field.product',
  currency: 'pane.field.currency',
  id: 'pane.field.id',
};

const NOT_USED = 'none';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  dropdown: { minWidth: 0, width: '100%' },
});

/**
 * Every field of SPEC §1 with the column it is read from and a dropdown to change it; a
 * MessageBar names the required fields without a column and lists the headers found.
 */
export function MappingPanel({ headers, firstColumn, mapping, disabled = false, onChange }: MappingPanelProps): ReactElement {
  const { t, format } = usePaneLocale();
  const styles = useStyles();
  const columnText = (column: number) =>
    t('pane.mapping.column', { header: headers[column] ?? '', letter: columnLetters(firstColumn + column) });
  // Only columns with a header can be chosen: the engine finds a chosen column by its header.
  const columns = headers.flatMap((h, column) => (h.trim() === '' ? [] : [column]));
  const missing = missingRequired(mapping);
  const found = headers.filter((h) => h.trim() !== '');

  return (
    <div className={styles.root}>
      <Body1>{t('pane.mapping.intro')}</Body1>
      {missing.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="mapping-missing">
          <MessageBarBody>
            <MessageBarTitle>{t('pane.mapping.missing.title')}</MessageBarTitle>{' '}
            {t('pane.mapping.missing.body', {
              fields: format.list(missing.map((f) => t(FIELD_KEYS[f]))),
              headers: found.length > 0 ? format.list(found) : t('pane.mapping.noHeaders'),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {PANE_FIELDS.map((field) => {
        const current = mapping[field];
        const required = isRequiredField(field);
        const value = current === undefined ? NOT_USED : String(current.column);
        return (
          <Field
            key={field}
            label={t(FIELD_KEYS[field])}
            required={required}
            {...(!required && { hint: t('pane.mapping.optional') })}
            validationState={required && current === undefined ? 'error' : 'none'}
          >
            <Dropdown
              className={styles.dropdown}
              disabled={disabled}
              value={current === undefined ? t('pane.mapping.notUsed') : columnText(current.column)}
              selectedOptions={[value]}
              onOptionSelect={(_e, data) => {
                const chosen = data.optionValue;
                if (chosen === undefined || chosen === value) return;
                onChange(field, chosen === NOT_USED ? undefined : Number(chosen));
              }}
            >
              <Option value={NOT_USED}>{t('pane.mapping.notUsed')}</Option>
              {columns.map((column) => (
                <Option key={column} value={String(column)}>
                  {columnText(column)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
    </div>
  );
}
