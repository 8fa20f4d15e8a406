import { createReports, type ReportWriter } from '../../src/app/createReports';
import { CancelledError, type GridSource, type ProgressEvent, type SourceTables } from '../../src/app/ports';
import { inThreadCompute } from '../../src/app/reportCompute';
import type { ReportModel } from '../../src/reports/model';
import { scaleRows } from '../excel/scaleData';

const TABLES: SourceTables = {
  transactions: { sheet: 'Sales', firstRow: 1, rows: scaleRows(2_000) },
  auxiliary: { quotas: { sheet: 'Quotas', firstRow: 1, rows: [['Manager', 'Q1 2024']] } },
};

const source = (tables: SourceTables): GridSource => ({
  read: (progress) => {
    progress?.({ phase: 'reading', done: tables.transactions.rows.length, total: tables.transactions.rows.length });
    return Promise.resolve(tables);
  },
});

function recordingWriter(): ReportWriter & { calls: { model: ReportModel; readSheets: readonly string[] }[] } {
  const calls: { model: ReportModel; readSheets: readonly string[] }[] = [];
  return {
    calls,
    write(model, readSheets, progress) {
      calls.push({ model, readSheets });
      progress?.({ phase: 'writing', done: 1, total: 1 });
      return Promise.resolve(model.sheets.map((s) => ({ key: s.key, requestedName: s.name, name: s.name })));
    },
  };
}

const compute = inThreadCompute({ yieldToUi: () => Promise.resolve() });

describe('createReports', () => {
  test('read → compute → write: progress through the three phases, the sheets it read protected, the digest back', async () => {
    const writer = recordingWriter();
    const events: ProgressEvent[] = [];
    const outcome = await createReports({ source: source(TABLES), compute, writer }, { options: {}, language: 'de', sourceLabel: 'Sales › A1:D2001' }, (e) => events.push(e));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.transport).toBe('thread');
    expect(outcome.run.intake).toMatchObject({ rows: 2_000, accepted: 2_000 });
    expect(writer.calls).toHaveLength(1);
    expect(writer.calls[0]?.readSheets).toEqual(['Sales', 'Quotas']);
    expect(writer.calls[0]?.model.language).toBe('de');
    expect(outcome.sheets.map((s) => s.key)).toEqual(writer.calls[0]?.model.sheets.map((s) => s.key));
    expect(events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['reading', 'computing', 'writing']);
  });

  test('a failure the user must fix comes back as a value, and nothing is written', async () => {
    const writer = recordingWriter();
    const tables = { ...TABLES, transactions: { sheet: 'Sales', firstRow: 1, rows: [['Date', 'Amount'], [45300, 10]] } };
    const outcome = await createReports({ source: source(tables), compute, writer }, { options: {}, language: 'en' });
    expect(outcome).toMatchObject({ ok: false, code: 'header.missing' });
    expect(writer.calls).toEqual([]);
  });

  test('cancelled while computing: CancelledError and nothing written', async () => {
    const writer = recordingWriter();
    const token = { cancelled: false };
    const run = createReports({ source: source(TABLES), compute, writer }, { options: {}, language: 'en' }, (e) => {
      if (e.phase === 'computing') token.cancelled = true;
    }, token);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(writer.calls).toEqual([]);
  });
});
