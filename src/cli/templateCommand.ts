/** `ntm-planner template <out.xlsx> [--set …] [--region …] [--year …] [--province …]` */
import { existsSync } from "fs";
import type { CriteriaSetId, RegionCode } from "../domain/types";
import { REGION_CODES } from "../domain/types";
import { t, type Lang } from "../i18n";
import { buildTemplate } from "../workbook/template";
import { XlsxWorkbookPort } from "../xlsx/xlsxPort";
import type { Console } from "./io";
import { writeSheets } from "../workbook/writeSheets";

export interface TemplateCommandOptions {
  output: string;
  set: string;
  region?: string;
  year?: string;
  province?: string;
  provinceName?: string;
  force?: boolean;
  lang: Lang;
}

const SETS: readonly CriteriaSetId[] = ["2021-2025", "2026-2030"];

export async function runTemplate(opts: TemplateCommandOptions, con: Console): Promise<0 | 2> {
  const { lang } = opts;
  const bad = (option: string, value: string) => {
    con.err(t(lang, "cli.error.badOption", { option, value }));
    return 2 as const;
  };
  if (!SETS.includes(opts.set as CriteriaSetId)) return bad("--set", opts.set);
  const setId = opts.set as CriteriaSetId;
  const year = opts.year === undefined ? Number(setId.slice(0, 4)) : Number(opts.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return bad("--year", String(opts.year));
  const region = opts.region?.toUpperCase();
  if (region !== undefined && !REGION_CODES.includes(region as RegionCode))
    return bad("--region", opts.region!);
  if (existsSync(opts.output) && !opts.force) {
    con.err(t(lang, "cli.error.exists", { file: opts.output }));
    return 2;
  }

  const sheets = buildTemplate({
    setId,
    year,
    lang,
    region: region as RegionCode | undefined,
    provinceCode: opts.province,
    provinceName: opts.provinceName,
  });
  const port = XlsxWorkbookPort.createEmpty();
  await writeSheets(port, sheets);
  await port.saveAs(opts.output);
  con.out(t(lang, "cli.templateWritten", { file: opts.output, set: setId, year }));
  return 0;
}
