/** `ntm-planner recalc <in.xlsx> [-o out.xlsx] [--json results.json]` */
import { promises as fs } from "fs";
import * as path from "path";
import { t, type Lang } from "../i18n";
import type { ColumnMapping } from "../workbook/read/reader";
import { recalculate, type RecalcOutcome } from "../workbook/recalc";
import { resultsToJson } from "../workbook/resultsJson";
import { summaryLines } from "../workbook/summary";
import { XlsxPatchPort } from "../xlsx/patch/xlsxPatchPort";
import { exitCodeFor, printIssues, type Console } from "./io";

export interface RecalcCommandOptions {
  input: string;
  output?: string;
  json?: string;
  mapping?: string;
  lang: Lang;
}

/** The input file is never overwritten by default: results go to "<name>-ketqua.xlsx" unless -o names a file. */
export function defaultOutputPath(input: string): string {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}-ketqua.xlsx`);
}

/**
 * Opens the input workbook and its mapping file, as `recalc` and `reports` both read them; says what
 * went wrong (vi/en) and returns null when either cannot be read.
 *
 * The patching port changes only the tool's own parts of the package: the planner's charts, pivot
 * tables, images and macros pass through byte for byte, and big workbooks stay cheap.
 */
export async function openInput(
  opts: { input: string; mapping?: string; lang: Lang },
  con: Console,
): Promise<{ port: XlsxPatchPort; mapping?: ColumnMapping } | null> {
  const { lang } = opts;
  let port: XlsxPatchPort;
  try {
    port = await XlsxPatchPort.fromFile(opts.input);
  } catch (e) {
    con.err(t(lang, "cli.error.open", { file: opts.input, reason: (e as Error).message }));
    return null;
  }
  if (!opts.mapping) return { port };
  try {
    return { port, mapping: JSON.parse(await fs.readFile(opts.mapping, "utf8")) as ColumnMapping };
  } catch (e) {
    con.err(t(lang, "cli.error.mapping", { file: opts.mapping, reason: (e as Error).message }));
    return null;
  }
}

export async function runRecalc(
  opts: RecalcCommandOptions,
  con: Console,
): Promise<{ code: 0 | 1 | 2; outcome?: RecalcOutcome }> {
  const { lang } = opts;
  const opened = await openInput(opts, con);
  if (!opened) return { code: 2 };
  const { port, mapping } = opened;

  const outcome = await recalculate(port, {
    mapping,
    lang,
    onProgress: (step) => con.err(t(lang, `cli.step.${step}`)),
  });
  printIssues(con, lang, outcome.issues);
  if (!outcome.usable) {
    con.err(t(lang, "cli.error.unusable"));
    return { code: 2, outcome };
  }
  const output = opts.output ?? defaultOutputPath(opts.input);
  con.err(t(lang, "cli.step.save", { file: output }));
  await port.saveAs(output);
  con.out(t(lang, "cli.wrote", { file: output }));
  if (opts.json) {
    await fs.mkdir(path.dirname(path.resolve(opts.json)), { recursive: true });
    await fs.writeFile(opts.json, JSON.stringify(resultsToJson(outcome.result, outcome.settings), null, 1));
    con.out(t(lang, "cli.wrote", { file: opts.json }));
  }
  for (const line of summaryLines(outcome.result, lang, {
    provinceName: outcome.settings.province,
    currencyUnit: outcome.settings.currencyUnit,
  })) {
    con.out(line);
  }
  return { code: exitCodeFor(outcome.issues, true), outcome };
}
