import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';

/** One fact: a label and its value. */
export interface Fact {
  readonly label: string;
  readonly value: ReactNode;
  /** Keep the value on one line (an amount or a date): the label wraps instead, so "13 940 462,38 €" never breaks inside. */
  readonly nowrap?: boolean;
}

const useStyles = makeStyles({
  list: {
    display: 'grid',
    // Labels take at most half the width and wrap, so values (amounts kept on one line) always fit a 360 px pane.
    gridTemplateColumns: 'fit-content(50%) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  pair: { display: 'contents' },
  label: { color: tokens.colorNeutralForeground2 },
  value: {
    margin: 0,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  nowrap: { whiteSpace: 'nowrap' },
});

/** Label–value pairs as a description list (screen readers announce the pairing). */
export function Facts({ items }: { readonly items: readonly Fact[] }): ReactElement {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {items.map((item) => (
        <div key={item.label} className={styles.pair}>
          <dt className={styles.label}>{item.label}</dt>
          <dd className={mergeClasses(styles.value, item.nowrap === true && styles.nowrap)}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
