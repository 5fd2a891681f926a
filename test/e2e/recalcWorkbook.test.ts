/**
 * End to end on real files: template → fill → save .xlsx → `ntm-planner recalc` → open the result
 * with a fresh ExcelJS and check values, highlight rules, hidden marks, JSON, and that nothing the
 * planner typed changed.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { IndicatorDef } from "../../src/domain/types";
import { ind } from "../../src/domain/__fixtures__/smallProvince";
import { runRecalc } from "../../src/cli/recalcCommand";
import type { Console } from "../../src/cli/io";
import { buildTemplate, type TemplateOptions } from "../../src/workbook/template";
import { XlsxWorkbookPort } from "../../src/xlsx/xlsxPort";
import { writeSheets } from "../../src/workbook/writeSheets";

const INDICATORS: IndicatorDef[] = [
  ind({
    code: "1.1",
    criterion: "1",
    nameVi: "Quy hoạch được duyệt",
    kind: "boolean",
    comparator: "pass",
    unit: "",
  }),
  ind({
    code: "2.1",
    criterion: "2",
    nameVi: "Tỷ lệ đường xã cứng hóa",
    thresholds: [
      { region: "BTB", value: 100, confirmed: true },
      { region: "TDMNPB", value: 90, confirmed: true },
    ],
  }),
  ind({
    code: "11",
    criterion: "11",
    nameVi: "Tỷ lệ nghèo đa chiều",
    comparator: "<=",
    thresholds: [{ value: 3, confirmed: true }],
  }),
  ind({
    code: "H.1",
    criterion: "H1",
    nameVi: "Tỷ lệ xã đạt chuẩn",
    level: "district",
    dataCode: "@communeNtmShare",
    thresholds: [{ value: 100, confirmed: true }],
  }),
];

const HOSTILE = '=HYPERLINK("http://x","bấm")';

function options(): TemplateOptions {
  return {
    setId: "2021-2025",
    provinceCode: "42",
    provinceName: "Hà Tĩnh",
    year: 2022,
    lang: "vi",
    indicators: INDICATORS,
    criteria: [
      { code: "1", nameVi: "Quy hoạch", nameEn: "Planning", level: "commune", tier: "ntm", national: true },
      { code: "2", nameVi: "Giao thông", nameEn: "Transport", level: "commune", tier: "ntm", national: true },
      {
        code: "11",
        nameVi: "Nghèo đa chiều",
        nameEn: "Poverty",
        level: "commune",
        tier: "ntm",
        national: true,
      },
      {
        code: "H1",
        nameVi: "Xã đạt chuẩn",
        nameEn: "Communes",
        level: "district",
        tier: "ntm",
        national: true,
      },
    ],
    province: { code: "42", name: "Hà Tĩnh" },
    districts: [{ code: "436", name: "Huyện Thử", parent: "42", unitType: "Huyện" }],
    communes: [
      { code: "18001", name: "Xã Đạt", parent: "436", values: { "1.1": true, "2.1": 100, "11": 2.5 } },
      { code: "18002", name: "Xã Thiếu Đường", parent: "436", values: { "1.1": true, "2.1": 80, "11": 1 } },
      {
        code: "18003",
        name: HOSTILE,
        parent: "436",
        dbkk: true,
        values: { "1.1": false, "2.1": 92, "11": "chưa có số liệu" },
      },
    ],
    targets: [{ metric: "communeNtmShare", year: 2022, value: 1 }],
  };
}

const quiet = (): Console & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
};

async function tmp(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "ntm-e2e-"));
}

async function saveTemplate(file: string, extra?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const port = XlsxWorkbookPort.createEmpty();
  await writeSheets(port, buildTemplate(options()));
  extra?.(port.workbook);
  await port.saveAs(file);
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Row and column (1-based) of the first cell holding `text`. */
function findCell(ws: ExcelJS.Worksheet, text: string): { row: number; col: number; cell: ExcelJS.Cell } {
  let found: { row: number; col: number; cell: ExcelJS.Cell } | undefined;
  ws.eachRow((row, rowNumber) =>
    row.eachCell((cell, colNumber) => {
      if (!found && cell.value === text) found = { row: rowNumber, col: colNumber, cell };
    }),
  );
  if (!found) throw new Error(`"${text}" not found on ${ws.name}`);
  return found;
}

