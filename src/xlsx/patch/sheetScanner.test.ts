import fc from "fast-check";
import type { CellValue } from "../../workbook/port";
import { GridBuilder, type ReadContext } from "./gridReader";
import { SharedStringsScanner, SheetScanner } from "./sheetScanner";
import { readCellFormats } from "./stylesXml";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function worksheet(sheetData: string, tail = "", prefix = ""): string {
  const ns = prefix ? MAIN.replace("xmlns=", `xmlns:${prefix.slice(0, -1)}=`) : MAIN;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${prefix}worksheet ${ns}>` +
    `<${prefix}dimension ref="A1:C3"/><${prefix}sheetData>${sheetData}</${prefix}sheetData>${tail}</${prefix}worksheet>`
  );
}

const STYLES =
  `<styleSheet ${MAIN}><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>` +
  '<numFmt numFmtId="165" formatCode="0.0\\%"/></numFmts><cellXfs count="5">' +
  '<xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>';

function context(sharedStrings: string[] = []): ReadContext {
  return { sharedStrings, formats: readCellFormats(STYLES), date1904: false };
}

/** Scans `xml` fed in the given chunk sizes (cycled) and builds the grid. */
function scan(xml: string, chunkSizes: number[] = [xml.length], ctx = context()) {
  const builder = new GridBuilder(ctx);
  const scanner = new SheetScanner(builder.onCell);
  let i = 0;
  let k = 0;
  while (i < xml.length) {
    const n = Math.max(1, chunkSizes[k++ % chunkSizes.length]);
    scanner.push(xml.slice(i, i + n));
    i += n;
  }
  const { merges } = scanner.end();
  return builder.build("S", merges);
}

describe("SheetScanner", () => {
  it("reads numbers, booleans, errors, shared, inline and formula strings with entities decoded", () => {
    const xml = worksheet(
      '<row r="1" spans="1:6"><c r="A1"><v>1.5</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#REF!</v></c>' +
        '<c r="D1" t="s"><v>1</v></c><c r="E1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &#7855;&#x1EA1; </t></is></c>' +
        '<c r="F1" t="str"><f>"x"&amp;"y"</f><v>x&lt;y</v></c></row>',
    );
    expect(scan(xml, undefined, context(["zero", "một"])).values).toEqual([
      [1.5, true, { error: "#REF!" }, "một", " a & b ắạ ", "x<y"],
    ]);
  });

  it("joins rich-text runs and leaves phonetic runs out, in cells and in shared strings", () => {
    const xml = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Tỉ lệ </t></r><r><t>hộ</t></r>' +
        '<rPh sb="0" eb="1"><t>ignored</t></rPh></is></c></row>',
    );
    expect(scan(xml).values).toEqual([["Tỉ lệ hộ"]]);
    const sst = new SharedStringsScanner();
    const sstXml =
      `<sst ${MAIN} count="3"><si><t>một</t></si><si><r><t>hai </t></r><r><rPr><i/></rPr><t>ba</t></r>` +
      '<rPh sb="0" eb="1"><t>x</t></rPh><phoneticPr fontId="1"/></si><si/><si><t>_x000D_&lt;</t></si></sst>';
    for (let i = 0; i < sstXml.length; i += 7) sst.push(sstXml.slice(i, i + 7));
    expect(sst.end()).toEqual(["một", "hai ba", "", "\r<"]);
  });

  it("places rows and cells without an r attribute by order, as Excel does", () => {
    const xml = worksheet(
      '<row><c><v>1</v></c><c/><c><v>3</v></c></row><row><c r="B2"><v>4</v></c><c><v>5</v></c></row>' +
        '<row r="5"><c><v>6</v></c></row><row/><row><c><v>7</v></c></row>',
    );
    expect(scan(xml).values).toEqual([
      [1, null, 3],
      [null, 4, 5],
      [null, null, null],
      [null, null, null],
      [6, null, null],
      [null, null, null],
      [7, null, null],
    ]);
  });

  it("turns date-formatted numbers into yyyy-mm-dd (custom and built-in formats) and keeps the format codes", () => {
    const xml = worksheet(
      '<row r="1"><c r="A1" s="2"><v>46022</v></c><c r="B1" s="3"><v>45000.75</v></c><c r="C1" s="1"><v>0.85</v></c>' +
        '<c r="D1" s="4"><v>85</v></c><c r="E1" s="2"><f>A1+1</f><v>46023</v></c><c r="F1" s="2" t="str"><f>"x"</f><v>x</v></c></row>',
    );
    const grid = scan(xml);
    expect(grid.values).toEqual([["2025-12-31", "2023-03-15", 0.85, 85, "2026-01-01", "x"]]);
    // Custom codes lose their backslash escapes, as ExcelJS reads them.
    expect(grid.numberFormats).toEqual([
      ["dd/mm/yyyy", "mm-dd-yy", "0%", "0.0%", "dd/mm/yyyy", "dd/mm/yyyy"],
    ]);
  });

  it("reads formulas as their cached result, or nothing without one", () => {
    const xml = worksheet(
      '<row r="1"><c r="A1"><f>1/0</f></c><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
        '<c r="C1"><f t="shared" ref="C1:C2" si="0">A1*2</f><v>4</v></c></row>' +
        '<row r="2"><c r="C2"><f t="shared" si="0"/><v>6</v></c><c r="D2" t="b"><f>TRUE</f><v>1</v></c></row>',
    );
    expect(scan(xml).values).toEqual([
      [null, { error: "#DIV/0!" }, 4, null],
      [null, null, 6, true],
    ]);
  });

  it("clears the covered cells of merged ranges and does not widen the grid for style-only cells", () => {
    const xml = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>gộp</t></is></c><c r="B1"><v>2</v></c><c r="C1" s="1"/></row>' +
        '<row r="2"><c r="A2"><v>3</v></c><c r="H2" s="1"/></row>',
      '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
    );
    expect(scan(xml).values).toEqual([["gộp"]]);
  });

  it("reads a sheet written with a namespace prefix (<x:worksheet>, Open XML SDK style)", () => {
    const xml = worksheet(
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row>',
      '<x:mergeCells><x:mergeCell ref="C1:D1"/></x:mergeCells>',
      "x:",
    );
    expect(scan(xml).values).toEqual([["a", 2]]);
  });

  it("handles an empty <sheetData/>, CDATA text and ISO date cells", () => {
    expect(scan(`<worksheet ${MAIN}><sheetData/></worksheet>`).values).toEqual([]);
    const xml = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b> & ]]></t></is></c><c r="B1" t="d"><v>2025-01-31T00:00:00</v></c></row>',
    );
    expect(scan(xml).values).toEqual([["<b> & ", "2025-01-31"]]);
  });

  it("skips extension lists inside cells and rows", () => {
    const xml = worksheet(
      '<row r="1"><c r="A1"><v>1</v><extLst><ext uri="{u}"><x:y xmlns:x="x"><extLst/></x:y></ext></extLst></c>' +
        '<c r="B1" t="inlineStr"><is><t>b</t></is><extLst><ext uri="{u}"/></extLst></c>' +
        '<extLst><ext uri="{r}"><c r="Z9"><v>9</v></c></ext></extLst></row><row r="2"><c r="A2"><v>2</v></c></row>',
    );
    expect(scan(xml).values).toEqual([
      [1, "b"],
      [2, null],
    ]);
  });

  it("gives the same grid however the text is cut into chunks", () => {
    const xml = worksheet(
      Array.from(
        { length: 30 },
        (_, r) =>
          `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>Xã ${r} &amp; Đạt</t></is></c>` +
          `<c r="C${r + 1}" s="${r % 5}"><v>${r * 1.5}</v></c><c r="D${r + 1}" t="s"><v>${r % 2}</v></c></row>`,
      ).join(""),
      '<mergeCells count="1"><mergeCell ref="A3:B4"/></mergeCells><pageMargins left="0.7"/>',
    );
    const ctx = context(["không", "một"]);
    const whole = scan(xml, undefined, ctx);
    expect(whole.values).toHaveLength(30);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 20 }), (sizes) => {
        const cut = scan(xml, sizes, ctx);
        expect(cut).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });
});

describe("GridBuilder", () => {
  it("pads ragged rows into a rectangle from A1 and keeps null for unformatted cells", () => {
    const b = new GridBuilder(context());
    b.onCell(0, 2, 1, "n", "0.5", false);
    b.onCell(3, 0, 0, "inlineStr", "x", false);
    const grid = b.build("G", []);
    const expected: CellValue[][] = [
      [null, null, 0.5],
      [null, null, null],
      [null, null, null],
      ["x", null, null],
    ];
    expect(grid.values).toEqual(expected);
    expect(grid.numberFormats![0][2]).toBe("0%");
    expect(grid.numberFormats![3][0]).toBeNull();
  });
});
