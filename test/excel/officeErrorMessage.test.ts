import { CancelledError } from '../../src/app/ports';
import { EXCEL_MESSAGES, excelMessage } from '../../src/excel/messages';
import { ExcelAdapterError, isOfficeError, isPayloadLimitError, officeErrorMessage, toAdapterError } from '../../src/excel/officeErrorMessage';
import { SimOfficeError } from '../support/excelSimulator';

const office = (code: ConstructorParameters<typeof SimOfficeError>[0]) =>
  new SimOfficeError(code, undefined, { errorLocation: 'Range.values', statement: 'ws.getRange("A1").values = …' });

describe('officeErrorMessage', () => {
  test.each([
    ['InvalidOperationInCellEditMode', 'read', 'A cell is being edited, so Excel could not let AccountDesk read the data. Press Enter (or Esc) to leave the cell and run again.'],
    ['RequestPayloadSizeLimitExceeded', 'write', /too large while AccountDesk was trying to write the reports, even after retrying with smaller blocks/],
    ['ResponsePayloadSizeLimitExceeded', 'read', /too large while AccountDesk was trying to read the data/],
    ['ItemNotFound', 'swap', /could not find a sheet, table or range while AccountDesk was trying to replace the previous reports; it may have been renamed or deleted/],
    ['GeneralException', 'write', /internal error while AccountDesk was trying to write the reports\. Save the workbook and run again/],
    ['ApiNotFound', 'write', /lacks a feature AccountDesk needs to write the reports\. AccountDesk needs Excel with the ExcelApi 1\.12 feature set/],
    ['InvalidOperation', 'write', /protected\. Unprotect it/],
    ['InvalidArgument', 'write', /This is a bug in AccountDesk/],
  ] as const)('%s while %s', (code, operation, text) => {
    const r = officeErrorMessage(office(code), operation);
    expect(r.code).toBe(code);
    expect(r.operation).toBe(operation);
    if (typeof text === 'string') expect(r.message).toBe(text);
    else expect(r.message).toMatch(text);
    // debugInfo kept for the log.
    expect(r.debugInfo).toMatchObject({ code, errorLocation: 'Range.values', statement: 'ws.getRange("A1").values = …' });
  });

  test('an unknown code still gets a message naming it', () => {
    const e = Object.assign(new Error('x'), { name: 'RichApi.Error', code: 'Conflict', debugInfo: {} });
    expect(officeErrorMessage(e, 'write').message).toBe('Excel reported an error (Conflict) while AccountDesk was trying to write the reports. Run again; if it happens again, please send us the log from the task pane.');
  });

  test('a programming error is named, not disguised', () => {
    const r = officeErrorMessage(new TypeError('x is undefined'), 'read');
    expect(r).toMatchObject({ code: 'Unknown', debugInfo: null });
    expect(r.message).toContain('TypeError: x is undefined');
  });

  test('every message is English text with at most the two placeholders', () => {
    for (const [code, text] of Object.entries(EXCEL_MESSAGES)) {
      expect(text.replace(/\{(operation|detail)\}/g, '')).not.toMatch(/[{}]/);
      expect(excelMessage(code as keyof typeof EXCEL_MESSAGES, 'read', 'X')).not.toMatch(/\{/);
    }
  });
});

describe('toAdapterError and helpers', () => {
  test('wraps Office errors, keeping cause and debugInfo', () => {
    const cause = office('ItemNotFound');
    const e = toAdapterError(cause, 'read') as ExcelAdapterError;
    expect(e).toBeInstanceOf(ExcelAdapterError);
    expect(e).toMatchObject({ code: 'ItemNotFound', operation: 'read', cause, debugInfo: cause.debugInfo });
    expect(e.message).toBe(e.userMessage);
  });

  test('passes cancellations and programming errors through unchanged', () => {
    const c = new CancelledError();
    expect(toAdapterError(c, 'write')).toBe(c);
    const t = new TypeError('bug');
    expect(toAdapterError(t, 'write')).toBe(t);
  });

  test('a failed rollback travels with the original error', () => {
    const rollback = office('GeneralException');
    const e = toAdapterError(office('ItemNotFound'), 'write', rollback) as ExcelAdapterError;
    expect(e.code).toBe('ItemNotFound');
    expect(e.rollbackError).toBe(rollback);
    const bug = toAdapterError(new TypeError('bug'), 'write', rollback) as ExcelAdapterError;
    expect(bug).toMatchObject({ code: 'Unknown', rollbackError: rollback });
    expect(bug.userMessage).toContain('TypeError: bug');
    const adapter = new ExcelAdapterError('SourceEmpty', 'read', { detail: 'Sales' });
    expect((toAdapterError(adapter, 'read', rollback) as ExcelAdapterError).userMessage).toContain('The sheet Sales has no data');
  });

  test('recognises Office errors by shape and payload-limit codes', () => {
    expect(isOfficeError(office('InvalidArgument'))).toBe(true);
    expect(isOfficeError(new Error('x'))).toBe(false);
    expect(isOfficeError({ code: 'X' })).toBe(false);
    expect(isPayloadLimitError(office('RequestPayloadSizeLimitExceeded'))).toBe(true);
    expect(isPayloadLimitError(office('ResponsePayloadSizeLimitExceeded'))).toBe(true);
    expect(isPayloadLimitError(office('GeneralException'))).toBe(false);
  });
});
