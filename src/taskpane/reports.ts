/**
 * Xuất báo cáo / Export reports, from the pane, over a Host: the department reports and the province
 * summary of one recalculation's outcome (src/workbook/reports), each
 *
 *  - opened as a NEW workbook where Excel can (`host.supports("createWorkbook")`, ExcelApi 1.8): the
 *    report as .xlsx bytes (src/xlsx/reportFile.ts), base64, `host.createWorkbook`. The planner's
 *    workbook does not change at all;
 *  - otherwise written into the open workbook as the tool's own sheets, named "BC …" (a user's sheet
 *    of that name is never replaced: the report goes to "BC … (2)"), through the port's write with the
 *    same plan checks as the result sheets, then given native charts (`host.addCharts`). Only those
 *    sheets and the tool's list of its own sheets (NTM_META) change.
 *
 * Where the host can save a file (Excel on the web, `supports("download")`), `downloadReportsZip`
 * builds one zip of every chosen report.
 *
 * The builders, ExcelJS and JSZip are loaded on first use with import(), so they sit in chunks of
 * their own and never in the pane's initial scripts. Errors propagate (the store shows them through
 * the ErrorBar); nothing is swallowed.
 */
import { applicableIndicators } from "../domain/levelPlan";
import { foldText, slugify } from "../domain/text";
import type { Lang } from "../i18n";
import { chooseOutputNames, ownedAfterWrite, sheetKey } from "../workbook/render/outputNames";
import type { WritePlan } from "../workbook/port";
import { recalculate, type RecalcOutcome } from "../workbook/recalc";
import type { ChartSpec, ReportDate, ReportDoc, ReportOptions } from "../workbook/reports/types";
import type { Host } from "./host";

/** A department the criteria sheet names, as the report builder groups them. */
export interface ReportDepartment {
  /** As first written in the criteria sheet. */
  name: string;
  /** Indicators (that apply in the evaluation year) the department leads. */
  indicators: number;
}

/**
 * The departments that get a report, in order of first appearance in the criteria sheet: indicators
 * that apply in the evaluation year (the first definition of a code), grouped by their department's
 * name compared without case or diacritics — as buildReports groups them.
 */
export function reportDepartments(outcome: RecalcOutcome): ReportDepartment[] {
  const seenCodes = new Set<string>();
  const byKey = new Map<string, ReportDepartment>();
  for (const def of applicableIndicators(outcome.read.input.indicators, outcome.result.options.year)) {
    if (seenCodes.has(def.code)) continue;
    seenCodes.add(def.code);
    const name = def.department?.trim();
    if (!name) continue;
    const key = foldText(name);
    const entry = byKey.get(key);
    if (entry) entry.indicators++;
    else byKey.set(key, { name, indicators: 1 });
  }
  return [...byKey.values()];
}

/** Reads and evaluates the workbook (with its saved mapping) without writing anything to it. */
export async function dryRecalculation(host: Host): Promise<RecalcOutcome> {
  const mapping = await host.loadMapping();
  return recalculate(host.port, { mapping: mapping ?? undefined, dryRun: true });
}

/** What the planner asked for. */
export interface ReportRequest {
  outcome: RecalcOutcome;
  lang: Lang;
  date: ReportDate;
  /** Departments by name (matched without case or diacritics). */
  departments: readonly string[];
  summary: boolean;
}

/** Where an export stands: report `current` of `total` is being made (1-based); 0 while preparing. */
export interface ExportProgress {
  current: number;
  total: number;
  /** The department, or the summary's title. */
  name: string;
}

export interface ExportedReport {
  title: string;
  fileName: string;
  /** The sheets written into the open workbook ("sheets"); the report's own sheets otherwise. */
  sheets: string[];
}

export interface ExportResult {
  /** New workbooks, sheets in the open workbook, or one zip downloaded. */
  mode: "workbooks" | "sheets" | "zip";
  reports: ExportedReport[];
  /** Native charts added to the open workbook ("sheets"). */
  charts: number;
  /** Charts the host could not add ("sheets" without addCharts or below ExcelApi 1.7). */
  chartsSkipped: number;
  /** "sheets": names that belonged to the planner, and where the report went instead. */
  renamed: { name: string; used: string }[];
  /** "zip": the file's name. */
  zipName?: string;
}

