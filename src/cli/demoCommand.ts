/**
 * `ntm-planner demo [--out dir]`: builds the embedded Hà Tĩnh 2022 sample (real units, synthetic
 * values, labelled as sample data), saves it, recalculates it from the saved file exactly as a
 * planner's workbook would be, and writes the result workbook and JSON.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { t, type Lang } from "../i18n";
import { buildTemplate } from "../workbook/template";
import { XlsxWorkbookPort } from "../xlsx/xlsxPort";
import { buildHaTinhSample } from "./sample/haTinhSample";
import type { Console } from "./io";
import { runRecalc } from "./recalcCommand";
import { writeSheets } from "../workbook/writeSheets";

export interface DemoCommandOptions {
  outDir: string;
  year?: number;
  lang: Lang;
}

export function demoPaths(outDir: string, year: number) {
  return {
    input: path.join(outDir, `NTM_HaTinh_${year}_mau.xlsx`),
    output: path.join(outDir, `NTM_HaTinh_${year}_ketqua.xlsx`),
    json: path.join(outDir, `NTM_HaTinh_${year}_ketqua.json`),
  };
}

/** The demo succeeds (0) whenever results were written: its deliberate data problems are the point. */
export async function runDemo(opts: DemoCommandOptions, con: Console): Promise<0 | 2> {
  const year = opts.year ?? 2022;
  const paths = demoPaths(opts.outDir, year);
  await fs.mkdir(opts.outDir, { recursive: true });
  con.err(t(opts.lang, "cli.step.sample"));
  const port = XlsxWorkbookPort.createEmpty();
  await writeSheets(port, buildTemplate(buildHaTinhSample({ year, lang: opts.lang })));
  await port.saveAs(paths.input);
  con.out(t(opts.lang, "cli.wrote", { file: paths.input }));
  const { code } = await runRecalc(
    { input: paths.input, output: paths.output, json: paths.json, lang: opts.lang },
    con,
  );
  return code === 2 ? 2 : 0;
}
