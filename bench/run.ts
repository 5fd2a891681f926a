/**
 * `npm run bench`: national-scale timings, printed as one JSON line on stdout (progress on stderr).
 * - engine.nationalMs: evaluate() on all 10,472 communes (median of 7 runs after 3 warm-ups);
 * - recalc.*: `recalc` of the national and of the Hà Tĩnh sample workbook, each in a child process
 *   (open → recalculate → save, with the command line's port) so that its peak RSS is the recalc's own.
 *   The workbooks themselves are written beforehand with the ExcelJS port, as `template` does.
 * Targets (brief): engine ≤ 100 ms, national recalc ≤ 20 s and ≤ 1.5 GB.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { buildHaTinhSample } from "../src/cli/sample/haTinhSample";
import { writeSheets } from "../src/workbook/writeSheets";
import { evaluate } from "../src/domain/evaluate";
import { parseRangeAddress, rangeAddress } from "../src/workbook/a1";
import { sheetName } from "../src/workbook/layout";
import type { SheetSpec } from "../src/workbook/sheetSpec";
import { buildTemplate, HEADER_ROW, type LocalityRow } from "../src/workbook/template";
import { XlsxWorkbookPort } from "../src/xlsx/xlsxPort";
import { buildNational } from "./national";

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

/**
 * The template holds one province row (TemplateOptions.province); a national workbook needs all 63,
 * so the others are appended to the province sheet's table here.
 */
function appendProvinceRows(sheets: SheetSpec[], rows: LocalityRow[]): void {
  const spec = sheets.find((s) => s.name === sheetName("province", "vi"));
  if (!spec || !spec.table || rows.length === 0) throw new Error("no province sheet to extend");
  const width = spec.rows[HEADER_ROW].length;
  for (const r of rows) spec.rows.push([r.code, r.name, ...new Array(width - 2).fill(null)]);
  const range = parseRangeAddress(spec.table.range)!;
  spec.table.range = rangeAddress(range.start.row, range.start.col, spec.rows.length - 1, range.end.col);
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
