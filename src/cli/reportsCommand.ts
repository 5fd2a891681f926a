/**
 * `ntm-planner reports <in.xlsx> --out <dir> [--dept <name>]... [--no-summary] [--zip] [--pdf]
 * [--date YYYY-MM-DD] [--lang vi|en] [--mapping file.json]`
 *
 * Reads and evaluates the workbook exactly as `recalc` does (same port, same reader, same mapping),
 * without writing anything to it — the input file is only read — then writes one .xlsx per
 * department report and the province summary (src/workbook/reports, src/xlsx/reportFile.ts),
 * optionally a zip of them and PDFs through LibreOffice.
 *
 * Exit codes as `recalc`: 0 reports written, 1 written but the input has problems (listed on stderr)
 * or a PDF could not be made, 2 unusable input or bad options (unknown department, bad date, a
 * folder that cannot be written): options and input are checked before any file is written.
 */
import { applicableIndicators } from "../domain/levelPlan";
import { foldText } from "../domain/text";
import { t, type Lang } from "../i18n";
import { recalculate, type RecalcOutcome } from "../workbook/recalc";
import { buildReports } from "../workbook/reports/buildReports";
import type { ReportDate, ReportDoc } from "../workbook/reports/types";
import { openInput } from "./recalcCommand";
import { writeReports } from "../xlsx/reportFile";
import { exitCodeFor, printIssues, type Console } from "./io";
import { convertToPdf, findSoffice } from "./pdf";

export interface ReportsCommandOptions {
  input: string;
  outDir: string;
  /** Department names as the user typed them (matched without case and diacritics); default all. */
  departments?: readonly string[];
  /** Default true. */
  summary?: boolean;
  zip?: boolean;
  pdf?: boolean;
  /** YYYY-MM-DD printed on the date line; default today. */
  date?: string;
  mapping?: string;
  lang: Lang;
  /** Today's date (tests). */
  today?: () => Date;
  /** The soffice executable, or null for "not installed" (tests); default: looked up on the PATH. */
  soffice?: string | null;
}

export interface ReportsCommandResult {
  code: 0 | 1 | 2;
  /** Every file written: reports, then the zip, then the PDFs. */
  written: string[];
  docs?: ReportDoc[];
  outcome?: RecalcOutcome;
}

/** "2026-11-27" → { day: 27, month: 11, year: 2026 }, or null when it is not a calendar date. */
export function parseReportDate(text: string): ReportDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { day, month, year };
}

function todayOf(now: Date): ReportDate {
  return { day: now.getDate(), month: now.getMonth() + 1, year: now.getFullYear() };
}

/**
 * The lead departments named in the criteria sheet for indicators that apply in the evaluation year,
 * in order of first appearance: the departments that get a report.
 */
export function departmentsOf(outcome: RecalcOutcome): string[] {
  const seen = new Map<string, string>();
  const codes = new Set<string>();
  for (const ind of applicableIndicators(outcome.read.input.indicators, outcome.result.options.year)) {
    // The engine evaluates the first definition of a code; so do the reports.
    if (codes.has(ind.code)) continue;
    codes.add(ind.code);
    const name = ind.department?.trim();
    if (name && !seen.has(foldText(name))) seen.set(foldText(name), name);
  }
  return [...seen.values()];
}

/**
 * The workbook's department names for the names the user asked for (without case, diacritics or
 * punctuation: "so giao thong van tai" finds "Sở Giao thông vận tải"), and the names that match none.
 */
export function matchDepartments(
  wanted: readonly string[],
  available: readonly string[],
): { matched: string[]; unknown: string[] } {
  const byFold = new Map(available.map((name) => [foldText(name), name]));
  const matched: string[] = [];
  const unknown: string[] = [];
  for (const w of wanted) {
    const name = byFold.get(foldText(w));
    if (name === undefined) unknown.push(w);
    else if (!matched.includes(name)) matched.push(name);
  }
  return { matched, unknown };
}

export async function runReports(opts: ReportsCommandOptions, con: Console): Promise<ReportsCommandResult> {
  const { lang } = opts;
  const fail = (outcome?: RecalcOutcome): ReportsCommandResult => ({ code: 2, written: [], outcome });

  let date: ReportDate;
  if (opts.date !== undefined) {
    const parsed = parseReportDate(opts.date);
    if (!parsed) {
      con.err(t(lang, "cli.error.badDate", { value: opts.date }));
      return fail();
    }
    date = parsed;
  } else {
    date = todayOf((opts.today ?? (() => new Date()))());
  }

  // Read as `recalc` does (the patching port), but never save: the input file is only read.
  const opened = await openInput(opts, con);
  if (!opened) return fail();
  const { port, mapping } = opened;

  const outcome = await recalculate(port, {
    mapping,
    lang,
    dryRun: true,
    onProgress: (step) => con.err(t(lang, `cli.step.${step}`)),
  });
  printIssues(con, lang, outcome.issues);
  if (!outcome.usable) {
    con.err(t(lang, "cli.error.unusable"));
    return fail(outcome);
  }

  const available = departmentsOf(outcome);
  let departments: string[] | undefined;
  if (opts.departments && opts.departments.length > 0) {
    const { matched, unknown } = matchDepartments(opts.departments, available);
    if (unknown.length > 0) {
      for (const name of unknown) con.err(t(lang, "cli.reports.unknownDept", { name }));
      if (available.length === 0) con.err(t(lang, "cli.reports.noDepts"));
      else {
        con.err(t(lang, "cli.reports.deptList"));
        for (const name of available) con.err(`  - ${name}`);
      }
      return fail(outcome);
    }
    departments = matched;
  }

  con.err(t(lang, "cli.step.reports"));
  const docs = buildReports(outcome, {
    lang,
    date,
    ...(departments ? { departments } : {}),
    summary: opts.summary ?? true,
  });
  if (docs.length === 0) {
    con.err(t(lang, "cli.reports.none"));
    return fail(outcome);
  }

  let written: string[];
  try {
    written = await writeReports(docs, opts.outDir, {
      zip: opts.zip,
      year: outcome.result.options.year,
      lang,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // A folder that cannot be written is the user's to fix; anything else is a bug.
    if (typeof err.code !== "string") throw e;
    con.err(t(lang, "cli.error.write", { dir: opts.outDir, reason: err.message }));
    return fail(outcome);
  }
  const xlsxFiles = written.slice(0, docs.length);
  for (const file of xlsxFiles) con.out(t(lang, "cli.wrote", { file }));
  if (opts.zip) con.out(t(lang, "cli.reports.wroteZip", { file: written[docs.length], count: docs.length }));

  let code = exitCodeFor(outcome.issues, true);
  if (opts.pdf) {
    const soffice = opts.soffice === undefined ? findSoffice() : opts.soffice;
    if (!soffice) {
      con.err(t(lang, "cli.pdf.noSoffice"));
    } else {
      con.err(t(lang, "cli.pdf.converting", { count: xlsxFiles.length }));
      const pdf = await convertToPdf(xlsxFiles, { soffice, outDir: opts.outDir });
      for (const file of pdf.written) con.out(t(lang, "cli.wrote", { file }));
      for (const f of pdf.failed) {
        con.err(
          f.reason === "timeout"
            ? t(lang, "cli.pdf.timeout", { file: f.file, seconds: f.seconds })
            : t(lang, "cli.pdf.failed", { file: f.file, detail: f.detail }),
        );
      }
      written = [...written, ...pdf.written];
      if (pdf.failed.length > 0) code = 1;
    }
  }
  return { code, written, docs, outcome };
}
