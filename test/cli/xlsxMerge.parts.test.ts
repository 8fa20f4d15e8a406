/**
 * The merge's building blocks on small hand-written parts: the XML splicers (styles, workbook,
 * app properties, sheet and table grafts, content types, relationships). The zip reader and
 * writer have their own tests (`./zip.test.ts`).
 */
import { addReportSheets } from '../../src/cli/xlsx/addReportSheets';
import { addSheetTitles } from '../../src/cli/xlsx/addSheetTitles';
import { ContentTypes } from '../../src/cli/xlsx/contentTypes';
import { graftSheetXml } from '../../src/cli/xlsx/graftSheetXml';
import { graftTableXml } from '../../src/cli/xlsx/graftTableXml';
import { mergeStyles } from '../../src/cli/xlsx/mergeStyles';
import { Relationships } from '../../src/cli/xlsx/relationships';
import { xmlChildren } from '../../src/cli/xlsx/xmlChildren';

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('xmlChildren', () => {
  test('finds direct children, skipping comments, CDATA and `>` inside attribute values', () => {
    const xml = '<?xml version="1.0"?><!-- c --><a x="1>2"><b/><!-- <z> --><c><d/></c><![CDATA[<e>]]><f g=\'h\'></f></a>';
    const [root] = xmlChildren(xml);
    expect(root?.name).toBe('a');
    expect(xmlChildren(xml, root).map((c) => [c.name, c.selfClosing])).toEqual([
      ['b', true],
      ['c', false],
      ['f', false],
    ]);
  });

  test.each([['<a><b></a>'], ['<a><b>'], ['<a></b></a>']])('throws on unbalanced %s', (xml) => {
    expect(() => xmlChildren(xml)).toThrow(/malformed XML/);
  });

  test('prefixes', () => {
    const [root] = xmlChildren('<x:workbook xmlns:x="u"><x:sheets/></x:workbook>');
    expect([root?.prefix, root?.local]).toEqual(['x:', 'workbook']);
  });
});

