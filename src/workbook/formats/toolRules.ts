/**
 * The formulas of highlight rules, and the marker that makes NTM Planner's own rules on a user's sheet
 * recognisable to every port. Pure: the ports turn these formulas into ExcelJS models, worksheet XML or
 * office.js rules.
 *
 * - textEquals → `EXACT(B3,"Đạt")` for the top-left cell of the range: case- and accent-exact, where
 *   `cellIs equal "Đạt"` would also match "đạt" and "ĐẠT" (Excel compares text case-insensitively).
 *   Excel and LibreOffice both evaluate EXACT in a rule.
 * - formula → the formula as given, a leading "=" dropped.
 *
 * Marker. Every formula rule NTM Planner adds to a user sheet is wrapped as
 * `AND(ISTEXT("NTM Planner"),<formula>)`. The marker lives in the rule itself, so it survives Excel
 * re-saving the file, moving the rule to the x14 extension (rules that refer to another sheet), the user
 * inserting rows (which rewrites the range and references but keeps string literals), and the workbook
 * going back and forth between the add-in and the command line: a re-run through any port removes
 * exactly the rules that carry it, and never a rule the planner made. Data bars have no formula to carry
 * the marker, so they are refused on user sheets.
 */
import { cellAddress, parseRangeAddress } from "../a1";
import type { ConditionalRule } from "../sheetSpec";

export const TOOL_RULE_MARKER = 'ISTEXT("NTM Planner")';

/** A rule that has a formula (every kind but data bars). */
export type FormulaRule = Exclude<ConditionalRule, { kind: "dataBar" }>;

/** A string literal in an Excel formula. */
export function formulaString(text: string): string {
  return `"${text.split('"').join('""')}"`;
}

function topLeft(range: string): string {
  const pos = parseRangeAddress(range);
  if (!pos) throw new Error(`Conditional format: not a bounded A1 range: "${range}"`);
  return cellAddress(pos.start.row, pos.start.col);
}

function stripEquals(formula: string): string {
  const f = formula.trim();
  return f.startsWith("=") ? f.slice(1) : f;
}

/** The expression of a formula rule (no leading "="), for the top-left cell of its range. */
export function ruleFormula(rule: FormulaRule): string {
  return rule.kind === "textEquals"
    ? `EXACT(${topLeft(rule.range)},${formulaString(rule.text)})`
    : stripEquals(rule.formula);
}

/** `formula` wrapped with the marker, for a rule on a user sheet. */
export function markFormula(formula: string): string {
  return `AND(${TOOL_RULE_MARKER},${formula})`;
}

/** True when a rule formula (as read back, with or without "=", in any case) carries the marker. */
export function isToolFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.toUpperCase().includes(TOOL_RULE_MARKER.toUpperCase());
}
