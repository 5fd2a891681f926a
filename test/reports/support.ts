/**
 * Helpers for the report tests: a hand-made report in document layout, temp folders, a fresh ExcelJS
 * read-back, the raw parts of a package, and the cells of a sheet as text.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildHaTinhSample } from "../../src/cli/sample/haTinhSample";
import { criterionKey } from "../../src/domain/levelPlan";
import type { Lang } from "../../src/i18n";
import { sheetName } from "../../src/workbook/layout";
import { recalculate } from "../../src/workbook/recalc";
import type { ReportDoc } from "../../src/workbook/reports/types";
import { buildTemplate } from "../../src/workbook/template";
import { writeSheets } from "../../src/workbook/writeSheets";
import { XlsxWorkbookPort } from "../../src/xlsx/xlsxPort";
import type { OutCell } from "../../src/workbook/sheetSpec";

export const HOSTILE = '=HYPERLINK("x")';
export const MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

export async function tempDir(prefix = "ntm-reports-"): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function loadFresh(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

export async function openFile(file: string): Promise<ExcelJS.Workbook> {
  return loadFresh(await fs.readFile(file));
}

/** Every part of the package as text (binary parts too, as latin1; we only search them). */
export async function packageParts(buf: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buf);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) parts.set(name, await zip.files[name].async("string"));
  }
  return parts;
}

/** The text of a cell as shown (rich text joined), "" for empty. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return String(v);
}

/** Non-empty cells of a sheet: row, column (1-based), text, and the raw value. */
export function cellsOf(
  ws: ExcelJS.Worksheet,
): { row: number; col: number; text: string; cell: ExcelJS.Cell }[] {
  const out: { row: number; col: number; text: string; cell: ExcelJS.Cell }[] = [];
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      // Merged cells other than the master repeat its value: skip them.
      if (cell.isMerged && cell.master !== cell) return;
      const text = cellText(cell);
      if (text !== "") out.push({ row: r, col: c, text, cell });
    }),
  );
  return out;
}

const FONT = { name: "Times New Roman", size: 13 };

/**
 * A department report in the layout of an administrative document: issuer left, motto right, the
 * date line, the title, a table with a header row repeated on every page, and a column chart.
 */
export function handMadeReport(overrides: Partial<ReportDoc> = {}, dataRows = 3): ReportDoc {
  const rows: OutCell[][] = [
    ["UBND TỈNH HÀ TĨNH", null, null, MOTTO, null, null],
    ["VĂN PHÒNG ĐIỀU PHỐI NTM", null, null, "Độc lập – Tự do – Hạnh phúc", null, null],
    [],
    [null, null, null, "Hà Tĩnh, ngày 27 tháng 11 năm 2026", null, null],
    [],
    ["BÁO CÁO CÁC XÃ CHƯA ĐẠT TIÊU CHÍ – SỞ GIAO THÔNG VẬN TẢI", null, null, null, null, null],
    [],
    ["STT", "Tiêu chí", "Xã", "Huyện", "Giá trị", "Ngưỡng"],
  ];
  for (let i = 0; i < dataRows; i++) {
    rows.push([i + 1, "2. Giao thông", i === 0 ? HOSTILE : `Xã Số ${i + 1}`, "Huyện Thử", 80 + i, 100]);
  }
  const last = rows.length;
  return {
    kind: "department",
    department: "Sở Giao thông vận tải",
    fileName: "BaoCao_So-Giao-thong-van-tai_2022.xlsx",
    title: "BÁO CÁO CÁC XÃ CHƯA ĐẠT TIÊU CHÍ – SỞ GIAO THÔNG VẬN TẢI",
    sheets: [
      {
        name: "Báo cáo",
        rows,
        columnWidths: [6, 24, 28, 20, 10, 10],
        font: FONT,
        showGridLines: false,
        protect: true,
        styles: [
          { range: "A1:C1", merge: true, bold: true, align: "center" },
          { range: "D1:F1", merge: true, bold: true, align: "center" },
          { range: "A2:C2", merge: true, bold: true, align: "center" },
          { range: "D2:F2", merge: true, bold: true, align: "center" },
          { range: "D4:F4", merge: true, italic: true, align: "center" },
          { range: "A6:F6", merge: true, bold: true, fontSize: 14, align: "center", wrap: true },
          { range: "A8:F8", bold: true, border: true, align: "center", wrap: true },
          { range: `A9:F${last}`, border: true, wrap: true },
        ],
        page: {
          landscape: true,
          repeatRows: [8, 8],
          margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
          footer: "Trang &P/&N",
        },
      },
    ],
    charts: [
      {
        sheet: "Báo cáo",
        kind: "column",
        title: "Giá trị",
        categories: `C9:C${last}`,
        series: [{ name: "Giá trị", values: `E9:E${last}` }],
        from: `H2`,
        to: `N16`,
      },
    ],
    stats: { criteria: 1, indicators: 1, unmetRows: dataRows },
    ...overrides,
  };
}

/** The Hà Tĩnh sample as a planner's file, with one unmet commune renamed to HOSTILE. */
export interface SampleWorkbook {
  file: string;
  /** Code of the commune now named HOSTILE. */
  hostileCode: string;
}

/**
 * Writes the embedded Hà Tĩnh 2022 sample to `dir`, after renaming, on its communes sheet, a commune
 * that fails a criterion led by a department to `=HYPERLINK("x")` — so it must appear in a report.
 */
export async function haTinhWorkbook(
  dir: string,
  lang: Lang = "vi",
  opts: { clean?: boolean } = {},
): Promise<SampleWorkbook> {
  const port = XlsxWorkbookPort.createEmpty();
  await writeSheets(port, buildTemplate(buildHaTinhSample({ year: 2022, lang })));
  if (opts.clean) {
    // The sample's deliberate data problems: each problem cell takes the value of the cell above it.
    const { issues } = await recalculate(port, { dryRun: true });
    for (const issue of issues) {
      if (issue.severity === "info" || !issue.sheet || !issue.cell) continue;
      const ws = port.workbook.getWorksheet(issue.sheet)!;
      const cell = ws.getCell(issue.cell);
      cell.value = ws.getCell(Number(cell.row) - 1, Number(cell.col)).value;
    }
  }
  const before = await recalculate(port, { dryRun: true });
  if (opts.clean && before.issues.some((i) => i.severity !== "info"))
    throw new Error(`the sample still has problems: ${JSON.stringify(before.issues)}`);
  const led = new Set(
    before.read.input.indicators.filter((d) => d.department).map((d) => criterionKey(d.criterion, d.tier)),
  );
  const victim = before.result.localities.find(
    (l) =>
      l.level === "commune" &&
      Object.entries(l.criteria).some(([key, c]) => c.outcome === "notMet" && led.has(key)),
  );
  if (!victim) throw new Error("the sample has no unmet commune");
  const ws = port.workbook.getWorksheet(sheetName("communes", lang))!;
  let renamed = 0;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === victim.name && renamed === 0) {
        cell.value = HOSTILE;
        renamed++;
      }
    }),
  );
  if (renamed !== 1) throw new Error(`commune "${victim.name}" not found on the communes sheet`);
  const file = path.join(dir, `NTM_HaTinh_2022_${lang}.xlsx`);
  await port.saveAs(file);
  return { file, hostileCode: victim.code };
}