/** Formulas of every conditional-format rule on a sheet (ExcelJS's typings omit the collection). */
function conditionalFormulas(ws: ExcelJS.Worksheet): string[] {
  const cfs = (ws as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] })
    .conditionalFormattings;
  return cfs.flatMap((cf) => cf.rules.map((r) => r.formulae?.[0] ?? ""));
}

function valuesOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (out[n] = (row.values as unknown[]).slice(1)));
  return out;
}

describe("ntm-planner recalc on a real workbook", () => {
  let dir: string;
  let input: string;
  let output: string;
  let json: string;
  let code: number;

  beforeAll(async () => {
    dir = await tmp();
    input = path.join(dir, "Ha Tinh.xlsx");
    output = path.join(dir, "ket qua.xlsx");
    json = path.join(dir, "ket qua.json");
    await saveTemplate(input);
    ({ code } = await runRecalc({ input, output, json, lang: "vi" }, quiet()));
  });

  it("exits with 1: results written, with an input problem to fix (text in the poverty column)", () => {
    expect(code).toBe(1);
  });

  it("lists that problem on the issues sheet, naming the sheet and cell in Vietnamese", async () => {
    const ws = (await open(output)).getWorksheet("KQ Cảnh báo")!;
    const data = (await open(input)).getWorksheet("Dữ liệu xã")!;
    const header = data.getRow(findCell(data, "Mã xã").row).values as unknown[];
    const col11 = header.findIndex((v) => typeof v === "string" && v.startsWith("11"));
    const address = data.getCell(findCell(data, "18003").row, col11).address;
    const row = ws.getRow(findCell(ws, address).row).values as unknown[];
    expect(row).toContain("Dữ liệu xã");
    expect(row.some((v) => typeof v === "string" && v.includes("chưa có số liệu"))).toBe(true);
  });

  it("writes the commune grid with each criterion's result and the status", async () => {
    const ws = (await open(output)).getWorksheet("KQ Xã")!;
    const row = ws.getRow(findCell(ws, "18002").row);
    const header = ws.getRow(findCell(ws, "Mã xã").row);
    const col = (label: string) => (header.values as unknown[]).findIndex((v) => v === label);
    expect(row.getCell(col("TC 2")).value).toBe("Chưa đạt");
    expect(row.getCell(col("TC 1")).value).toBe("Đạt");
    expect(row.getCell(col("Trạng thái")).value).toBe("Chưa đạt chuẩn");
    const ok = ws.getRow(findCell(ws, "18001").row);
    expect(ok.getCell(col("Trạng thái")).value).toBe("Đạt chuẩn NTM");
  });

  it("keeps a commune name that looks like a formula as text", async () => {
    const ws = (await open(output)).getWorksheet("KQ Xã")!;
    const { cell } = findCell(ws, HOSTILE);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });

  it("leaves every cell the planner typed unchanged", async () => {
    const before = await open(input);
    const after = await open(output);
    for (const name of ["Thiết lập", "Chỉ tiêu", "Dữ liệu xã", "Dữ liệu huyện", "Nguồn vốn", "Mục tiêu"]) {
      expect(valuesOf(after.getWorksheet(name)!)).toEqual(valuesOf(before.getWorksheet(name)!));
    }
  });

  it("highlights the failing input cell through conditional formats over a hidden marks sheet", async () => {
    const wb = await open(output);
    const data = wb.getWorksheet("Dữ liệu xã")!;
    const formulas = conditionalFormulas(data);
    expect(formulas.filter((f) => f.includes("INDEX(NTM_DD_1,ROW(),COLUMN())"))).toHaveLength(3);
    expect(wb.definedNames.model).toContainEqual(expect.objectContaining({ name: "NTM_DD_1" }));
    const marks = wb.getWorksheet("KQ_DD_1")!;
    expect(marks.state).toBe("hidden");
    // The 2.1 cell of commune 18002 is marked "not met" (1) at the same address.
    const header = data.getRow(findCell(data, "Mã xã").row);
    const col21 = (header.values as unknown[]).findIndex((v) => typeof v === "string" && v.startsWith("2.1"));
    const rowC2 = findCell(data, "18002").row;
    expect(marks.getCell(rowC2, col21).value).toBe(1);
    expect(data.getCell(rowC2, col21).value).toBe(0.8); // typed 80%, still there
  });

  it("writes the JSON contract with values, thresholds, gaps and issues naming the cell", async () => {
    const results = JSON.parse(await fs.readFile(json, "utf8"));
    expect(results.schemaVersion).toBe(1);
    const c2 = results.localities.find((l: { code: string }) => l.code === "18002");
    expect(c2.indicators["2.1"]).toMatchObject({ outcome: "notMet", value: 80, threshold: 100, gap: 20 });
    expect(c2).toMatchObject({ criteriaMet: 2, criteriaTotal: 3, status: "none", unmet: ["2"] });
    const c3 = results.localities.find((l: { code: string }) => l.code === "18003");
    expect(c3.indicators["2.1"]).toMatchObject({ outcome: "met", threshold: 90 }); // ĐBKK → TDMNPB
    expect(c3.indicators["11"].outcome).toBe("invalid");
    expect(results.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", sheet: "Dữ liệu xã" }),
    );
    const district = results.rollups.find((r: { code: string }) => r.code === "436");
    expect(district).toMatchObject({ communes: 3, ntm: 1, status: "none" });
    expect(results.targets[0]).toMatchObject({ metric: "communeNtmShare", status: "behind" });
  });

  it("replaces only its own sheets and rules when run again", async () => {
    const again = path.join(dir, "lan 2.xlsx");
    await runRecalc({ input: output, output: again, lang: "vi" }, quiet());
    const first = await open(output);
    const second = await open(again);
    expect(second.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));
    const rulesOn = (wb: ExcelJS.Workbook) => conditionalFormulas(wb.getWorksheet("Dữ liệu xã")!).length;
    expect(rulesOn(second)).toBe(rulesOn(first));
    expect(valuesOf(second.getWorksheet("KQ Xã")!)).toEqual(valuesOf(first.getWorksheet("KQ Xã")!));
  });
});

