/**
 * The fake Excel's parts that report export uses: it must refuse what Excel refuses (changes to a
 * protected sheet, a second protection, a workbook that is not an .xlsx), or the tests of the port
 * and the host prove nothing.
 */
import { installFakeOffice, type FakeExcelHandle } from ".";

let fake: FakeExcelHandle;

beforeEach(() => {
  fake = installFakeOffice();
});

afterEach(() => fake.uninstall());

async function protect(sheet = "Sheet1"): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).protection.protect({ selectionMode: "Normal" });
    await context.sync();
  });
}

describe("sheet protection", () => {
  it("refuses values, formats and charts on a protected sheet, and allows them again once unprotected", async () => {
    await protect();
    const attempts: ((ws: Excel.Worksheet) => void)[] = [
      (ws) => void (ws.getRange("A1").values = [[1]]),
      (ws) => void (ws.getRange("A1").format.font.name = "Times New Roman"),
      (ws) => void ws.getRange("A1:B1").merge(false),
      (ws) => void ws.charts.add("Pie", ws.getRange("A1:A2"), "Columns"),
    ];
    for (const attempt of attempts) {
      await expect(
        Excel.run(async (context) => {
          attempt(context.workbook.worksheets.getItem("Sheet1"));
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "AccessDenied" });
    }
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.protection.load("protected");
      await context.sync();
      expect(ws.protection.protected).toBe(true);
      ws.protection.unprotect();
      ws.getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(fake.sheet("Sheet1").values()).toEqual([[1]]);
  });

  it("refuses to protect a protected sheet, as Excel does", async () => {
    await protect();
    await expect(protect()).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("charts", () => {
  it("takes a text first column for the categories, and numbers for series", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C2").values = [
        ["Xã A", 1, 2],
        ["Xã B", 3, 4],
      ];
      ws.getRange("E1:E2").values = [[2021], [2022]];
      ws.getRange("F1:F2").values = [[5], [6]];
      ws.charts.add("ColumnClustered", ws.getRange("A1:C2"), "Columns");
      ws.charts.add("Line", ws.getRange("E1:F2"), "Columns");
      await context.sync();
    });
    const [text, years] = fake.sheet("Sheet1").charts();
    expect(text.series).toEqual([
      { name: "Series1", values: "Sheet1!B1:B2", xValues: "Sheet1!A1:A2" },
      { name: "Series2", values: "Sheet1!C1:C2", xValues: "Sheet1!A1:A2" },
    ]);
    // Numeric labels become a series of their own: why the port sets the categories itself.
    expect(years.series.map((s) => s.values)).toEqual(["Sheet1!E1:E2", "Sheet1!F1:F2"]);
  });

  it("refuses an unknown type, a block as series values and a position on another sheet", async () => {
    const attempt = (fn: (ws: Excel.Worksheet) => void) =>
      Excel.run(async (context) => {
        fn(context.workbook.worksheets.getItem("Sheet1"));
        await context.sync();
      });
    await expect(
      attempt((ws) => void ws.charts.add("Radar3D" as Excel.ChartType, ws.getRange("A1:A2"))),
    ).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(
      attempt((ws) =>
        ws.charts.add("Pie", ws.getRange("A1:A2")).series.getItemAt(0).setValues(ws.getRange("A1:B2")),
      ),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    fake.workbook.addSheet("Khác");
    await expect(
      attempt((ws) => ws.charts.add("Pie", ws.getRange("A1:A2")).setPosition("Khác!A1", "Khác!B2")),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("needs ExcelApi 1.7 to set series", async () => {
    fake.uninstall();
    fake = installFakeOffice({ apiVersion: "1.6" });
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.charts.add("Pie", ws.getRange("A1:A2")).series.add("x");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("Excel.createWorkbook", () => {
  const xlsx = Buffer.from("PK\u0003\u0004rest", "latin1").toString("base64");

  it("keeps the files it opens, and refuses what is not an .xlsx", async () => {
    await Excel.createWorkbook(xlsx);
    await expect(Excel.createWorkbook("not base64!")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(Excel.createWorkbook(Buffer.from("hello").toString("base64"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    expect(fake.createdWorkbooks).toEqual([xlsx]);
  });

  it("is missing below ExcelApi 1.8", async () => {
    fake.uninstall();
    fake = installFakeOffice({ apiVersion: "1.7" });
    await expect(Excel.createWorkbook(xlsx)).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

it("hides gridlines from ExcelApi 1.8 and keeps margins in points and the footer", async () => {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.showGridlines = false;
    ws.pageLayout.leftMargin = 72;
    ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Trang &P/&N";
    await context.sync();
  });
  const s = fake.sheet("Sheet1");
  expect([s.showGridlines, s.pageMargins().leftMargin, s.centerFooter]).toEqual([false, 72, "Trang &P/&N"]);
  fake.uninstall();
  fake = installFakeOffice({ apiVersion: "1.7" });
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").showGridlines = false;
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "ApiNotFound" });
});