describe('mergeStyles', () => {
  const input =
    `<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000&quot; kg&quot;"/></numFmts>` +
    '<fonts count="1"><font><sz val="11"/><name val="Aptos"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="1" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="2"><cellStyle name="Other" xfId="0"/><cellStyle name="Normal" xfId="1" builtinId="0"/></cellStyles>' +
    '<tableStyles count="0"/></styleSheet>';
  const report =
    `<styleSheet ${MAIN}><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0.000&quot; kg&quot;"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Aptos"/></font><font><b/><sz val="11"/></font></fonts>' +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF1F4E78"/></patternFill></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1"><alignment wrapText="1"/></xf><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><numFmt numFmtId="164" formatCode="0.0%"/></dxf></dxfs></styleSheet>';

  test('appends after the input, renumbers clashing format ids, reuses identical entries', () => {
    const m = mergeStyles(input, report, 'in.xlsx › xl/styles.xml');
    // The input's part up to its last cell xf is unchanged.
    expect(m.xml.startsWith(`<styleSheet ${MAIN}><numFmts count="2"><numFmt numFmtId="164" formatCode="0.000&quot; kg&quot;"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>`)).toBe(true);
    expect(m.xml).toContain('<fonts count="2"><font><sz val="11"/><name val="Aptos"/></font><font><b/><sz val="11"/></font></fonts>');
    expect(m.xml).toContain('<fills count="3">');
    // Report xf 0, pointed at the input's Normal (cell style xf 1), is the input's xf 0 → reused;
    // xf 1 gets the renumbered 0.0% (165) and is appended; xf 2's kg format is the input's 164.
    expect(m.xf).toEqual([0, 2, 3]);
    expect(m.xml).toContain(
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="1" applyNumberFormat="1"/>' +
        '<xf numFmtId="165" fontId="1" fillId="2" borderId="0" xfId="1" applyFont="1"><alignment wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="1"/></cellXfs>',
    );
    // dxfs section created before tableStyles, its number format renumbered.
    expect(m.dxf).toEqual([0]);
    expect(m.xml).toContain('</cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><numFmt numFmtId="165" formatCode="0.0%"/></dxf></dxfs><tableStyles count="0"/>');
    expect(() => xmlChildren(m.xml)).not.toThrow();
  });

  test('merging the same report twice adds nothing the second time', () => {
    const once = mergeStyles(input, report, 'x');
    const twice = mergeStyles(once.xml, report, 'x');
    expect(twice.xml).toBe(once.xml);
    expect(twice.xf).toEqual(once.xf);
    expect(twice.dxf).toEqual(once.dxf);
  });

  test('a prefixed input gets prefixed elements', () => {
    const prefixed = input.replace(/<(\/?)(?![\w.-]*:)([A-Za-z])/g, '<$1x:$2').replace(MAIN, MAIN.replace('xmlns=', 'xmlns:x='));
    const m = mergeStyles(prefixed, report, 'x');
    expect(m.xml).toContain('<x:font><x:b/><x:sz val="11"/></x:font>');
    expect(m.xml).toContain('<x:dxfs count="1"><x:dxf>');
    expect(m.xml).not.toMatch(/<(font|xf|dxf|fill)[\s>]/);
  });

  test('a Strict styles part is refused, naming where', () => {
    expect(() => mergeStyles('<styleSheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"/>', report, 'in.xlsx › xl/styles.xml')).toThrow(/in\.xlsx › xl\/styles\.xml: .*Strict/);
  });
});

describe('graftSheetXml and graftTableXml', () => {
  test('inlines shared strings (rich text too), remaps styles and dxfs, drops tabSelected', () => {
    const xml =
      '<worksheet><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><cols><col min="1" max="1" width="9" style="1" customWidth="1"/></cols>' +
      '<sheetData><row r="1" s="2" customFormat="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="2"><v>5</v></c></row></sheetData>' +
      '<conditionalFormatting sqref="C1"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting></worksheet>';
    const out = graftSheetXml(xml, { strings: ['<t>R&amp;D</t>', '<r><rPr><b/></rPr><t xml:space="preserve"> bold </t></r>'], xf: [0, 10, 11], dxf: [7] });
    expect(out).toBe(
      '<worksheet><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="1" width="9" style="10" customWidth="1"/></cols>' +
        '<sheetData><row r="1" s="11" customFormat="1" spans="1:3"><c r="A1" s="10" t="inlineStr"><is><t>R&amp;D</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve"> bold </t></r></is></c><c r="C1" s="11"><v>5</v></c></row></sheetData>' +
        '<conditionalFormatting sqref="C1"><cfRule type="cellIs" dxfId="7" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting></worksheet>',
    );
  });

  test('refuses references the report does not have', () => {
    expect(() => graftSheetXml('<c r="A1" t="s"><v>3</v></c>', { strings: [], xf: [], dxf: [] })).toThrow(/shared string 3/);
    expect(() => graftSheetXml('<c r="A1" s="4"/>', { strings: [], xf: [0], dxf: [] })).toThrow(/xf 4/);
  });

  test('table: new id, dxf references remapped', () => {
    expect(graftTableXml('<table xmlns="m" id="1" name="T" headerRowDxfId="0"><tableColumns><tableColumn id="1" name="A" dataDxfId="1"/></tableColumns></table>', 9, [4, 5])).toBe(
      '<table xmlns="m" id="9" name="T" headerRowDxfId="4"><tableColumns><tableColumn id="1" name="A" dataDxfId="5"/></tableColumns></table>',
    );
  });
});

describe('addReportSheets', () => {
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  test('sheets after the input, names created before calcPr', () => {
    const xml = `<workbook ${MAIN} ${R}><sheets><sheet name="Data" sheetId="4" r:id="rId1"/></sheets><calcPr calcId="1"/></workbook>`;
    expect(addReportSheets(xml, [{ name: 'R&D', relId: 'rId7' }], [{ name: '_xlnm.Print_Titles', localSheetId: 1, formula: "'R&D'!$4:$4" }], 'x')).toBe(
      `<workbook ${MAIN} ${R}><sheets><sheet name="Data" sheetId="4" r:id="rId1"/><sheet name="R&amp;D" sheetId="5" r:id="rId7"/></sheets>` +
        '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;R&amp;D&apos;!$4:$4</definedName></definedNames><calcPr calcId="1"/></workbook>',
    );
  });

  test('names go into the existing list in Excel name order; a workbook without r: declares it on the sheet', () => {
    const xml = `<workbook ${MAIN}><sheets><sheet xmlns:q="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="A" sheetId="1" q:id="rId1"/></sheets><definedNames><definedName name="Alpha">A!$A$1</definedName><definedName name="Zeta">A!$B$1</definedName></definedNames></workbook>`;
    const out = addReportSheets(xml, [{ name: 'B', relId: 'rId2' }], [{ name: '_xlnm.Print_Titles', localSheetId: 1, formula: 'B!$1:$1' }], 'x');
    expect(out).toContain('<sheet name="B" sheetId="2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId2"/>');
    expect(out).toContain('<definedName name="Alpha">A!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">B!$1:$1</definedName><definedName name="Zeta">');
    const later = addReportSheets(xml, [], [{ name: 'Beta', formula: '1' }], 'x');
    expect(later).toContain('<definedName name="Alpha">A!$A$1</definedName><definedName name="Beta">1</definedName><definedName name="Zeta">');
  });
});

