/**
 * Report documents (src/workbook/reports) as .xlsx files for the command line.
 *
 * Each report is a NEW workbook holding only the report's sheets: no NTM_META, no defined names, no
 * hidden sheets, no tool marker in any part — a department receives a clean document. The sheets
 * are written by applySheetSpec (document font, A4 print setup, margins, footer, no gridlines,
 * protection), then the report's native charts are added to the saved package by addCharts
 * (charts.ts): ExcelJS 4.4 cannot write charts.
 *
 * writeReports() saves one file per report under its ReportDoc.fileName, and optionally one zip of
 * all of them (`BaoCao_<year>.zip`). Every file is written next to its target and renamed, so a
 * failed run never leaves half a workbook behind.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import "./exceljsPatches";
import type { Lang } from "../i18n";
import type { ReportDoc } from "../workbook/reports/types";
import { sameSheetName, sheetNameProblem } from "../workbook/planChecks";
import { parseRangeAddress } from "../workbook/a1";
import { applySheetSpec } from "./applySheetSpec";
import { addCharts } from "./charts";
import { HelperLists } from "../workbook/formats/validationLists";
import { checkSpecRanges } from "./xlsxPort";

/** Checks a report before anything is written: sheet names, ranges, charts, file name. */
export function checkReport(doc: ReportDoc): void {
  const fileProblem = reportFileNameProblem(doc.fileName);
  if (fileProblem) throw new Error(`Report "${doc.title}": file name "${doc.fileName}" ${fileProblem}`);
  if (doc.sheets.length === 0) throw new Error(`Report "${doc.fileName}" has no sheet`);
  const seen: string[] = [];
  for (const spec of doc.sheets) {
    const problem = sheetNameProblem(spec.name);
    if (problem) throw new Error(`Report "${doc.fileName}": sheet name "${spec.name}" ${problem}`);
    if (seen.some((s) => sameSheetName(s, spec.name)))
      throw new Error(`Report "${doc.fileName}" has two sheets named "${spec.name}"`);
    seen.push(spec.name);
    checkSpecRanges(spec);
  }
  for (const chart of doc.charts) {
    if (!seen.some((s) => sameSheetName(s, chart.sheet)))
      throw new Error(
        `Report "${doc.fileName}": chart "${chart.title}" is on a missing sheet "${chart.sheet}"`,
      );
    for (const ref of [chart.categories, chart.from, chart.to, ...chart.series.map((s) => s.values)])
      if (!parseRangeAddress(ref))
        throw new Error(`Report "${doc.fileName}": chart "${chart.title}" has a bad range "${ref}"`);
  }
}

