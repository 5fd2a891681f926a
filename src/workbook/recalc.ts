/**
 * The one way through: sheets → domain inputs → pure evaluation → results → sheets.
 * Shared by the command line (.xlsx port) and the add-in (office.js port).
 */
import { evaluate } from "../domain/evaluate";
import { compareIssues } from "../domain/issues";
import type { EvaluationResult, Issue, Locality } from "../domain/types";
import type { Lang } from "../i18n";
import type { WorkbookPort, WritePlan } from "./port";
import { readWorkbook, type ColumnMapping, type ReadResult } from "./read/reader";
import { renderResults } from "./render/render";
import type { ResultsSettings } from "./resultsJson";

export type RecalcStep = "read" | "evaluate" | "render" | "write";

export interface RecalcOptions {
  mapping?: ColumnMapping;
  /** Overrides the workbook's language setting for the output. */
  lang?: Lang;
  onProgress?: (step: RecalcStep) => void;
  /** Compute only; leave the workbook untouched. */
  dryRun?: boolean;
}

export interface RecalcOutcome {
  read: ReadResult;
  result: EvaluationResult;
  plan: WritePlan;
  /** Every issue: reading, evaluation and writing, ordered by severity, sheet and cell. */
  issues: Issue[];
  lang: Lang;
  settings: ResultsSettings;
  /** False when the input cannot be evaluated at all (no indicators or no localities). */
  usable: boolean;
}

export async function recalculate(port: WorkbookPort, opts: RecalcOptions = {}): Promise<RecalcOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  progress("read");
  const read = await readWorkbook(port, { mapping: opts.mapping });
  const lang = opts.lang ?? read.settings.lang;
  const input = { ...read.input, localities: withProvince(read) };

  progress("evaluate");
  const evaluated = evaluate(input, read.options);
  const result: EvaluationResult = {
    ...evaluated,
    issues: [...read.issues, ...evaluated.issues].sort(compareIssues),
  };

  progress("render");
  const [existingSheets, meta] = await Promise.all([port.sheetNames(), port.readMeta()]);
  const settings = resultsSettings(read, lang);
  const rendered = renderResults({
    result,
    input,
    lang,
    provinceName: settings.province,
    currencyUnit: settings.currencyUnit,
    existingSheets,
    meta,
    sampleNote: read.settings.dataNote,
    mapping: read.mapping,
  });
  const issues = [...result.issues, ...rendered.issues].sort(compareIssues);
  const usable = input.indicators.length > 0 && input.localities.some((l) => l.level !== "province");

  if (!opts.dryRun && usable) {
    progress("write");
    await port.write(rendered.plan);
  }
  return { read, result: { ...result, issues }, plan: rendered.plan, issues, lang, settings, usable };
}

/**
 * The province is the root of every roll-up. Workbooks without a province sheet (or a planner's own
 * layout) get one from the settings sheet, so communes and districts always have a root.
 */
function withProvince(read: ReadResult): Locality[] {
  const localities = read.input.localities;
  if (localities.some((l) => l.level === "province")) return localities;
  const code = read.settings.provinceCode || "TINH";
  const province: Locality = { code, name: read.settings.provinceName ?? "", level: "province", values: {} };
  return [province, ...localities];
}

function resultsSettings(read: ReadResult, lang: Lang): ResultsSettings {
  const s = read.settings;
  return {
    province: s.provinceName ?? "",
    provinceCode: s.provinceCode ?? "",
    region: read.options.region,
    year: read.options.year,
    setId: read.options.setId,
    nearMargin: read.options.nearMargin,
    currencyUnit: s.moneyUnit,
    lang,
    ...(s.dataNote ? { sampleNote: s.dataNote } : {}),
  };
}