describe('addSheetTitles', () => {
  const app = (pairs: string, titles: string[]): string =>
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application>' +
    `<HeadingPairs><vt:vector size="4" baseType="variant">${pairs}</vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`;
  const groups = (sheets: number, names: number): string =>
    `<vt:variant><vt:lpstr>Arbeitsblätter</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets}</vt:i4></vt:variant><vt:variant><vt:lpstr>Benannte Bereiche</vt:lpstr></vt:variant><vt:variant><vt:i4>${names}</vt:i4></vt:variant>`;

  test('adds the titles to the group that lists the worksheets, whatever its language', () => {
    expect(addSheetTitles(app(groups(2, 1), ['Data', 'Notes', 'TaxRate']), ['Data', 'Notes'], ['Q&A'])).toBe(app(groups(3, 1), ['Data', 'Notes', 'Q&amp;A', 'TaxRate']));
  });

  test('removes both lists when they do not match the workbook', () => {
    const out = addSheetTitles(app(groups(1, 1), ['Data', 'TaxRate']), ['Data', 'Other'], ['R']);
    expect(out).not.toContain('HeadingPairs');
    expect(out).not.toContain('TitlesOfParts');
    expect(out).toContain('<Application>Microsoft Excel</Application>');
  });
});

describe('ContentTypes and Relationships', () => {
  test('overrides beat defaults, names ignore case, edits splice', () => {
    const ct = ContentTypes.parse('<Types xmlns="t"><Default Extension="XML" ContentType="application/xml"/><Override PartName="/XL/Workbook.xml" ContentType="wb"/></Types>');
    expect(ct.typeOf('xl/workbook.xml')).toBe('wb');
    expect(ct.typeOf('xl/other.xml')).toBe('application/xml');
    ct.setOverride('xl/workbook.xml', 'plain');
    ct.setOverride('xl/new.xml', 'n');
    ct.removeOverride('nothing.xml');
    expect(ct.xml()).toBe('<Types xmlns="t"><Default Extension="XML" ContentType="application/xml"/><Override PartName="/XL/Workbook.xml" ContentType="plain"/><Override PartName="/xl/new.xml" ContentType="n"/></Types>');
  });

  test('relative targets and free ids', () => {
    expect(Relationships.relative('xl/worksheets/sheet7.xml', 'xl/tables/table3.xml')).toBe('../tables/table3.xml');
    expect(Relationships.relative('xl/workbook.xml', 'xl/worksheets/sheet7.xml')).toBe('worksheets/sheet7.xml');
    expect(Relationships.resolve('xl/drawings/drawing1.xml', '../charts/chart2.xml')).toBe('xl/charts/chart2.xml');
    expect(Relationships.resolve('xl/workbook.xml', '/xl/styles.xml')).toBe('xl/styles.xml');
    expect(Relationships.pathOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    const rels = Relationships.parse('<Relationships xmlns="r"><Relationship Id="rId2" Type="t" Target="a.xml"/><Relationship Id="x" Type="t" Target="http://e" TargetMode="External"/></Relationships>');
    expect(rels.freeId()).toBe('rId3');
    rels.add({ id: 'rId3', type: 'u', target: 'b.xml' });
    rels.remove('rId2');
    expect(rels.xml()).toBe('<Relationships xmlns="r"><Relationship Id="x" Type="t" Target="http://e" TargetMode="External"/><Relationship Id="rId3" Type="u" Target="b.xml"/></Relationships>');
    expect(rels.list.map((r) => [r.id, r.external])).toEqual([
      ['x', true],
      ['rId3', false],
    ]);
  });
});