/** The heavy parts of an export, loaded on demand (tests may pass their own). */
export interface ReportLibraries {
  buildReports(outcome: RecalcOutcome, opts: ReportOptions): Promise<ReportDoc[]>;
  /** The report as the bytes of an .xlsx file. */
  reportToXlsx(doc: ReportDoc, lang: Lang): Promise<Uint8Array>;
  /** One zip (stored, not deflated again) of the named files. */
  zip(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Uint8Array>;
}

/** The real libraries, each in its own chunk, loaded the first time an export needs it. */
export const LAZY_LIBRARIES: ReportLibraries = {
  async buildReports(outcome, opts) {
    const { buildReports } = await loadReportBuilder();
    return buildReports(outcome, opts);
  },
  async reportToXlsx(doc, lang) {
    const { reportToXlsx } = await import(/* webpackChunkName: "report-xlsx" */ "../xlsx/reportFile");
    return reportToXlsx(doc, { lang });
  },
  async zip(files) {
    const { default: JSZip } = await import(/* webpackChunkName: "report-zip" */ "jszip");
    const zip = new JSZip();
    for (const f of files) zip.file(f.name, f.bytes, { compression: "STORE" });
    return zip.generateAsync({ type: "uint8array", compression: "STORE" });
  },
};

let builder: Promise<typeof import("../workbook/reports/buildReports")> | null = null;

/** Loads the report builders (their own chunk) once; later exports reuse them. */
function loadReportBuilder(): Promise<typeof import("../workbook/reports/buildReports")> {
  builder ??= import(/* webpackChunkName: "report-build" */ "../workbook/reports/buildReports").catch(
    (err: unknown) => {
      builder = null; // a failed chunk load may succeed next time
      throw err;
    },
  );
  return builder;
}

/** The docs the planner asked for, in the builder's order (departments, then the summary). */
async function buildDocs(req: ReportRequest, libs: ReportLibraries): Promise<ReportDoc[]> {
  if (req.departments.length === 0 && !req.summary) return [];
  return libs.buildReports(req.outcome, {
    lang: req.lang,
    date: req.date,
    departments: req.departments,
    summary: req.summary,
  });
}

const progressName = (doc: ReportDoc): string => doc.department ?? doc.title;

/** Bytes as base64 (what Excel.createWorkbook takes), in chunks: no call gets too many arguments. */
export function toBase64(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const CHUNK = 0x8000;
  let binary = "";
  for (let i = 0; i < view.length; i += CHUNK) {
    binary += String.fromCharCode(...view.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Whether `exportReports` opens new workbooks on this host (else it writes sheets). */
export function opensWorkbooks(host: Host): boolean {
  return host.supports("createWorkbook") && typeof host.createWorkbook === "function";
}

/** Whether the pane can offer the zip of every report. */
export function canDownload(host: Host): boolean {
  return host.supports("download") && typeof host.downloadFile === "function";
}

/**
 * Makes the reports `req` asks for: new workbooks where the host can open them, else sheets in the
 * open workbook (see the module comment). `onProgress` hears of each report before it is made.
 */
export async function exportReports(
  host: Host,
  req: ReportRequest,
  onProgress: (p: ExportProgress) => void = () => undefined,
  libs: ReportLibraries = LAZY_LIBRARIES,
): Promise<ExportResult> {
  onProgress({ current: 0, total: 0, name: "" });
  const docs = await buildDocs(req, libs);
  if (opensWorkbooks(host)) {
    const create = host.createWorkbook!.bind(host);
    const reports: ExportedReport[] = [];
    for (const [i, doc] of docs.entries()) {
      onProgress({ current: i + 1, total: docs.length, name: progressName(doc) });
      const bytes = await libs.reportToXlsx(doc, req.lang);
      await create(toBase64(bytes));
      reports.push({ title: doc.title, fileName: doc.fileName, sheets: doc.sheets.map((s) => s.name) });
    }
    return { mode: "workbooks", reports, charts: 0, chartsSkipped: 0, renamed: [] };
  }
  return insertReportSheets(host, docs, onProgress);
}

/** "Giao thông" → "BC Giao thông"; a name that already starts with "BC " stays. */
export function reportSheetName(name: string): string {
  return /^BC /i.test(name) ? name : `BC ${name}`;
}

/**
 * Writes every doc's sheets into the open workbook as the tool's own sheets, one write per report,
 * and adds their charts. Names are chosen once for all reports, so a report never takes a user's
 * sheet nor another report's.
 */
async function insertReportSheets(
  host: Host,
  docs: readonly ReportDoc[],
  onProgress: (p: ExportProgress) => void,
): Promise<ExportResult> {
  const [existing, meta] = await Promise.all([host.port.sheetNames(), host.port.readMeta()]);
  const desired = docs.flatMap((d) => d.sheets.map((s) => reportSheetName(s.name)));
  const chosen = chooseOutputNames(desired, existing, meta);
  const renamed = chosen.issues.map((i) => ({ name: String(i.params?.name), used: String(i.params?.used) }));
  const written: string[] = [];
  const reports: ExportedReport[] = [];
  let charts = 0;
  let chartsSkipped = 0;
  let next = 0;
  for (const [i, doc] of docs.entries()) {
    onProgress({ current: i + 1, total: docs.length, name: progressName(doc) });
    const names = new Map<string, string>();
    const sheets = doc.sheets.map((spec) => {
      const name = chosen.names[next++];
      names.set(sheetKey(spec.name), name);
      return { ...spec, name };
    });
    written.push(...sheets.map((s) => s.name));
    const plan: WritePlan = {
      sheets,
      meta: { version: 1, ownedSheets: ownedAfterWrite(written, existing, meta) },
    };
    await host.port.write(plan);
    const docCharts: ChartSpec[] = doc.charts.map((c) => ({
      ...c,
      sheet: names.get(sheetKey(c.sheet)) ?? c.sheet,
    }));
    if (docCharts.length > 0) {
      const added = host.addCharts ? await host.addCharts(docCharts) : 0;
      charts += added;
      chartsSkipped += docCharts.length - added;
    }
    reports.push({ title: doc.title, fileName: doc.fileName, sheets: sheets.map((s) => s.name) });
  }
  if (written.length > 0) await host.selectCell(written[0], "A1");
  return { mode: "sheets", reports, charts, chartsSkipped, renamed };
}

/** "BaoCao_NTM_Ha-Tinh_2026-11-27.zip" (the province from the settings; the date asked for). */
export function zipName(req: ReportRequest): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const province = slugify(req.outcome.settings.province);
  const date = `${req.date.year}-${pad(req.date.month)}-${pad(req.date.day)}`;
  return `BaoCao_NTM_${province ? `${province}_` : ""}${date}.zip`;
}

/** Builds every chosen report as .xlsx, zips them and hands the zip to the browser to save. */
export async function downloadReportsZip(
  host: Host,
  req: ReportRequest,
  onProgress: (p: ExportProgress) => void = () => undefined,
  libs: ReportLibraries = LAZY_LIBRARIES,
): Promise<ExportResult> {
  if (!host.downloadFile) throw new Error("This host cannot save files");
  onProgress({ current: 0, total: 0, name: "" });
  const docs = await buildDocs(req, libs);
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const [i, doc] of docs.entries()) {
    onProgress({ current: i + 1, total: docs.length, name: progressName(doc) });
    files.push({ name: doc.fileName, bytes: await libs.reportToXlsx(doc, req.lang) });
  }
  const name = zipName(req);
  host.downloadFile(name, await libs.zip(files), "application/zip");
  return {
    mode: "zip",
    reports: docs.map((d) => ({ title: d.title, fileName: d.fileName, sheets: d.sheets.map((s) => s.name) })),
    charts: 0,
    chartsSkipped: 0,
    renamed: [],
    zipName: name,
  };
}
