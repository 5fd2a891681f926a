/**
 * Every report of a recalculation: one per department named in the criteria sheet (or those asked
 * for), then the province summary. Pure and deterministic: the date comes from the options, the
 * results are indexed once (reportData.ts), and each report is built from that index.
 */
import { foldText } from "../../domain/text";
import { t } from "../../i18n";
import type { RecalcOutcome } from "../recalc";
import { buildDepartmentReport } from "./departmentReport";
import { checkDate, type DocumentSettings } from "./documentLayout";
import {
  departmentFileName,
  safeSheetName,
  summaryFileName,
  uniqueFileNames,
  uniqueSheetNames,
} from "./fileNames";
import { buildReportData } from "./reportData";
import { buildSummaryReport } from "./summaryReport";
import type { ReportDoc, ReportOptions } from "./types";

export function buildReports(outcome: RecalcOutcome, opts: ReportOptions): ReportDoc[] {
  checkDate(opts.date);
  const { lang } = opts;
  const data = buildReportData(outcome, lang);
  const s = outcome.read.settings;
  const doc: DocumentSettings = {
    lang,
    date: opts.date,
    provinceName: data.provinceName,
    ...(s.issuer !== undefined ? { issuer: s.issuer } : {}),
    ...(s.signerTitle !== undefined ? { signerTitle: s.signerTitle } : {}),
    ...(s.signer !== undefined ? { signer: s.signer } : {}),
    ...(s.recipients !== undefined ? { recipients: s.recipients } : {}),
  };
  const wanted = opts.departments ? new Set(opts.departments.map(foldText)) : undefined;
  const departments = data.departments.filter((d) => !wanted || wanted.has(d.key));
  const withSummary = opts.summary ?? true;

  const files = uniqueFileNames();
  const sheets = uniqueSheetNames();
  // The summary's names first: a department called "Tổng hợp" gets the "_2".
  const summaryFile = withSummary ? files.take(summaryFileName(lang, data.year)) : "";
  const summarySheet = withSummary ? sheets.take(t(lang, "reports.summary.sheet")) : "";

  const docs: ReportDoc[] = departments.map((dept) => {
    const sheetName = sheets.take(safeSheetName(dept.name, t(lang, "reports.department.sheet")));
    const report = buildDepartmentReport(data, dept, doc, sheetName);
    return {
      kind: "department",
      department: dept.name,
      fileName: files.take(departmentFileName(lang, dept.name, data.year)),
      title: report.title,
      sheets: [report.sheet],
      charts: [],
      stats: {
        criteria: dept.criteria.length,
        indicators: dept.indicators.length,
        unmetRows: report.unmetRows,
      },
    };
  });
  if (withSummary) {
    const report = buildSummaryReport(data, doc, summarySheet);
    docs.push({
      kind: "summary",
      fileName: summaryFile,
      title: report.title,
      sheets: [report.sheet],
      charts: report.charts,
      // The summary lists no locality rows; its counts are the evaluated set's.
      stats: {
        criteria: data.criteria.length,
        indicators: data.criteria.reduce((n, c) => n + c.indicators.length, 0),
        unmetRows: 0,
      },
    });
  }
  return docs;
}
