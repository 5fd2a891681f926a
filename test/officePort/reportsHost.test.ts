/**
 * What report export needs from the office.js host, on the fake Excel: new workbooks from base64
 * (Excel.createWorkbook), native charts on report sheets (charts.ts), and the whole fallback export —
 * report sheets and their charts in the open workbook when Excel cannot open new workbooks.
 */
import { CHART_TYPES, checkChart } from "../../src/excel/charts";
import { OfficeHost } from "../../src/excel/officeHost";
import { ExcelQueue } from "../../src/excel/queue";
import { exportReports, reportSheetName } from "../../src/taskpane/reports";
import { buildHaTinhSample } from "../../src/cli/sample/haTinhSample";
import { recalculate } from "../../src/workbook/recalc";
import { buildReports } from "../../src/workbook/reports/buildReports";
import type { ChartSpec } from "../../src/workbook/reports/types";
import type { SheetSpec } from "../../src/workbook/sheetSpec";
import { buildTemplate } from "../../src/workbook/template";
import { writeSheets } from "../../src/workbook/writeSheets";
import {
  FakeOfficeError,
  INJECTED_ERRORS,
  installFakeOffice,
  type FakeExcelHandle,
  type FakeOfficeOptions,
} from "../fakeExcel";

let fake: FakeExcelHandle;

function host(opts: FakeOfficeOptions = {}): OfficeHost {
  fake?.uninstall();
  fake = installFakeOffice(opts);
  return new OfficeHost({
    queue: new ExcelQueue({ retryDelaysMs: [1, 1], sleep: () => Promise.resolve() }),
    storage: null,
  });
}

afterEach(() => fake.uninstall());

/** A small .xlsx as base64 ("PK\3\4…"): what Excel.createWorkbook takes. */
const XLSX_BASE64 = Buffer.from("PK\u0003\u0004 a zip package", "latin1").toString("base64");

describe("new workbooks (Excel.createWorkbook)", () => {
  it("opens the base64 file as a new workbook, once, leaving the open one alone", async () => {
    const h = host();
    expect(h.supports("createWorkbook")).toBe(true);
    await h.createWorkbook(XLSX_BASE64);
    expect(fake.createdWorkbooks).toEqual([XLSX_BASE64]);
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  });

  it("is not offered below ExcelApi 1.8", () => {
    expect(host({ apiVersion: "1.7" }).supports("createWorkbook")).toBe(false);
  });

  it("turns Excel's refusals into host errors and never opens a workbook twice on a busy error", async () => {
    const h = host();
    fake.failNextCreateWorkbook(INJECTED_ERRORS.busy());
    await expect(h.createWorkbook(XLSX_BASE64)).rejects.toMatchObject({ name: "HostError", code: "busy" });
    expect(fake.createdWorkbooks).toEqual([]);
    // Not retried: the next call is a new attempt, and it succeeds.
    await h.createWorkbook(XLSX_BASE64);
    expect(fake.createdWorkbooks).toHaveLength(1);

    await expect(h.createWorkbook(Buffer.from("not a zip").toString("base64"))).rejects.toMatchObject({
      name: "HostError",
      code: "unknown",
    });
    fake.failNextCreateWorkbook(new FakeOfficeError("AccessDenied", "Blocked by policy."));
    await expect(h.createWorkbook(XLSX_BASE64)).rejects.toMatchObject({ code: "readOnly" });
  });

  it("offers downloads only in Excel on the web", () => {
    expect(host().supports("download")).toBe(false);
    // Excel on the web, but no browser document here (Node): still not offered.
    expect(host({ platform: "OfficeOnline" }).supports("download")).toBe(false);
  });
});

const REPORT = "BC Tổng hợp";

