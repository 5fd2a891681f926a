/**
 * `npm run bench`: national-scale timings, printed as one JSON line on stdout (progress on stderr).
 * - engine.nationalMs: evaluate() on all 10,472 communes (median of 7 runs after 3 warm-ups);
 * - recalc.*: `recalc` of the national and of the Hà Tĩnh sample workbook, each in a child process
 *   (open → recalculate → save, with the command line's port) so that its peak RSS is the recalc's own.
 *   The workbooks themselves are written beforehand with the ExcelJS port, as `template` does.
 * - office.*: syncs and the largest request of a recalculation's write through the office.js port
 *   on the fake Excel (bench/office.ts), in a child process;
 * - taskpane.*: the pane's initial JavaScript, gzipped, and its first render in headless Chromium;
 * - reports.nationalSeconds: building and writing every department report and the summary of the
 *   national workbook (bench/reports.ts).
 * Targets (brief): engine ≤ 100 ms, national recalc ≤ 20 s and ≤ 1.5 GB; Hà Tĩnh ≤ 4 syncs, every
 * request ≤ 4 MB, national syncs ≤ 4 + blocks; initial JS ≤ 350 KB gzipped; reports ≤ 10 s.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { buildHaTinhSample } from "../src/cli/sample/haTinhSample";
import { writeSheets } from "../src/workbook/writeSheets";
import { evaluate } from "../src/domain/evaluate";
import type { SheetSpec } from "../src/workbook/sheetSpec";
import { buildTemplate } from "../src/workbook/template";
import { XlsxWorkbookPort } from "../src/xlsx/xlsxPort";
import { appendProvinceRows, buildNational } from "./national";
import type { OfficeMeasure } from "./office";
import { measureReports } from "./reports";
import { measureTaskpane } from "./taskpane";

const WARMUPS = 3;
const RUNS = 7;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function timeEngine(data: ReturnType<typeof buildNational>): { medianMs: number; runsMs: number[] } {
  for (let i = 0; i < WARMUPS; i++) evaluate(data.input, data.options);
  const runsMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    const t0 = performance.now();
    evaluate(data.input, data.options);
    runsMs.push(round(performance.now() - t0));
  }
  return { medianMs: median(runsMs), runsMs };
}

async function saveWorkbook(sheets: SheetSpec[], file: string): Promise<number> {
  const port = XlsxWorkbookPort.createEmpty();
  await writeSheets(port, sheets);
  await port.saveAs(file);
  return statSync(file).size / 2 ** 20;
}

interface ChildReport {
  seconds: number;
  peakRssMb: number;
  steps: Record<string, number>;
  localities: number;
  issues: number;
}

function recalcInChild(file: string): ChildReport {
  const child = spawnSync(process.execPath, [path.join(__dirname, "recalcChild.js"), file], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`recalc child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as ChildReport;
}

function officeInChild(): OfficeMeasure {
  const child = spawnSync(
    process.execPath,
    ["--max-old-space-size=3072", path.join(__dirname, "officeChild.js")],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`office child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as OfficeMeasure;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "ntm-bench-"));
  try {
    log("building the national input (10,472 communes)…");
    const national = buildNational();
    const c = national.counts;
    log(
      `${c.communes} communes, ${c.districts} districts, ${c.provinces} provinces, ${c.budgetLines} budget lines`,
    );

    log(`engine: ${WARMUPS} warm-ups, ${RUNS} runs…`);
    const engine = timeEngine(national);
    log(`engine median ${engine.medianMs} ms`);

    log("writing the national workbook…");
    const specs = buildTemplate(national.template);
    appendProvinceRows(specs, national.provinceRows);
    const nationalFile = path.join(dir, "national.xlsx");
    const xlsxMb = await saveWorkbook(specs, nationalFile);
    log(`national.xlsx: ${round(xlsxMb)} MB`);

    const haTinhFile = path.join(dir, "hatinh.xlsx");
    await saveWorkbook(buildTemplate(buildHaTinhSample()), haTinhFile);

    log("recalc of the Hà Tĩnh sample (child process)…");
    const haTinh = recalcInChild(haTinhFile);
    log(`Hà Tĩnh: ${haTinh.seconds} s, ${haTinh.peakRssMb} MB`);
    log("recalc of the national workbook (child process)…");
    const recalc = recalcInChild(nationalFile);
    log(`national: ${recalc.seconds} s, ${recalc.peakRssMb} MB; steps ${JSON.stringify(recalc.steps)}`);

    log("department reports and the summary of the national workbook…");
    const reports = await measureReports({ nationalFile });
    log(`reports: ${JSON.stringify(reports)}`);

    log("office.js port on the fake Excel: Hà Tĩnh and national recalculation (child process)…");
    const office = officeInChild();
    log(`office: ${JSON.stringify(office)}`);
    log("task pane: production bundle, first render in headless Chromium…");
    const taskpane = await measureTaskpane();
    log(`task pane: ${JSON.stringify(taskpane)}`);

    const line = {
      engine: { nationalMs: engine.medianMs, runsMs: engine.runsMs, warmups: WARMUPS, targetMs: 100 },
      recalc: {
        nationalSeconds: recalc.seconds,
        peakRssMb: recalc.peakRssMb,
        nationalSteps: recalc.steps,
        haTinhSeconds: haTinh.seconds,
        haTinhPeakRssMb: haTinh.peakRssMb,
        targetSeconds: 20,
        targetRssMb: 1536,
      },
      office: { ...office, targetProvinceSyncs: 4, targetMaxRequestBytes: 4_000_000 },
      taskpane: { ...taskpane, targetInitialJsGzipKb: 350 },
      reports: { ...reports, targetSeconds: 10 },
      national: { ...c, xlsxMb: round(xlsxMb) },
      node: process.version,
    };
    process.stdout.write(JSON.stringify(line) + "\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