/** Why `name` cannot be a report's file name in the output folder, or null. */
export function reportFileNameProblem(name: string): string | null {
  if (!/\.xlsx$/i.test(name)) return "must end with .xlsx";
  if (name !== path.basename(name) || /[\\/]/.test(name)) return "must not contain a folder";
  if (name.startsWith(".")) return "must not start with a dot";
  // Windows forbids these in file names; control characters too.
  if (/[<>:"|?*\u0000-\u001f]/.test(name)) return "contains a character Windows forbids";
  return null;
}

export interface ReportFileOptions {
  /** Language of the charts' own text (c:lang); default Vietnamese. */
  lang?: Lang;
}

/** One report as the bytes of a new .xlsx workbook (charts included). */
export async function reportToXlsx(doc: ReportDoc, opts: ReportFileOptions = {}): Promise<Buffer> {
  checkReport(doc);
  const wb = new ExcelJS.Workbook();
  // Document properties say what the file is, not which program made it.
  wb.title = doc.title;
  wb.creator = "";
  wb.lastModifiedBy = "";
  const font = doc.sheets.find((spec) => spec.font)?.font;
  if (font) setWorkbookFont(wb, font);
  const helpers = new HelperLists();
  for (const spec of doc.sheets) {
    const ws = wb.addWorksheet(spec.name);
    applySheetSpec(wb, ws, spec, helpers);
    shareStyles(ws);
  }
  // Long validation lists would need the tool's hidden meta sheet, which a report never has.
  if (helpers.lists.length > 0)
    throw new Error(`Report "${doc.fileName}": a list validation is too long to write inline`);
  // Deflate level 3 instead of JSZip's 6, as XlsxWorkbookPort.toBuffer: faster, a little larger.
  const out = await wb.xlsx.writeBuffer({
    zip: { compression: "DEFLATE", compressionOptions: { level: 3 } },
  });
  const xlsx = Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
  if (doc.charts.length === 0) return xlsx;
  return addCharts(xlsx, doc.charts, { lang: opts.lang === "en" ? "en-US" : "vi-VN" });
}

/**
 * Gives cells whose styles are made of the same objects (applySheetSpec shares them between cells
 * styled alike) one shared style object. ExcelJS dedupes styles on save by style object first, and
 * by serialising each one otherwise: about half the time of writing a large report. Only for a
 * workbook saved right after: a shared style must never be changed through one of its cells.
 */
function shareStyles(ws: ExcelJS.Worksheet): void {
  const ids = new Map<unknown, number>();
  const id = (part: unknown): number => {
    if (part === undefined) return 0;
    let n = ids.get(part);
    if (n === undefined) ids.set(part, (n = ids.size + 1));
    return n;
  };
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  ws.eachRow((row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const s = cell.style;
      const key = `${id(s.numFmt)},${id(s.font)},${id(s.alignment)},${id(s.border)},${id(s.fill)},${id(s.protection)},${Object.keys(s).length}`;
      const style = shared.get(key);
      if (style) cell.style = style;
      else shared.set(key, s);
    }),
  );
}

/**
 * Makes `font` the workbook's default font (font 0, the "Normal" style). Excel measures column widths
 * in digits of this font and sizes empty rows by it, so a Times New Roman document whose default font
 * stayed Calibri would get other widths in every reader that lacks Calibri (LibreOffice substitutes
 * a wider face) than in Excel. exceljsPatches.ts writes the font kept under this key as font 0.
 */
function setWorkbookFont(wb: ExcelJS.Workbook, font: { name: string; size: number }): void {
  // TODO(exceljsPatches owner): export a setDefaultFont(wb, font) beside defaultFont() and use it here.
  const key = Symbol.for("ntm-planner.default-font");
  (wb as unknown as Record<symbol, unknown>)[key] = {
    name: font.name,
    size: font.size,
    color: { theme: 1 },
    // OOXML font families: 1 roman (serif), 2 swiss (sans serif).
    family: /times|serif/i.test(font.name) ? 1 : 2,
  };
}

export interface WriteReportsOptions extends ReportFileOptions {
  /** Also write one zip of every report, `BaoCao_<year>.zip`. */
  zip?: boolean;
  /** Year in the zip's name; default: the year the reports' file names end with. */
  year?: number;
}

/** The zip's name: BaoCao_2022.zip (the year given, or the one every file name ends with), else BaoCao.zip. */
export function zipFileName(docs: readonly ReportDoc[], year?: number): string {
  if (year !== undefined) return `BaoCao_${year}.zip`;
  const years = new Set(docs.map((d) => /_(\d{4})\.xlsx$/i.exec(d.fileName)?.[1] ?? ""));
  const [only] = years;
  return years.size === 1 && only ? `BaoCao_${only}.zip` : "BaoCao.zip";
}

/**
 * Writes each report to `outDir` (created when missing) under its file name, then, with `zip`, the
 * zip of them all. Returns the paths written, in that order (the zip last). Two reports may not share
 * a file name (compared as Windows and macOS do, ignoring case).
 */
export async function writeReports(
  docs: readonly ReportDoc[],
  outDir: string,
  opts: WriteReportsOptions = {},
): Promise<string[]> {
  const names = new Set<string>();
  for (const doc of docs) {
    checkReport(doc);
    const key = doc.fileName.normalize("NFC").toLowerCase();
    if (names.has(key)) throw new Error(`Two reports share the file name "${doc.fileName}"`);
    names.add(key);
  }
  await fs.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const zip = opts.zip ? new JSZip() : null;
  for (const doc of docs) {
    const buf = await reportToXlsx(doc, opts);
    const file = path.join(outDir, doc.fileName);
    await writeAtomically(file, buf);
    written.push(file);
    // .xlsx files are zips already: stored, not deflated again.
    zip?.file(doc.fileName, buf, { compression: "STORE" });
  }
  if (zip) {
    const file = path.join(outDir, zipFileName(docs, opts.year));
    await writeAtomically(file, await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }));
    written.push(file);
  }
  return written;
}

async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.writeFile(tmp, data);
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
