import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
});

/** Placeholder task pane: names the add-in and says what it does. The real UI replaces it. */
export function App(): ReactElement {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">AccountDesk</Title2>
      <Body1>
        Turns the sales data in this workbook into quota attainment, key-account concentration, commission, forecast and
        account status reports.
      </Body1>
    </main>
  );
}
