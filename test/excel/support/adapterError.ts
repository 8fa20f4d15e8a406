import { ExcelAdapterError } from '../../../src/excel/officeErrorMessage';

/** Awaits a promise that must reject with an {@link ExcelAdapterError}, and returns that error. */
export async function adapterError(p: Promise<unknown>): Promise<ExcelAdapterError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelAdapterError);
    return e as ExcelAdapterError;
  }
  throw new Error('expected a rejection');
}
