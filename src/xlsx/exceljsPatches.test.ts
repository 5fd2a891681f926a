import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { WritePlan } from "../workbook/port";
import { XlsxWorkbookPort } from "./xlsxPort";
import { TOOL_RULE_MARKER } from "../workbook/formats/toolRules";
import { EXT_ONLY } from "./exceljsPatches";
import { internals } from "./internals";
import { loadFresh, sheetXml, withSheetXml } from "./testSupport";

const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const BAR_ID = "{11111111-2222-3333-4444-555555555555}";
const CROSS_ID = "{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}";
const TOOL_ID = "{99999999-8888-7777-6666-555555555555}";

/** Conditional formats as Excel 365 writes them, including the kinds ExcelJS 4.4 cannot round-trip. */
const MAIN_RULES =
  `<conditionalFormatting sqref="A2:A20"><cfRule type="beginsWith" dxfId="0" priority="1" stopIfTrue="1" operator="beginsWith" text="Xã"><formula>LEFT(A2,LEN("Xã"))="Xã"</formula></cfRule></conditionalFormatting>` +
  `<conditionalFormatting sqref="A2:A20"><cfRule type="duplicateValues" dxfId="1" priority="2"/></conditionalFormatting>` +
  `<conditionalFormatting sqref="A2:A20"><cfRule type="containsText" dxfId="2" priority="3" operator="containsText" text="Mường"><formula>NOT(ISERROR(SEARCH("Mường",A2)))</formula></cfRule></conditionalFormatting>` +
  `<conditionalFormatting sqref="A2:A20"><cfRule type="notContainsText" dxfId="0" priority="4" operator="notContains" text="&amp;"><formula>ISERROR(SEARCH("&amp;",A2))</formula></cfRule></conditionalFormatting>` +
  `<conditionalFormatting sqref="C2:C20"><cfRule type="colorScale" priority="5"><colorScale><cfvo type="min"/><cfvo type="formula" val="$E$1"/><color rgb="FFF8696B"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>` +
  `<conditionalFormatting sqref="B2:B20"><cfRule type="dataBar" priority="6"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>` +
  `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${BAR_ID}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;

/** Excel keeps rules that refer to another sheet only in the x14 extension. */
const EXT_RULES =
  `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings>` +
  `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="${BAR_ID}"><x14:dataBar minLength="0" maxLength="100">` +
  `<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>B2:B20</xm:sqref></x14:conditionalFormatting>` +
  `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="expression" priority="7" stopIfTrue="1" id="${CROSS_ID}"><xm:f>'Danh mục'!$A$1="x"</xm:f>` +
  `<x14:dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></x14:dxf></x14:cfRule><xm:sqref>D2:D20</xm:sqref></x14:conditionalFormatting>` +
  `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="expression" priority="8" id="${TOOL_ID}"><xm:f>AND(${TOOL_RULE_MARKER.replace(/"/g, "&quot;")},'NTM marks'!A1="notMet")</xm:f>` +
  `<x14:dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></x14:dxf></x14:cfRule><xm:sqref>B2:B4</xm:sqref></x14:conditionalFormatting>` +
  `</x14:conditionalFormattings></ext></extLst>`;

async function excelAuthoredWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Xã");
  ws.addRow(["Tên", "Số", "Điểm", "Ghi chú"]);
  ws.addRow(["Xã Mường Nhé", 3, 7, "x"]);
  wb.addWorksheet("Danh mục").getCell("A1").value = "x";
  // Three styled rules so styles.xml has three dxfs; their XML is replaced below.
  ws.addConditionalFormatting({
    ref: "A1",
    rules: [0, 1, 2].map((i) => ({
      type: "expression" as const,
      priority: i + 1,
      formulae: ["TRUE"],
      style: { font: { color: { argb: ["FF006100", "FF9C0006", "FF9C5700"][i] } } },
    })),
  });
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return withSheetXml(buf, "Xã", (xml) =>
    xml
      .replace(/<conditionalFormatting[\s\S]*<\/conditionalFormatting>/, MAIN_RULES)
      .replace("</worksheet>", `${EXT_RULES}</worksheet>`),
  );
}

const plan: WritePlan = {
  sheets: [{ name: "NTM marks", rows: [["notMet"]], hidden: true }],
  inputHighlights: [
    {
      sheet: "Xã",
      rules: [{ kind: "formula", range: "B2:B4", formula: `'NTM marks'!A1="notMet"`, style: "notMet" }],
    },
  ],
  meta: { version: 1, ownedSheets: ["NTM marks"] },
};

describe("ExcelJS default font patch", () => {
  /** A template whose Normal font is Times New Roman 13, as many Vietnamese government forms are. */
  async function timesTemplate(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Xã").getCell("A1").value = "Tên xã";
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const edited = styles.replace(
      '<sz val="11"/><name val="Calibri"/>',
      '<sz val="13"/><name val="Times New Roman"/>',
    );
    expect(edited).not.toBe(styles);
    zip.file("xl/styles.xml", edited);
    return zip.generateAsync({ type: "nodebuffer" });
  }

  it("keeps the workbook's default font, and builds the tool's fonts on it", async () => {
    const port = await XlsxWorkbookPort.fromBuffer(await timesTemplate());
    await port.write({
      sheets: [{ name: "Kết quả", rows: [["Xã"]], styles: [{ range: "A1", bold: true }] }],
      inputHighlights: [],
      meta: { version: 1, ownedSheets: ["Kết quả"] },
    });
    const zip = await JSZip.loadAsync(await port.toBuffer());
    const fonts = /<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(
      await zip.file("xl/styles.xml")!.async("string"),
    )![1];
    const [first, ...others] = fonts.match(/<font>[\s\S]*?<\/font>/g)!;
    expect(first).toContain('<name val="Times New Roman"/>');
    expect(first).toContain('<sz val="13"/>');
    expect(others.find((f) => f.includes("<b/>"))).toContain('<name val="Times New Roman"/>');
  });

  it("gives a new workbook ExcelJS's Calibri 11", async () => {
    const port = XlsxWorkbookPort.createEmpty();
    await port.write({
      sheets: [{ name: "A", rows: [["x"]], styles: [{ range: "A1", italic: true }] }],
      inputHighlights: [],
      meta: { version: 1, ownedSheets: ["A"] },
    });
    const zip = await JSZip.loadAsync(await port.toBuffer());
    const styles = await zip.file("xl/styles.xml")!.async("string");
    expect(styles).toMatch(/<font><i\/>.*<sz val="11"\/>.*<name val="Calibri"\/>.*<\/font>/);
  });
});

describe("ExcelJS data validation patch", () => {
  it("keeps a whole-column validation as one range instead of a million cells, and writes it back", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Xã").getCell("A1").value = "Kết quả";
    const base = Buffer.from(await wb.xlsx.writeBuffer());
    const dv =
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="B1:C1048576 E2">' +
      '<formula1>"Đạt,Chưa đạt"</formula1></dataValidation></dataValidations>';
    const buf = await withSheetXml(base, "Xã", (xml) => xml.replace("<pageMargins", `${dv}<pageMargins`));

    const port = await XlsxWorkbookPort.fromBuffer(buf);
    const model = internals(port.workbook.getWorksheet("Xã")!).dataValidations.model;
    expect(Object.keys(model)).toEqual(["B1:C1048576", "E2"]);
    await port.write({ sheets: [], inputHighlights: [], meta: { version: 1, ownedSheets: [] } });
    const out = await sheetXml(await port.toBuffer(), "Xã");
    expect(out).toContain('sqref="B1:C1048576"');
    expect(out).toContain('sqref="E2"');
    expect(out.match(/<dataValidation /g)).toHaveLength(2);
  });
});

describe("ExcelJS conditional-format patches", () => {
  let out: string;

  beforeAll(async () => {
    const port = await XlsxWorkbookPort.fromBuffer(await excelAuthoredWorkbook());
    await port.write(plan);
    out = await sheetXml(await port.toBuffer(), "Xã");
  });

  it("writes back rule types ExcelJS has no renderer for, with all their attributes", () => {
    expect(out).toContain(
      '<cfRule type="beginsWith" dxfId="0" priority="1" stopIfTrue="1" operator="beginsWith" text="Xã"><formula>LEFT(A2,LEN(&quot;Xã&quot;))=&quot;Xã&quot;</formula></cfRule>',
    );
    expect(out).toContain('<cfRule type="duplicateValues" dxfId="1" priority="2"/>');
    expect(out).toContain(
      '<cfRule type="containsText" dxfId="2" priority="3" operator="containsText" text="Mường">',
    );
    expect(out).toContain(
      '<cfRule type="notContainsText" dxfId="3" priority="4" operator="notContains" text="&amp;">',
    );
    expect(out).not.toMatch(/<conditionalFormatting [^>]*\/>/);
  });

  it("keeps a cfvo that holds a reference instead of turning it into NaN", () => {
    expect(out).toContain('<cfvo type="formula" val="$E$1"/>');
    expect(out).not.toContain("NaN");
  });

  it("keeps a gradient data bar loaded from Excel linked to its x14 half", () => {
    const id = /<cfRule type="dataBar" priority="6">[\s\S]*?<x14:id>([^<]+)<\/x14:id>/.exec(out)![1];
    expect(out).toContain(`<x14:cfRule type="dataBar" id="${id}">`);
  });

  it("writes a cross-sheet rule back into the x14 extension with its formula and format", () => {
    expect(out).toMatch(
      /<x14:cfRule type="expression" priority="7" stopIfTrue="1" id="\{[0-9A-F-]+\}"><xm:f>&apos;Danh mục&apos;!\$A\$1=&quot;x&quot;<\/xm:f><x14:dxf><font><color rgb="FF9C0006"\/><\/font><fill><patternFill><bgColor rgb="FFFFC7CE"\/><\/patternFill><\/fill><\/x14:dxf><\/x14:cfRule><xm:sqref>D2:D20<\/xm:sqref>/,
    );
    // …and not also into the main block, where ExcelJS 4.4 crashes on it.
    expect(out).not.toMatch(/<conditionalFormatting sqref="D2:D20">/);
  });

  it("recognises its own rule after Excel moved it to the x14 extension, and replaces it", () => {
    expect(out.match(/NTM Planner/g)).toHaveLength(1);
    // Priority 8: after the user's highest rule (7), now that the old tool rule (8) is gone.
    expect(out).toMatch(
      /<conditionalFormatting sqref="B2:B4"><cfRule type="expression" dxfId="\d+" priority="8"><formula>AND\(ISTEXT\(&quot;NTM Planner&quot;\),&apos;NTM marks&apos;!A1=&quot;notMet&quot;\)<\/formula><\/cfRule><\/conditionalFormatting>/,
    );
  });

  it("reads x14 formula rules as ordinary rules with formulae and style", async () => {
    const wb = await loadFresh(await excelAuthoredWorkbook());
    const rules = internals(wb.getWorksheet("Xã")!).conditionalFormattings.flatMap((cf) => cf.rules);
    const cross = rules.find((r) => r.priority === 7)!;
    expect(cross).toMatchObject({
      type: "expression",
      formulae: [`'Danh mục'!$A$1="x"`],
      style: { font: { color: { argb: "FF9C0006" } }, fill: { bgColor: { argb: "FFFFC7CE" } } },
      [EXT_ONLY]: true,
    });
  });

  it("survives a second load and save unchanged", async () => {
    const port = await XlsxWorkbookPort.fromBuffer(await excelAuthoredWorkbook());
    await port.write(plan);
    const once = await port.toBuffer();
    const again = await XlsxWorkbookPort.fromBuffer(once);
    await again.write(plan);
    const twice = await sheetXml(await again.toBuffer(), "Xã");
    const strip = (xml: string) => xml.replace(/\{[0-9A-F-]{36}\}/g, "{id}");
    expect(strip(twice)).toBe(strip(await sheetXml(once, "Xã")));
  });
});
