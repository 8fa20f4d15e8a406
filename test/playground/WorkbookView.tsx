import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState, type CSSProperties, type MouseEvent, type ReactElement } from 'react';
import type { ExcelSimulator } from '../support/excelSimulator';
import type { SimulatedOffice } from './simulatedOffice';

/** Rows and columns the grid shows at most (the rest is counted below it). */
export const MAX_ROWS = 250;
export const MAX_COLS = 40;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  nameBox: {
    minWidth: '7em',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  status: { color: tokens.colorNeutralForeground2 },
  gridWrap: { flex: '1 1 auto', overflow: 'auto', minHeight: 0 },
  grid: {
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: 'right',
    width: '3.5em',
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    maxWidth: '24em',
    cursor: 'cell',
  },
  number: { textAlign: 'right' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  more: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  tabs: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowX: 'auto',
    flex: 'none',
  },
});

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const a1 = (row: number, col: number) => `${letters(col)}${row + 1}`;

interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

function rectOf(a: { row: number; col: number }, b: { row: number; col: number }): Rect {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rowCount: Math.abs(a.row - b.row) + 1, colCount: Math.abs(a.col - b.col) + 1 };
}

const inRect = (r: Rect, row: number, col: number) => row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount;

function rectAddress(r: Rect): string {
  const first = a1(r.row, r.col);
  return r.rowCount === 1 && r.colCount === 1 ? first : `${first}:${a1(r.row + r.rowCount - 1, r.col + r.colCount - 1)}`;
}

/** `#RRGGBB` → CSS colour, anything else ignored. */
function color(v: unknown): string | undefined {
  return typeof v === 'string' && /^#?[0-9a-f]{6}$/i.test(v) ? (v.startsWith('#') ? v : `#${v}`) : undefined;
}

/**
 * The simulated workbook: the active sheet as a grid (values as Excel displays them, with the
 * report's bold, fills and column widths), the sheet tabs below it, a name box with the
 * selection, and a "ribbon" button for the Refresh reports command. A click on a tab activates
 * the sheet, a click on a cell selects it (Shift+click extends the selection), as in Excel; the
 * grid follows every change the add-in makes.
 */
export function WorkbookView({ sim, office }: { readonly sim: ExcelSimulator; readonly office: SimulatedOffice }): ReactElement {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const [anchor, setAnchor] = useState<{ row: number; col: number } | undefined>(undefined);
  const [command, setCommand] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  useEffect(() => office.subscribe(() => setVersion((v) => v + 1)), [office]);

  const state = sim.state;
  const visible = state.sheets.filter((s) => s.visibility === 'Visible');
  const active = state.sheets.find((s) => s.id === state.activeSheetId) ?? visible[0];
  const selection = state.selection !== undefined && state.selection.sheetId === active?.id ? state.selection.areas : [];

  const view = useMemo(() => {
    if (active === undefined) return undefined;
    const used = active.usedRect(false);
    const rows = used === undefined ? 0 : used.row + used.rowCount;
    const cols = used === undefined ? 0 : used.col + used.colCount;
    const shownRows = Math.min(rows, MAX_ROWS);
    const shownCols = Math.min(cols, MAX_COLS);
    const cells = Array.from({ length: shownRows }, (_, r) =>
      Array.from({ length: shownCols }, (_, c) => {
        const address = a1(r, c);
        const cell = sim.cell(active.name, address);
        const style: CSSProperties = {};
        if (sim.cellFormat(active.name, address, 'font.bold') === true) style.fontWeight = 'bold';
        const fill = color(sim.cellFormat(active.name, address, 'fill.color'));
        if (fill !== undefined) style.backgroundColor = fill;
        const font = color(sim.cellFormat(active.name, address, 'font.color'));
        if (font !== undefined) style.color = font;
        return { address, text: cell.text, number: typeof cell.value === 'number', style };
      }),
    );
    const widths = Array.from({ length: shownCols }, (_, c) => {
      const points = active.colWidths.get(c);
      return points === undefined ? '8.5em' : `${Math.max(24, Math.round((points * 4) / 3))}px`;
    });
    return { rows, cols, cells, widths };
    // `version` changes whenever the workbook may have.
  }, [sim, active, version]);

  const select = (e: MouseEvent, row: number, col: number) => {
    if (active === undefined) return;
    const here = { row, col };
    const start = e.shiftKey && anchor !== undefined ? anchor : here;
    if (!e.shiftKey) setAnchor(here);
    sim.select(active.name, rectAddress(rectOf(start, here)));
    office.changed();
  };

  const refresh = () => {
    setCommand('running');
    office.runCommand('refreshReports').then(
      () => setCommand('done'),
      (error: unknown) => {
        console.error(error);
        setCommand('failed');
      },
    );
  };

  const dialog = office.dialog;
  const nameBox = selection.map((r) => rectAddress(r)).join(',');

  return (
    <div className={styles.root} data-version={version}>
      <div className={styles.bar} role="toolbar" aria-label="Simulated Excel">
        <Subtitle2>Simulated workbook</Subtitle2>
        <span className={styles.nameBox} aria-label="Selection" data-testid="name-box">
          {nameBox}
        </span>
        <Button size="small" onClick={refresh} disabled={command === 'running'} data-testid="refresh-reports">
          Refresh reports (ribbon)
        </Button>
        <Caption1 className={styles.status} data-testid="command-status" data-status={command}>
          {command === 'idle' ? '' : `Refresh reports: ${command}`}
        </Caption1>
      </div>
      <div className={styles.gridWrap}>
        {view !== undefined && active !== undefined && (
          <table className={styles.grid} data-testid="grid" data-sheet={active.name}>
            <colgroup>
              <col style={{ width: '3.5em' }} />
              {view.widths.map((w, c) => (
                <col key={c} style={{ width: w }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th className={styles.head} />
                {view.widths.map((_, c) => (
                  <th key={c} className={styles.head} scope="col">
                    {letters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.cells.map((line, r) => (
                <tr key={r}>
                  <th className={styles.rowHead} scope="row">
                    {r + 1}
                  </th>
                  {line.map((cell, c) => (
                    <td
                      key={c}
                      data-cell={cell.address}
                      style={cell.style}
                      title={cell.text}
                      className={mergeClasses(styles.cell, cell.number && styles.number, selection.some((s) => inRect(s, r, c)) && styles.selected)}
                      onClick={(e) => select(e, r, c)}
                    >
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {view !== undefined && (view.rows > MAX_ROWS || view.cols > MAX_COLS) && (
          <div className={styles.more}>
            Showing {Math.min(view.rows, MAX_ROWS)} of {view.rows.toLocaleString('en-US')} rows and {Math.min(view.cols, MAX_COLS)} of {view.cols} columns.
          </div>
        )}
      </div>
      <div className={styles.tabs}>
        <TabList
          size="small"
          selectedValue={active?.name}
          onTabSelect={(_e, data) => {
            sim.select(String(data.value), 'A1');
            setAnchor(undefined);
            office.changed();
          }}
          aria-label="Sheets"
        >
          {visible.map((s) => (
            <Tab key={s.id} value={s.name} data-sheet-tab={s.name}>
              {s.name}
            </Tab>
          ))}
        </TabList>
      </div>
      <Dialog open={dialog !== undefined} onOpenChange={(_e, data) => !data.open && office.closeDialog()}>
        <DialogSurface aria-describedby="playground-dialog-text">
          <DialogBody>
            <DialogTitle>Office dialog</DialogTitle>
            <DialogContent id="playground-dialog-text" data-testid="office-dialog">
              {dialog?.notice ?? dialog?.url}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => office.closeDialog()}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
