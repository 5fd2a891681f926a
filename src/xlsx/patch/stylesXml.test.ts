import { readCellFormats, StyleBook } from "./stylesXml";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A stylesheet as Excel writes it (Times New Roman 13 as the default font, one custom format). */
const EXCEL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet ${MAIN}>` +
  '<numFmts count="1"><numFmt numFmtId="170" formatCode="#,##0\\ &quot;₫&quot;"/></numFmts>' +
  '<fonts count="1"><font><sz val="13"/><color theme="1"/><name val="Times New Roman"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

function count(xml: string, section: string): number {
  return Number(new RegExp(`<${section} count="(\\d+)"`).exec(xml)![1]);
}

function children(xml: string, section: string, child: string): string[] {
  const block = new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)![1];
  return [...block.matchAll(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g"))].map(
    (m) => m[0],
  );
}

describe("StyleBook", () => {
  it("appends to the existing sections, updates their counts and leaves the rest byte for byte", () => {
    const book = new StyleBook(EXCEL_STYLES);
    const font = book.font({ bold: true });
    const fill = book.fill("DDEBF7");
    const border = book.thinBorder();
    const xf = book.xf({
      numFmtId: book.numFmt("0.0%"),
      fontId: font,
      fillId: fill,
      borderId: border,
      wrap: true,
    });
    const dxf = book.dxf({ font: "006100", fill: "C6EFCE" });
    expect([font, fill, border, xf, dxf]).toEqual([1, 2, 1, 2, 0]);
    const xml = book.toXml();
    expect([count(xml, "fonts"), count(xml, "fills"), count(xml, "borders"), count(xml, "cellXfs")]).toEqual([
      2, 3, 2, 3,
    ]);
    expect(count(xml, "dxfs")).toBe(1);
    expect(count(xml, "numFmts")).toBe(2);
    // The new font is the default font made bold, in Excel's element order.
    expect(children(xml, "fonts", "font")[1]).toBe(
      '<font><b/><sz val="13"/><color theme="1"/><name val="Times New Roman"/><family val="2"/></font>',
    );
    expect(children(xml, "numFmts", "numFmt")[1]).toBe('<numFmt numFmtId="171" formatCode="0.0%"/>');
    expect(children(xml, "cellXfs", "xf")[2]).toBe(
      '<xf numFmtId="171" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment wrapText="1"/></xf>',
    );
    // Only the edited sections changed.
    const untouched = (s: string) =>
      s.replace(/<(numFmts|fonts|fills|borders|cellXfs|dxfs)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g, "");
    expect(untouched(xml)).toBe(untouched(EXCEL_STYLES));
  });

  it("reuses entries whose XML is already there, so writing the same styles again adds nothing", () => {
    const first = new StyleBook(EXCEL_STYLES);
    const use = (b: StyleBook) => [
      b.xf({
        numFmtId: b.numFmt("0.0%"),
        fontId: b.font({ italic: true, color: "595959" }),
        fillId: 0,
        borderId: 0,
      }),
      b.dxf({ font: "9C0006", fill: "FFC7CE" }),
      b.numFmt('#,##0\\ "₫"'),
      b.numFmt("0%"),
      b.numFmt("@"),
    ];
    const ids = use(first);
    expect(ids.slice(2)).toEqual([170, 9, 49]);
    const xml = first.toXml();
    const second = new StyleBook(xml);
    expect(use(second)).toEqual(ids);
    expect(second.dirty).toBe(false);
    expect(second.toXml()).toBe(xml);
  });

  it("creates the sections a minimal stylesheet lacks, in schema order, with Excel's default entries", () => {
    const book = new StyleBook(
      `<styleSheet ${MAIN}><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`,
    );
    book.xf({
      numFmtId: book.numFmt("0.0"),
      fontId: book.font({ bold: true }),
      fillId: book.fill("FFFF00"),
      borderId: 0,
    });
    book.dxf({ font: "000000", fill: "FFFFFF" });
    const xml = book.toXml();
    const order = [
      "<numFmts",
      "<fonts",
      "<fills",
      "<borders",
      "<cellStyleXfs",
      "<cellXfs",
      "<cellStyles",
      "<dxfs",
    ];
    const at = order.map((t) => xml.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(children(xml, "fills", "fill").slice(0, 2)).toEqual([
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
    ]);
    expect(count(xml, "fonts")).toBe(2);
  });

  it("writes a stylesheet from nothing when the package has none", () => {
    const book = new StyleBook(null);
    expect(book.dirty).toBe(true);
    expect(book.dxf({ font: "006100", fill: "C6EFCE" })).toBe(0);
    const formats = readCellFormats(book.toXml());
    expect(formats.numberFormat(0)).toBeNull();
  });

  it("writes in the stylesheet's own namespace prefix", () => {
    const prefixed = EXCEL_STYLES.replace(/<(\/?)([a-zA-Z]+)(?=[\s/>])/g, "<$1x:$2").replace(
      "xmlns=",
      "xmlns:x=",
    );
    const book = new StyleBook(prefixed);
    book.xf({ numFmtId: 0, fontId: book.font({ bold: true }), fillId: 0, borderId: 0 });
    const xml = book.toXml();
    expect(xml).toContain('<x:fonts count="2">');
    expect(xml).toContain("<x:font><x:b/><x:sz");
    expect(xml).toContain('<x:cellXfs count="3">');
  });

  it("refuses colours that are not RRGGBB", () => {
    expect(() => new StyleBook(null).fill("red")).toThrow(/Not an RRGGBB colour/);
  });
});

describe("readCellFormats", () => {
  it("follows ExcelJS: custom codes win, built-in ids have their code, style 0 and General are none", () => {
    const f = readCellFormats(EXCEL_STYLES);
    expect(f.numberFormat(0)).toBeNull();
    expect(f.numberFormat(1)).toBe('#,##0 "₫"');
    expect(f.numberFormat(7)).toBeNull();
    expect(f.isDate(1)).toBe(false);
  });
});