function reportSheet(protect: boolean): SheetSpec {
  return {
    name: REPORT,
    rows: [
      ["Nguồn", "Có tín dụng", "Không tín dụng"],
      ["Ngân sách trung ương", 120, 120],
      ["Ngân sách địa phương", 300, 300],
      ["Tín dụng", 80, null],
      [],
      ["Năm", "Xã đạt"],
      [2021, 150],
      [2022, 175],
    ],
    protect,
  };
}

const PIE: ChartSpec = {
  sheet: REPORT,
  kind: "pie",
  title: "Cơ cấu nguồn vốn (có tín dụng)",
  categories: "A2:A4",
  series: [{ name: "Có tín dụng", values: "B2:B4" }],
  from: "E1",
  to: "K15",
};

const BARS: ChartSpec = {
  sheet: REPORT,
  kind: "bar",
  title: "Hai cách tính",
  categories: "A2:A4",
  series: [
    { name: "Có tín dụng", values: "B2:B4" },
    { name: "Không tín dụng", values: "C2:C4" },
  ],
  from: "E17",
  to: "K30",
};

// Year labels are numbers: Excel alone would take them for a series.
const YEARS: ChartSpec = {
  sheet: REPORT,
  kind: "column",
  title: "Xã đạt chuẩn theo năm",
  categories: "A7:A8",
  series: [{ name: "Xã đạt", values: "B7:B8" }],
  from: "E32",
  to: "K45",
};

async function writeReport(h: OfficeHost, protect: boolean): Promise<void> {
  await h.port.write({ sheets: [reportSheet(protect)], meta: { version: 1, ownedSheets: [REPORT] } });
}

const q = (a: string) => `'${REPORT}'!${a}`;

describe("native charts on report sheets", () => {
  it("adds each chart with its type, title, series, categories and place", async () => {
    const h = host();
    await writeReport(h, false);
    await expect(h.addCharts([PIE, BARS, YEARS])).resolves.toBe(3);
    const charts = fake.sheet(REPORT).charts();
    expect(charts.map((c) => [c.type, c.title, c.from, c.to])).toEqual([
      ["Pie", PIE.title, "E1", "K15"],
      ["BarClustered", BARS.title, "E17", "K30"],
      ["ColumnClustered", YEARS.title, "E32", "K45"],
    ]);
    expect(charts[1].series).toEqual([
      { name: "Có tín dụng", values: q("B2:B4"), xValues: q("A2:A4") },
      { name: "Không tín dụng", values: q("C2:C4"), xValues: q("A2:A4") },
    ]);
    // The years are the categories, not a second series.
    expect(charts[2].series).toEqual([{ name: "Xã đạt", values: q("B7:B8"), xValues: q("A7:A8") }]);
  });

  it("adds charts to a protected report sheet and protects it again, in one batch", async () => {
    const h = host();
    await writeReport(h, true);
    expect(fake.sheet(REPORT).protection().protected).toBe(true);
    const before = fake.runs;
    await h.addCharts([PIE]);
    expect(fake.runs - before).toBe(1);
    expect(fake.sheet(REPORT).charts()).toHaveLength(1);
    expect(fake.sheet(REPORT).protection()).toEqual({
      protected: true,
      options: { selectionMode: "Normal", password: null },
    });
  });

  it("refuses a chart Excel would refuse halfway, before changing anything", async () => {
    const h = host();
    await writeReport(h, true);
    const syncs = fake.syncCount;
    const bad: ChartSpec[] = [
      { ...BARS, series: [{ name: "x", values: "B2:B3" }] },
      { ...PIE, categories: "A2:B4" },
      { ...PIE, from: "E1:F2" },
      { ...PIE, series: [] },
      { ...PIE, to: "nowhere" },
    ];
    for (const spec of bad) await expect(h.addCharts([PIE, spec])).rejects.toThrow(/Chart/);
    expect(fake.syncCount).toBe(syncs);
    expect(fake.sheet(REPORT).charts()).toEqual([]);
    expect(fake.sheet(REPORT).protection().protected).toBe(true);
    expect(() => checkChart(PIE)).not.toThrow();
    expect(Object.keys(CHART_TYPES)).toEqual(["pie", "bar", "column"]);
  });

  it("a sheet that does not exist is Excel's error, and nothing is drawn", async () => {
    const h = host();
    await writeReport(h, false);
    await expect(h.addCharts([PIE, { ...YEARS, sheet: "Không có" }])).rejects.toMatchObject({
      name: "HostError",
    });
    expect(fake.sheet(REPORT).charts()).toEqual([]);
  });

  it("draws nothing below ExcelApi 1.7 and says so by the count", async () => {
    const h = host({ apiVersion: "1.6" });
    await writeReport(h, false);
    await expect(h.addCharts([PIE])).resolves.toBe(0);
    expect(fake.sheet(REPORT).charts()).toEqual([]);
  });
});

