/**
 * Makes a table part that exceljs wrote for the report workbook fit into the input package:
 * a table `id` unique in the workbook (Excel repairs a file with two tables of one id) and
 * differential-format references (`headerRowDxfId`, `dataDxfId` …) into the merged styles.
 * The table's name is already unique: the sink chose it knowing the input's names.
 */

/**
 * The table XML with its new id and dxf indices.
 * @example graftTableXml('<table id="1" name="T" dataDxfId="0">…', 7, [12]) // '<table id="7" name="T" dataDxfId="12">…'
 */
export function graftTableXml(xml: string, id: number, dxf: readonly number[]): string {
  const idAttribute = /(<(?:[\w.-]+:)?table\s[^>]*?\sid=")(\d+)(")/;
  if (!idAttribute.test(xml)) throw new Error('report table part without an id');
  return xml
    .replace(idAttribute, (_m, a: string, _v: string, b: string) => `${a}${id}${b}`)
    .replace(/(\s[A-Za-z]*DxfId=")(\d+)(")/g, (_m, a: string, v: string, b: string) => {
      const to = dxf[Number(v)];
      if (to === undefined) throw new Error(`report table refers to dxf ${v}, which the report styles do not have`);
      return `${a}${to}${b}`;
    });
}
