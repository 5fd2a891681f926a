/**
 * The office.js port on the fake Excel, for what a report sheet asks beyond the result sheets: a sheet
 * font, hidden gridlines, protection without a password, page margins and a centred footer. Each is
 * skipped where the host lacks its requirement set, never fails the write.
 */
import type { WritePlan } from "../../src/workbook/port";
import type { SheetSpec } from "../../src/workbook/sheetSpec";
import { usedArea } from "../../src/excel/sheetCommands";
import { FakeOfficeError } from "../fakeExcel";
import { setup, snapshot } from "./support";

const SHEET = "BC Sở Giao thông vận tải";

function reportSheet(overrides: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name: SHEET,
    rows: [
      ["UBND TỈNH HÀ TĨNH", null, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["SỞ GIAO THÔNG VẬN TẢI", null, "Độc lập - Tự do - Hạnh phúc"],
      [],
      ["BÁO CÁO KẾT QUẢ THỰC HIỆN TIÊU CHÍ GIAO THÔNG"],
      ["STT", "Tiêu chí", "Số xã đạt"],
      [1, "Giao thông", 180],
      [2, "=1+1 (text)", 2],
    ],
    columnWidths: [6, 40, 14],
    styles: [
      { range: "A4:E4", bold: true, fontSize: 14, merge: true, align: "center" },
      { range: "A5:C7", border: true },
    ],
    font: { name: "Times New Roman", size: 13 },
    showGridLines: false,
    protect: true,
    page: {
      landscape: false,
      repeatRows: [5, 5],
      margins: { left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
      footer: "Trang &P/&N",
    },
    ...overrides,
  };
}

function plan(sheet: SheetSpec = reportSheet()): WritePlan {
  return { sheets: [sheet], meta: { version: 1, ownedSheets: [sheet.name] } };
}

describe("report sheets through the office.js port", () => {
  it("sets Times New Roman 13 over the used area, and a span's own size still wins", async () => {
    const { fake, port } = setup();
    await port.write(plan());
    const s = fake.sheet(SHEET);
    expect(s.cell("C1").style).toMatchObject({ "font.name": "Times New Roman", "font.size": 13 });
    // The title row spans to column E: the font covers it, and its own 14 pt wins.
    expect(s.cell("E4").style).toMatchObject({ "font.name": "Times New Roman" });
    expect(s.cell("A4").style).toMatchObject({
      "font.name": "Times New Roman",
      "font.size": 14,
      "font.bold": true,
    });
    // Outside the area Excel's default font stays.
    expect(s.cell("F8").style["font.name"]).toBeUndefined();
    expect(usedArea(reportSheet())).toBe("A1:E7");
    expect(usedArea({ name: "x", rows: [] })).toBeNull();
  });

  it("hides the gridlines, sets margins in points and the page-number footer", async () => {
    const { fake, port } = setup();
    await port.write(plan());
    const s = fake.sheet(SHEET);
    expect(s.showGridlines).toBe(false);
    expect(s.pageLayout()).toMatchObject({
      paperSize: "A4",
      orientation: "Portrait",
      printTitleRows: "$5:$5",
    });
    expect(s.centerFooter).toBe("Trang &P/&N");
    const layout = s.pageMargins();
    expect(layout.leftMargin).toBeCloseTo(84.96, 5);
    expect(layout.rightMargin).toBeCloseTo(42.48, 5);
    expect(layout.topMargin).toBeCloseTo(56.88, 5);
    expect(layout.bottomMargin).toBeCloseTo(56.88, 5);
    expect(layout.headerMargin).toBeCloseTo(21.6, 5);
    expect(layout.footerMargin).toBeCloseTo(21.6, 5);
  });

  it("protects the sheet without a password, selection allowed, after every format went in", async () => {
    const { fake, port } = setup();
    await port.write(plan());
    const s = fake.sheet(SHEET);
    expect(s.protection()).toEqual({ protected: true, options: { selectionMode: "Normal", password: null } });
    // Everything before the protection was applied (the fake refuses changes to a protected sheet).
    expect(s.merges()).toEqual(["A4:E4"]);
    expect(s.cell("B7").style).toMatchObject({ "border.EdgeBottom.style": "Continuous" });
    expect(s.cell("B7").value).toBe("=1+1 (text)");
    // And the fake really refuses: a change after protection fails as in Excel.
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange("A1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("replaces its own protected report sheet on the next export", async () => {
    const { fake, port } = setup();
    await port.write(plan());
    const next = reportSheet({ rows: [["UBND TỈNH HÀ TĨNH"], ["bản mới"]] });
    await port.write(plan(next));
    expect(fake.sheetNames()).toEqual(["Sheet1", SHEET, "NTM_META"]);
    expect(fake.sheet(SHEET).values()[1]).toEqual(["bản mới"]);
    expect(fake.sheet(SHEET).protection().protected).toBe(true);
  });

  it("leaves out what an older Excel lacks and still writes the sheet (ExcelApi 1.6)", async () => {
    const { fake, port } = setup({ apiVersion: "1.6" });
    await port.write(plan());
    const s = fake.sheet(SHEET);
    expect(s.values()[0][0]).toBe("UBND TỈNH HÀ TĨNH");
    expect(s.showGridlines).toBe(true); // 1.8
    expect(s.pageLayout()).toMatchObject({ paperSize: "Letter" }); // 1.9
    expect(s.centerFooter).toBe("");
    expect(s.pageMargins().leftMargin).toBe(50.4);
    expect(s.cell("A1").style).toMatchObject({ "font.name": "Times New Roman" });
    // Protected with Excel's default options (selectionMode needs 1.7).
    expect(s.protection()).toEqual({ protected: true, options: { password: null } });
  });

  it("without margins or footer keeps Excel's, and gridlines and protection are opt-in", async () => {
    const { fake, port } = setup();
    const plain = reportSheet({
      page: { landscape: true },
      showGridLines: undefined,
      protect: undefined,
      font: undefined,
    });
    await port.write(plan(plain));
    const s = fake.sheet(SHEET);
    expect(s.pageLayout()).toMatchObject({ orientation: "Landscape" });
    expect(s.pageMargins().leftMargin).toBe(50.4);
    expect(s.centerFooter).toBe("");
    expect(s.showGridlines).toBe(true);
    expect(s.protection().protected).toBe(false);
    expect(s.cell("C1").style["font.name"]).toBeUndefined();
  });

  it.each<[string, Partial<SheetSpec>, RegExp]>([
    ["a font size Excel refuses", { font: { name: "Times New Roman", size: 500 } }, /font size 500/],
    ["an empty font name", { font: { name: " ", size: 13 } }, /font name/],
    [
      "a negative margin",
      {
        page: {
          landscape: false,
          margins: { left: -1, right: 0.5, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
        },
      },
      /left margin -1/,
    ],
    ["a footer over 255 characters", { page: { landscape: false, footer: "x".repeat(256) } }, /footer/],
  ])("refuses %s before changing anything", async (_, overrides, message) => {
    const { fake, port } = setup();
    const before = snapshot(fake);
    await expect(port.write(plan(reportSheet(overrides)))).rejects.toThrow(message);
    expect(snapshot(fake)).toEqual(before);
  });

  it("reports a protection Excel refuses as a host error, with events restored", async () => {
    const probe = setup();
    await probe.port.write(plan());
    const syncs = probe.fake.syncCount; // the last one carries the protection (and the events' restore)
    const { fake, port } = setup();
    fake.failSync(syncs, new FakeOfficeError("AccessDenied", "The workbook is read-only."));
    await expect(port.write(plan())).rejects.toMatchObject({ name: "HostError", code: "readOnly" });
    expect(fake.enableEvents).toBe(true);
  });
});