describe("the fallback export through office.js (no Excel.createWorkbook)", () => {
  it("writes protected “BC …” sheets in the report font and draws the summary's charts (ExcelApi 1.7)", async () => {
    const h = host({ apiVersion: "1.7", sheets: [] });
    expect(h.supports("createWorkbook")).toBe(false);
    await writeSheets(h.port, buildTemplate(buildHaTinhSample({ year: 2022, lang: "vi" })));
    const outcome = await recalculate(h.port);
    const input = fake.sheet("Dữ liệu xã").values();
    const date = { day: 27, month: 11, year: 2026 };
    const docs = buildReports(outcome, { lang: "vi", date, departments: ["Sở Xây dựng"] });
    expect(docs.map((d) => d.kind)).toEqual(["department", "summary"]);

    const progress: string[] = [];
    const result = await exportReports(
      h,
      { outcome, lang: "vi", date, departments: ["Sở Xây dựng"], summary: true },
      (p) => progress.push(`${p.current}/${p.total} ${p.name}`),
    );

    expect(result.mode).toBe("sheets");
    expect(progress).toEqual(["0/0 ", "1/2 Sở Xây dựng", `2/2 ${docs[1].title}`]);
    const names = docs.map((d) => reportSheetName(d.sheets[0].name));
    expect(result.reports.map((r) => r.sheets)).toEqual(names.map((n) => [n]));
    for (const name of names) {
      const s = fake.sheet(name);
      expect(s.protection().protected).toBe(true);
      expect(s.cell("A1").style["font.name"]).toBe("Times New Roman");
      // Gridlines (1.8) and page layout (1.9) are beyond this Excel: left as they are.
      expect(s.showGridlines).toBe(true);
      expect(s.pageLayout().paperSize).toBe("Letter");
      expect(s.values().flat().join(" ")).toContain("ngày 27 tháng 11 năm 2026");
    }
    // The summary's charts, on the summary's sheet (ExcelApi 1.7 draws them).
    const summary = fake.sheet(names[1]);
    expect(summary.charts().map((c) => c.title)).toEqual(docs[1].charts.map((c) => c.title));
    expect(result.charts).toBe(docs[1].charts.length);
    expect(result.chartsSkipped).toBe(0);
    // Nothing else changed: the input as it was, the results still the tool's, the reports now too.
    expect(fake.sheet("Dữ liệu xã").values()).toEqual(input);
    expect(fake.createdWorkbooks).toEqual([]);
    expect(fake.sheetNames().at(-1)).toBe("NTM_META");
    const meta = await h.port.readMeta();
    expect(meta!.ownedSheets).toEqual(expect.arrayContaining(["KQ Tỉnh", "KQ Xã", ...names]));
    expect(fake.activeSheet).toBe(names[0]);

    // Exporting again replaces the tool's report sheets in place.
    const order = fake.sheetNames();
    await exportReports(h, { outcome, lang: "vi", date, departments: ["Sở Xây dựng"], summary: true });
    expect(fake.sheetNames()).toEqual(order);
    expect(fake.sheet(names[1]).charts()).toHaveLength(docs[1].charts.length);
  }, 60000);
});