describe("ntm-planner recalc: the planner's own sheets come first", () => {
  it("never overwrites a user sheet that happens to be called 'KQ Xã'", async () => {
    const dir = await tmp();
    const input = path.join(dir, "in.xlsx");
    const output = path.join(dir, "out.xlsx");
    await saveTemplate(input, (wb) => wb.addWorksheet("KQ Xã").addRow(["ghi chú của tôi"]));
    const con = quiet();
    await runRecalc({ input, output, lang: "vi" }, con);
    const wb = await open(output);
    expect(wb.getWorksheet("KQ Xã")!.getCell("A1").value).toBe("ghi chú của tôi");
    expect(wb.getWorksheet("KQ Xã (2)")).toBeDefined();
    expect(con.lines.join("\n")).toMatch(/KQ Xã \(2\)/);
  });

  it("exits with 2 on a file that is not a workbook", async () => {
    const dir = await tmp();
    const bad = path.join(dir, "khong-phai.xlsx");
    await fs.writeFile(bad, "not a zip");
    const con = quiet();
    expect((await runRecalc({ input: bad, lang: "vi" }, con)).code).toBe(2);
    expect(con.lines.join("\n")).toMatch(/Không mở được tệp/);
  });

  it("exits with 2 when the workbook has no criteria or localities", async () => {
    const dir = await tmp();
    const empty = path.join(dir, "trong.xlsx");
    const port = XlsxWorkbookPort.createEmpty();
    port.workbook.addWorksheet("Sheet1").addRow(["xin chào"]);
    await port.saveAs(empty);
    expect((await runRecalc({ input: empty, lang: "en" }, quiet())).code).toBe(2);
  });
});
