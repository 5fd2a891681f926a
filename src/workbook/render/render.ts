/**
 * Results → WritePlan: the tool-owned result sheets, the hidden marks sheets and the highlight rules
 * on the user's input sheets. Pure: the same arguments always give a deep-equal plan.
 *
 * Sheets, in the order they appear after the inputs (summary first, then detail):
 *   KQ Tỉnh, KQ Huyện, KQ Xã, KQ Chỉ tiêu, KQ Nguồn vốn, KQ Cảnh báo (English names when lang is
 *   "en"), then the hidden marks sheets KQ_DD_1…
 * All six result sheets are always written, with a one-line note when a block is empty, so that no
 * sheet of an earlier run is left showing stale results. Marks sheets of an earlier run that are no
 * longer needed are rewritten empty for the same reason.
 *
 * The user's cells are never part of the plan: highlighting is done by conditional-format rules that
 * read the hidden marks sheets. Every user-derived string (names, codes, raw invalid values, messages)
 * is a plain string OutCell, which the ports write as text, never as a formula.
 */
import type { EvaluationInput, EvaluationResult, Issue } from "../../domain/types";
import { t, type Lang } from "../../i18n";
import { chooseOutputNames, ownedAfterWrite, sheetKey } from "./outputNames";
import type { DefinedName, InputHighlight, ToolMeta, WritePlan } from "../port";
import { buildContext } from "./context";
import { renderCommunes } from "./communes";
import { renderDistricts } from "./districts";
import { renderFunding } from "./funding";
import { renderIndicators } from "./indicators";
import { renderIssues } from "./issues";
import { collectMarks, marksHighlight, marksRangeName, renderMarksSheet } from "./marks";
import { renderProvince } from "./province";
import { isEmptyMapping, type ColumnMapping } from "../read/mapping";
import { isMappingSheetName, renderMappingSheet } from "../read/mappingSheet";
import type { SheetSpec } from "../sheetSpec";

export interface RenderArgs {
  result: EvaluationResult;
  input: EvaluationInput;
  lang: Lang;
  provinceName: string;
  /** Shown in money headers, e.g. "triệu đồng". */
  currencyUnit: string;
  /** Names of every sheet in the workbook now. */
  existingSheets: string[];
  meta: ToolMeta | null;
  /** Printed under every title when the data is the embedded sample ("Số liệu minh họa…"). */
  sampleNote?: string;
  /** The column mapping in use: written to the visible mapping sheet (see mappingSheet.ts). */
  mapping?: ColumnMapping;
}

/** Desired names of the six result sheets, in plan order. */
export const RESULT_SHEET_KEYS = [
  "province",
  "districts",
  "communes",
  "indicators",
  "funding",
  "issues",
] as const;

/** Name of the n-th hidden marks sheet (1-based); the same in every language. */
export function marksSheetName(n: number): string {
  return `KQ_DD_${n}`;
}
const MARKS_NAME = /^KQ_DD_\d+(?: \(\d+\))?$/i;

export function renderResults(args: RenderArgs): { plan: WritePlan; issues: Issue[] } {
  const { result, input, lang, existingSheets, meta } = args;
  const ctx = buildContext(result, input, {
    lang,
    provinceName: args.provinceName,
    currencyUnit: args.currencyUnit,
    sampleNote: args.sampleNote,
  });
  const marks = collectMarks(result);

  // The mapping sheet: written while a mapping is in use; an earlier one is rewritten empty once
  // the mapping is cleared, so the reader does not pick the old one up again.
  const oldMappingSheet = (meta?.ownedSheets ?? []).find(
    (n) => isMappingSheetName(n) && existingSheets.some((e) => sheetKey(e) === sheetKey(n)),
  );
  const writeMapping = !isEmptyMapping(args.mapping) || oldMappingSheet !== undefined;
  const desired = [
    ...RESULT_SHEET_KEYS.map((k) => t(lang, `render.sheet.${k}`)),
    ...(writeMapping ? [oldMappingSheet ?? t(lang, "render.sheet.mapping")] : []),
    ...marks.sheets.map((_, i) => marksSheetName(i + 1)),
  ];
  const chosen = chooseOutputNames(desired, existingSheets, meta);
  const [provinceName, districtsName, communesName, indicatorsName, fundingName, issuesName] = chosen.names;
  const mappingName = writeMapping ? chosen.names[RESULT_SHEET_KEYS.length] : undefined;
  const marksNames = chosen.names.slice(RESULT_SHEET_KEYS.length + (writeMapping ? 1 : 0));

  const indicators = renderIndicators(ctx, indicatorsName);
  const newIssues: Issue[] = [...chosen.issues, ...marks.issues, ...indicators.issues];

  const sheets: SheetSpec[] = [
    renderProvince(ctx, provinceName),
    renderDistricts(ctx, districtsName),
    renderCommunes(ctx, communesName),
    indicators.sheet,
    renderFunding(ctx, fundingName),
    renderIssues(ctx, issuesName, [...result.issues, ...newIssues]),
    ...(mappingName ? [renderMappingSheet(args.mapping ?? {}, lang, mappingName)] : []),
    ...marks.sheets.map((m, i) => renderMarksSheet(marksNames[i], m)),
  ];

  // Marks sheets of an earlier run not reused now: rewritten empty, so old highlight rules that
  // still read them colour nothing.
  const written = new Set(chosen.names.map(sheetKey));
  const existingKeys = new Set(existingSheets.map(sheetKey));
  for (const old of meta?.ownedSheets ?? []) {
    const key = sheetKey(old);
    if (!MARKS_NAME.test(old) || written.has(key) || !existingKeys.has(key)) continue;
    written.add(key);
    sheets.push(renderMarksSheet(old, null));
  }

  // One entry per input sheet the results point to: the three rules where there are marks, no rules
  // (clearing the rules of an earlier run) where everything is met now.
  const highlights = new Map<string, InputHighlight>();
  const names: DefinedName[] = [];
  marks.sheets.forEach((m, i) => {
    const rules = marksHighlight(m, marksNames[i], marksRangeName(i + 1));
    highlights.set(m.sheet, rules.highlight);
    names.push(rules.name);
  });
  const inputHighlights: InputHighlight[] = marks.referenced
    .filter((sheet) => existingKeys.has(sheetKey(sheet)))
    .map((sheet) => highlights.get(sheet) ?? { sheet, rules: [] });

  const plan: WritePlan = {
    sheets,
    inputHighlights,
    names,
    meta: {
      version: 1,
      ownedSheets: ownedAfterWrite(
        sheets.map((s) => s.name),
        existingSheets,
        meta,
      ),
    },
  };
  return { plan, issues: newIssues };
}
