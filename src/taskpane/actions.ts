/**
 * What the pane's buttons and the ribbon commands do, over a Host. One way through: the same
 * `recalculate` pipeline the command line runs, on the office.js port.
 */
import type { Lang } from "../i18n";
import { writeSheets } from "../workbook/writeSheets";
import { recalculate, type RecalcOutcome, type RecalcStep } from "../workbook/recalc";
import { buildTemplate, type TemplateOptions } from "../workbook/template";
import type { Host } from "./host";

export interface RecalcRequest {
  /** Output language; default: the workbook's settings. */
  lang?: Lang;
  onProgress?: (step: RecalcStep) => void;
}

/** Reads the workbook (with its saved column mapping), evaluates, writes results and highlights. */
export async function recalculateWorkbook(host: Host, req: RecalcRequest = {}): Promise<RecalcOutcome> {
  const mapping = await host.loadMapping();
  return recalculate(host.port, {
    mapping: mapping ?? undefined,
    lang: req.lang,
    onProgress: req.onProgress,
  });
}

/**
 * Adds the template's input sheets to the open workbook. Sheets that already exist are left alone
 * (the planner's data is never replaced); returns the names of the sheets created and skipped.
 */
export async function createTemplateSheets(
  host: Host,
  opts: TemplateOptions,
): Promise<{ created: string[]; skipped: string[] }> {
  const existing = new Set((await host.port.sheetNames()).map((n) => n.toLowerCase()));
  const sheets = buildTemplate(opts);
  const fresh = sheets.filter((s) => !existing.has(s.name.toLowerCase()));
  if (fresh.length > 0) await writeSheets(host.port, fresh);
  return {
    created: fresh.map((s) => s.name),
    skipped: sheets.filter((s) => existing.has(s.name.toLowerCase())).map((s) => s.name),
  };
}
