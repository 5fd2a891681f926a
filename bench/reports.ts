/**
 * Reports at national scale: every department report and the summary of the national workbook
 * (10,472 communes), built from its recalculation and written as .xlsx files, as `ntm-planner
 * reports` does. Target (brief): building + writing ≤ 10 s.
 *
 * The workbook is written with the ExcelJS port as `template` would, then read and evaluated exactly
 * as the command reads it (XlsxPatchPort, recalculate with dryRun); those steps are not timed — the
 * target is about the reports. Pass `nationalFile` to reuse a national workbook already written
 * (bench/run.ts writes one).
 *
 * `node dist/bench/reports.js` prints the measure as one JSON line.
 */
import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { recalculate, type RecalcOutcome } from "../src/workbook/recalc";
import { buildReports } from "../src/workbook/reports/buildReports";
import { buildTemplate } from "../src/workbook/template";
import { writeSheets } from "../src/workbook/writeSheets";
import { XlsxPatchPort } from "../src/xlsx/patch/xlsxPatchPort";
import { writeReports } from "../src/xlsx/reportFile";
import { XlsxWorkbookPort } from "../src/xlsx/xlsxPort";
import { appendProvinceRows, buildNational } from "./national";

export interface ReportsMeasure {
  /** Building every report (pure) and writing its .xlsx file, in seconds. */
  nationalSeconds: number;
  /** Report files written (departments + summary). */
  files: number;
  buildSeconds: number;
  writeSeconds: number;
  /** CPU time of this process over the same span (user + system): less sensitive to a busy machine. */
  cpuSeconds: number;
  /** Rows listed as unmet across the department reports. */
  unmetRows: number;
  totalMb: number;
}

const log = (msg: string) => process.stderr.write(`[bench:reports] ${msg}\n`);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function nationalOutcome(file: string): Promise<RecalcOutcome> {
  const port = await XlsxPatchPort.fromFile(file);
  const outcome = await recalculate(port, { dryRun: true });
  if (!outcome.usable) throw new Error("national workbook is not usable");
  return outcome;
}

export async function measureReports(opts: { nationalFile?: string } = {}): Promise<ReportsMeasure> {
  const dir = mkdtempSync(path.join(tmpdir(), "ntm-bench-reports-"));
  try {
    let file = opts.nationalFile;
    if (!file) {
      log("writing the national workbook…");
      const national = buildNational();
      const specs = buildTemplate(national.template);
      appendProvinceRows(specs, national.provinceRows);
      const port = XlsxWorkbookPort.createEmpty();
      await writeSheets(port, specs);
      file = path.join(dir, "national.xlsx");
      await port.saveAs(file);
    }
    log("reading and evaluating it as `reports` does…");
    const outcome = await nationalOutcome(file);

    log("building and writing every report…");
    const out = path.join(dir, "out");
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const docs = buildReports(outcome, {
      lang: "vi",
      date: { day: 27, month: 11, year: 2026 },
      summary: true,
    });
    const t1 = performance.now();
    const written = await writeReports(docs, out, { year: outcome.result.options.year });
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);

    const bytes = written.reduce((sum, f) => sum + statSync(f).size, 0);
    return {
      nationalSeconds: round((t2 - t0) / 1000),
      files: written.length,
      buildSeconds: round((t1 - t0) / 1000),
      writeSeconds: round((t2 - t1) / 1000),
      cpuSeconds: round((cpu.user + cpu.system) / 1e6),
      unmetRows: docs.reduce((sum, d) => sum + d.stats.unmetRows, 0),
      totalMb: round(bytes / 2 ** 20, 1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measureReports({ nationalFile: process.argv[2] })
    .then((m) => process.stdout.write(JSON.stringify(m) + "\n"))
    .catch((e: unknown) => {
      process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    });
}
